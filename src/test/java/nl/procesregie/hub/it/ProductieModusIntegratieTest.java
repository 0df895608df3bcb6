package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.app.HubApplicatie;
import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.Modus;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.KindProces;

/**
 * The hub in productie mode against servers the test starts itself, as an operator's would be: Kafka, PostgreSQL
 * with a password, and a mail relay that demands STARTTLS and a login, with a certificate from a private CA that the
 * hub trusts through {@code SMTP_TRUSTSTORE}. Mail with special-category data never goes out unencrypted or to a
 * relay whose certificate does not check out.
 */
class ProductieModusIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final String WOERDEN = "0632";
    static final String SMTP_GEBRUIKER = "hub";
    static final String SMTP_WACHTWOORD = "relay-" + UUID.randomUUID();

    @TempDir
    static Path certificaten;
    static Path serverPem;
    static Path eigenRegio;
    static SMTPServer relay;
    static final List<byte[]> ontvangen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRelay() throws Exception {
        // The test regio with its addresses in real-looking domains: productie refuses the reserved example domains.
        String testRegio;
        try (InputStream in = ProductieModusIntegratieTest.class.getResourceAsStream("/config/test-regio.yaml")) {
            testRegio = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        eigenRegio = Files.writeString(certificaten.resolve("testregio.yaml"), testRegio.replace(".example", ".regio-test.nl"));
        serverPem = maakCertificaat(certificaten, "relay", "dns:localhost");
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyStore sleutels = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificaten.resolve("relay.p12"))) {
            sleutels.load(in, "geheim".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(sleutels, "geheim".toCharArray());
        tls.init(kmf.getKeyManagers(), null, null);
        relay = SMTPServer.port(KindProces.vrijePoort())
                .enableTLS()
                .requireTLS()
                .startTlsSocketFactory(tls)
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((gebruiker, wachtwoord, context) -> {
                    if (!SMTP_GEBRUIKER.equals(gebruiker) || !SMTP_WACHTWOORD.equals(wachtwoord)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, van, aan, data) -> ontvangen.add(data))
                .build();
        relay.start();
    }

    @AfterAll
    static void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    /** A self-signed certificate made with the JDK's keytool: a key store for the server and its PEM for the hub. */
    static Path maakCertificaat(Path map, String naam, String san) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path p12 = map.resolve(naam + ".p12");
        Path pem = map.resolve(naam + ".pem");
        voerUit(keytool, "-genkeypair", "-alias", naam, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + naam + ".test", "-ext", "SAN=" + san, "-keystore", p12.toString(),
                "-storetype", "PKCS12", "-storepass", "geheim");
        voerUit(keytool, "-exportcert", "-rfc", "-alias", naam, "-keystore", p12.toString(), "-storepass", "geheim",
                "-file", pem.toString());
        return pem;
    }

    static void voerUit(String... opdracht) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
        String uitvoer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + uitvoer);
    }

    /** Productie settings for the servers of {@code omgeving}, mail through the STARTTLS relay. */
    static Map<String, String> productie(HubOmgeving omgeving, String groep) {
        Map<String, String> m = omgeving.instellingen(groep);
        m.remove("HUB_DEMO_FEED");
        m.put("HUB_MODE", "productie");
        m.put("HUB_PSEUDONIEM_SLEUTEL", nieuweSleutel());
        m.put("HUB_BEVESTIG_SLEUTEL", nieuweSleutel());
        m.put("HUB_CONFIG", eigenRegio.toString());
        m.put("HUB_BASIS_URL", "https://procesregie.regio.example");
        m.put("SMTP_HOST", "localhost");
        m.put("SMTP_PORT", String.valueOf(relay.getPort()));
        m.put("SMTP_USERNAME", SMTP_GEBRUIKER);
        m.put("SMTP_PASSWORD", SMTP_WACHTWOORD);
        m.put("SMTP_STARTTLS", "true");
        m.put("SMTP_TRUSTSTORE", serverPem.toString());
        m.put("HUB_MAIL_AFZENDER", "signalen@procesregie-testregio.nl");
        return m;
    }

    /** A random key, made at run time so that no test publishes a key value productie must refuse. */
    static String nieuweSleutel() {
        byte[] willekeurig = new byte[36];
        new SecureRandom().nextBytes(willekeurig);
        return Base64.getEncoder().encodeToString(willekeurig);
    }

    /** Starts a hub exactly as the application does in productie mode: infrastructure only from the settings. */
    static Hub startProductie(Map<String, String> instellingen) throws Exception {
        HubInstellingen i = HubInstellingen.uit(instellingen);
        assertEquals(Modus.PRODUCTIE, i.modus());
        return Hub.start(i, HubApplicatie.infrastructuur(i), Clock.systemUTC());
    }

    static void vierTrajecten(HubOmgeving omgeving, String bsn) {
        for (int n = 1; n <= 4; n++) {
            omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing(WOERDEN, "1000000" + n, bsn,
                    LocalDate.now(), Berichten.identificatie(), null, new Product("P" + n, "45", "45A0" + n)));
        }
    }

    @Test
    void productieMailtVersleuteldEnIngelogdViaDeVertrouwdeRelay() throws Exception {
        try (HubOmgeving omgeving = new HubOmgeving(); Hub hub = startProductie(productie(omgeving, "productie-1"))) {
            assertNull(hub.camelContext().getRoute("invoermap"), "without HUB_INVOER_MAP no intake folder");
            int eerder = ontvangen.size();
            String bsn = Berichten.bsn(41);
            vierTrajecten(omgeving, bsn);

            HubOmgeving.wachtTot("de mail via de STARTTLS-relay", WACHT, () -> ontvangen.size() > eerder);
            String mail = new String(ontvangen.get(eerder), StandardCharsets.UTF_8);
            // The relay accepts MAIL only after STARTTLS and a login, so its arrival proves both.
            assertTrue(mail.contains("procesregie@woerden.regio-test.nl"), "addressed to Woerden's regisseur");
            assertTrue(mail.contains("Message-ID: <"), "with the outbox's fixed Message-ID");
            assertFalse(mail.contains(bsn), "no BSN in the mail");
            HubOmgeving.wachtTot("uitgaand verzonden", WACHT, () -> telling(omgeving,
                    "select count(*) from uitgaand where kanaal = 'MAIL' and verzonden_op is not null") == 1);
        }
    }

    /** Each value productie refuses, given at a real start: the start fails on it, naming the setting, never the key. */
    @Test
    void productieStartNietMetOnveiligeSleutelsOfVoorbeeldconfiguratie() throws Exception {
        String ontwikkelsleutel = "procesregie-hub-ontwikkelsleutel-niet-voor-productie";
        String ontwikkelBevestigsleutel = "procesregie-hub-bevestigsleutel-niet-voor-productie";
        try (HubOmgeving omgeving = new HubOmgeving()) {
            Map<String, String> goed = productie(omgeving, "productie-5");
            String gedeeld = nieuweSleutel();
            List<Map<String, String>> fout = List.of(
                    Map.of("HUB_PSEUDONIEM_SLEUTEL", ontwikkelsleutel, "HUB_BEVESTIG_SLEUTEL", ontwikkelBevestigsleutel),
                    Map.of("HUB_PSEUDONIEM_SLEUTEL", ontwikkelBevestigsleutel),
                    Map.of("HUB_BEVESTIG_SLEUTEL", ontwikkelsleutel),
                    Map.of("HUB_BEVESTIG_SLEUTEL", HubOmgeving.BEVESTIG_SLEUTEL),
                    Map.of("HUB_PSEUDONIEM_SLEUTEL", "a".repeat(64), "HUB_BEVESTIG_SLEUTEL", "a".repeat(64)),
                    Map.of("HUB_BEVESTIG_SLEUTEL", "ab".repeat(32)),
                    Map.of("HUB_PSEUDONIEM_SLEUTEL", nieuweSleutel().substring(0, 31)),
                    Map.of("HUB_PSEUDONIEM_SLEUTEL", gedeeld, "HUB_BEVESTIG_SLEUTEL", gedeeld),
                    Map.of("HUB_BEVESTIG_SLEUTEL", omgeving.postgres.password() + "-" + gedeeld,
                            "HUB_DB_PASSWORD", omgeving.postgres.password() + "-" + gedeeld),
                    Map.of("HUB_CONFIG", "classpath:config/utrecht-west.yaml"),
                    Map.of("HUB_CONFIG", "classpath:config/flevoland.yaml"),
                    Map.of("HUB_CONFIG", "classpath:config/test-regio.yaml"),
                    Map.of("HUB_MAIL_AFZENDER", "noreply@example.com"));
            for (Map<String, String> onveilig : fout) {
                Map<String, String> m = new java.util.HashMap<>(goed);
                m.putAll(onveilig);
                ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> startProductie(m).close(),
                        "productie start niet met " + onveilig.keySet());
                for (var instelling : onveilig.entrySet()) {
                    if (instelling.getKey().endsWith("_SLEUTEL")) {
                        assertTrue(f.fouten().stream().anyMatch(r -> r.startsWith(instelling.getKey() + ": ")),
                                f.getMessage());
                        assertFalse(f.getMessage().contains(instelling.getValue()), "no key in: " + f.getMessage());
                    } else if (!instelling.getKey().equals("HUB_DB_PASSWORD")) {
                        // The test regio's own addresses are named by file and path; the rest by setting.
                        String naam = instelling.getValue().endsWith("test-regio.yaml") ? "test-regio.yaml: "
                                : instelling.getKey() + ": ";
                        assertTrue(f.fouten().stream().anyMatch(r -> r.startsWith(naam)), f.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void eenOnbekendCertificaatKrijgtGeenMail() throws Exception {
        // Without SMTP_TRUSTSTORE the JVM's trust store applies, which does not know the private CA.
        try (HubOmgeving omgeving = new HubOmgeving()) {
            Map<String, String> m = productie(omgeving, "productie-2");
            m.remove("SMTP_TRUSTSTORE");
            verwachtGeenMail(omgeving, m, ontvangen.size(), 42);
        }
    }

    @Test
    void eenCertificaatVoorEenAndereNaamKrijgtGeenMail() throws Exception {
        // The certificate names localhost; reached as 127.0.0.1 the relay cannot prove who it is.
        try (HubOmgeving omgeving = new HubOmgeving()) {
            Map<String, String> m = productie(omgeving, "productie-3");
            m.put("SMTP_HOST", "127.0.0.1");
            verwachtGeenMail(omgeving, m, ontvangen.size(), 43);
        }
    }

    @Test
    void eenRelayZonderStarttlsKrijgtGeenMail() throws Exception {
        // The test environment's own SMTP server speaks only plain text: the hub must not fall back to it.
        try (HubOmgeving omgeving = new HubOmgeving()) {
            Map<String, String> m = productie(omgeving, "productie-4");
            m.put("SMTP_HOST", omgeving.smtp.host());
            m.put("SMTP_PORT", String.valueOf(omgeving.smtp.port()));
            m.remove("SMTP_USERNAME");
            m.remove("SMTP_PASSWORD");
            try (Hub hub = startProductie(m)) {
                vierTrajecten(omgeving, Berichten.bsn(44));
                wachtOpMislukteMail(omgeving);
                assertEquals(0, omgeving.smtp.received().length, "nothing sent in plain text");
            }
        }
    }

    static void verwachtGeenMail(HubOmgeving omgeving, Map<String, String> m, int eerder, int jeugdige) throws Exception {
        try (Hub hub = startProductie(m)) {
            vierTrajecten(omgeving, Berichten.bsn(jeugdige));
            wachtOpMislukteMail(omgeving);
            assertEquals(eerder, ontvangen.size(), "the relay received nothing from this hub");
        }
    }

    /** Two failed attempts, recorded as not delivered: the mail waits in the outbox for when the relay is fixed. */
    static void wachtOpMislukteMail(HubOmgeving omgeving) {
        HubOmgeving.wachtTot("twee mislukte pogingen", WACHT, () -> telling(omgeving,
                "select count(*) from uitgaand where kanaal = 'MAIL' and pogingen >= 2 and laatste_fout is not null "
                        + "and verzonden_op is null") == 1);
        // Nothing left the hub, so nothing may count as perhaps delivered (a later delivery is not a re-send).
        assertEquals(0, telling(omgeving, "select count(*) from uitgaand where kanaal = 'MAIL' "
                + "and (laatste_fout_ambigu or herzendingen > 0)"));
    }

    static long telling(HubOmgeving omgeving, String sql) {
        try {
            return omgeving.telling(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
