package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.TestKafka;

/**
 * The hub's Kafka clients against a broker of their own that speaks only TLS: once with mutual TLS (the hub shows a
 * certificate of its own), once with SASL PLAIN over TLS. Everything the hub reads and writes crosses that listener:
 * the iJw records, the signal event and the parked record.
 */
class KafkaBeveiligingIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    @TempDir
    Path map;
    HubOmgeving omgeving;
    TestKafka kafka;
    Hub hub;

    @AfterEach
    void opruimen() {
        if (hub != null) {
            hub.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (omgeving != null) {
            omgeving.close();
        }
    }

    @Test
    void mutualTls() throws Exception {
        Path brokerPem = ProductieModusIntegratieTest.maakCertificaat(map, "broker", "dns:localhost,ip:127.0.0.1");
        Path hubPem = ProductieModusIntegratieTest.maakCertificaat(map, "hub", "dns:hub.test");
        // The broker checks at start that a client with its own settings could connect: it trusts itself too.
        Map<String, String> broker = new HashMap<>(sleutelopslag(brokerPem, hubPem));
        broker.put("ssl.client.auth", "required");
        Map<String, String> client = Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", brokerPem.toString(), "ssl.keystore.type", "PKCS12",
                "ssl.keystore.location", map.resolve("hub.p12").toString(), "ssl.keystore.password", "geheim");
        kafka = TestKafka.beveiligd(SecurityProtocol.SSL, broker, client);

        doorDeHub(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE", brokerPem.toString(),
                "KAFKA_SSL_KEYSTORE", map.resolve("hub.p12").toString(), "KAFKA_SSL_KEYSTORE_PASSWORD", "geheim"));
    }

    @Test
    void saslPlainOverTls() throws Exception {
        Path brokerPem = ProductieModusIntegratieTest.maakCertificaat(map, "broker", "dns:localhost,ip:127.0.0.1");
        Map<String, String> broker = new HashMap<>(sleutelopslag(brokerPem));
        broker.put("sasl.enabled.mechanisms", "PLAIN");
        broker.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        broker.put("listener.name.external.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain."
                + "PlainLoginModule required username=\"broker\" password=\"broker-geheim\" "
                + "user_broker=\"broker-geheim\" user_hub=\"hub-\\\"geheim\\\"\";");
        Map<String, String> client = Map.of("security.protocol", "SASL_SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", brokerPem.toString(), "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" "
                        + "password=\"broker-geheim\";");
        kafka = TestKafka.beveiligd(SecurityProtocol.SASL_SSL, broker, client);

        // A password with a quote in it: the hub must quote it in its JAAS line.
        doorDeHub(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SSL_TRUSTSTORE", brokerPem.toString(),
                "KAFKA_SASL_MECHANISM", "PLAIN", "KAFKA_SASL_USERNAME", "hub", "KAFKA_SASL_PASSWORD",
                "hub-\"geheim\""));
    }

    /** The broker's key store, and a trust store of the given certificates. */
    Map<String, String> sleutelopslag(Path... vertrouwd) throws IOException {
        Path pem = map.resolve("broker-vertrouwt.pem");
        StringBuilder certificaten = new StringBuilder();
        for (Path p : vertrouwd) {
            certificaten.append(Files.readString(p));
        }
        Files.writeString(pem, certificaten);
        return Map.of("ssl.keystore.type", "PKCS12", "ssl.keystore.location", map.resolve("broker.p12").toString(),
                "ssl.keystore.password", "geheim", "ssl.truststore.type", "PEM", "ssl.truststore.location",
                pem.toString());
    }

    /** Four trajectories and one record that is no iJw: a mail, a signal event and a parked record. */
    void doorDeHub(Map<String, String> beveiliging) throws Exception {
        omgeving = new HubOmgeving();
        kafka.createTopics(1, omgeving.toewijzingen, omgeving.startStop, omgeving.verzoeken, omgeving.meldingen,
                omgeving.acties, omgeving.signalen, omgeving.ongeldig);
        Map<String, String> instellingen = omgeving.instellingen("beveiligd");
        instellingen.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        instellingen.putAll(beveiliging);
        hub = Hub.start(HubInstellingen.uit(instellingen), new Hub.Infrastructuur(kafka.bootstrapServers(),
                omgeving.dbUrl, omgeving.postgres.user(), omgeving.postgres.password(), omgeving.smtp.host(),
                omgeving.smtp.port()), Clock.systemUTC());

        String bsn = Berichten.bsn(80);
        for (int i = 1; i <= 4; i++) {
            kafka.send(omgeving.toewijzingen, Berichten.toewijzing("0632", "6000000" + i, bsn, LocalDate.now(),
                    Berichten.identificatie(), null, new Product("T" + i, "45", "45A2" + i)));
        }
        kafka.send(omgeving.toewijzingen, "geen iJw".getBytes(StandardCharsets.UTF_8));

        omgeving.smtp.waitForMessages(1, WACHT);
        List<ConsumerRecord<byte[], byte[]>> events = kafka.readAll(omgeving.signalen, 1, WACHT);
        assertTrue(new String(events.get(0).value(), StandardCharsets.UTF_8).contains("\"VIERDE_TRAJECT\""));
        List<ConsumerRecord<byte[], byte[]>> geparkeerd = kafka.readAll(omgeving.ongeldig, 1, WACHT);
        assertEquals("XML_ONGELDIG", new String(geparkeerd.get(0).headers().lastHeader("hub-foutcode").value(),
                StandardCharsets.UTF_8));
        assertTrue(!hub.consumer().heeftStoring(), "connected");
    }
}
