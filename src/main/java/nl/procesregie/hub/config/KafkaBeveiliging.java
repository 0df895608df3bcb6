package nl.procesregie.hub.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the hub's Kafka clients connect: plain, TLS, and/or SASL. One set of client properties for every consumer and
 * producer, so no client is forgotten. Passwords stay out of {@link #toString()}.
 *
 * @param truststore PEM with the certificates that sign the brokers' (null: the JVM's trust store)
 * @param keystore   PKCS12 with the hub's own certificate, for brokers that require one (mutual TLS); may be null
 */
public record KafkaBeveiliging(String protocol, Path truststore, Path keystore, String keystoreWachtwoord,
                               String saslMechanisme, String saslGebruiker, String saslWachtwoord) {

    public static final List<String> PROTOCOLLEN = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final List<String> MECHANISMEN = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    public static final KafkaBeveiliging GEEN = new KafkaBeveiliging("PLAINTEXT", null, null, null, null, null, null);

    public boolean tls() {
        return isTls(protocol);
    }

    public boolean sasl() {
        return isSasl(protocol);
    }

    static boolean isTls(String protocol) {
        return protocol.endsWith("SSL");
    }

    static boolean isSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    /** The Kafka client properties, for consumers and producers alike. */
    public Map<String, String> clientEigenschappen() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", protocol);
        if (truststore != null) {
            p.put("ssl.truststore.type", "PEM");
            p.put("ssl.truststore.location", truststore.toString());
        }
        if (keystore != null) {
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.location", keystore.toString());
            p.put("ssl.keystore.password", keystoreWachtwoord);
        }
        if (sasl()) {
            p.put("sasl.mechanism", saslMechanisme);
            p.put("sasl.jaas.config", jaas());
        }
        return p;
    }

    private String jaas() {
        String module = saslMechanisme.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + citeer(saslGebruiker) + "\" password=\"" + citeer(saslWachtwoord)
                + "\";";
    }

    private static String citeer(String waarde) {
        return waarde.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return protocol + (truststore == null ? "" : ", truststore " + truststore)
                + (keystore == null ? "" : ", keystore " + keystore)
                + (sasl() ? ", " + saslMechanisme + " als " + saslGebruiker : "");
    }
}
