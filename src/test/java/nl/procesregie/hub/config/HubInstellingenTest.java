package nl.procesregie.hub.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.procesregie.hub.ijw.XsdControle;

class HubInstellingenTest {

    // Made at run time, so the tests publish no key value that productie would have to refuse.
    private static final String SLEUTEL = nieuweSleutel();
    private static final String BEVESTIG_SLEUTEL = nieuweSleutel();
    private static final String MAAK_SLEUTEL = "maak een willekeurige sleutel, bijvoorbeeld met: openssl rand -base64 48";

    private static String nieuweSleutel() {
        byte[] willekeurig = new byte[36];
        new SecureRandom().nextBytes(willekeurig);
        return Base64.getEncoder().encodeToString(willekeurig);
    }

    private static HubInstellingen met(String... sleutelsEnWaarden) {
        Map<String, String> bron = new HashMap<>();
        for (int i = 0; i < sleutelsEnWaarden.length; i += 2) {
            bron.put(sleutelsEnWaarden[i], sleutelsEnWaarden[i + 1]);
        }
        return HubInstellingen.uit(bron);
    }

    private static ConfiguratieFout fout(String... sleutelsEnWaarden) {
        return assertThrows(ConfiguratieFout.class, () -> met(sleutelsEnWaarden));
    }

    private static Map<String, String> productie() {
        Map<String, String> bron = new HashMap<>();
        bron.put("HUB_MODE", "productie");
        bron.put("KAFKA_BOOTSTRAP_SERVERS", "kafka1.regio.example:9093,kafka2.regio.example:9093");
        bron.put("HUB_DB_URL", "jdbc:postgresql://db.regio.example:5432/hub");
        bron.put("SMTP_HOST", "smtp.regio.example");
        bron.put("SMTP_PORT", "587");
        bron.put("SMTP_STARTTLS", "true");
        bron.put("HUB_PSEUDONIEM_SLEUTEL", SLEUTEL);
        bron.put("HUB_MAIL_AFZENDER", "signalen@procesregie-utrechtwest.nl");
        bron.put("HUB_CONFIG", "/etc/procesregie/utrecht-west.yaml");
        bron.put("HUB_BEVESTIG_SLEUTEL", BEVESTIG_SLEUTEL);
        bron.put("HUB_BASIS_URL", "https://procesregie.regio.example/");
        return bron;
    }

    @Test
    void zonderInstellingenGeldenDeStandaarden() {
        HubInstellingen i = HubInstellingen.uit(Map.of());
        assertEquals(Modus.DEMO, i.modus());
        assertEquals(List.of("classpath:config/utrecht-west.yaml", "classpath:config/flevoland.yaml"), i.configLocaties());
        assertEquals(Optional.empty(), i.kafkaBootstrapServers());
        assertEquals("procesregie-hub", i.kafkaGroupId());
        assertEquals(500, i.kafkaMaxPollRecords());
        assertEquals("ijw.toewijzingen", i.topicToewijzingen());
        assertEquals("ijw.start-stop", i.topicStartStop());
        assertEquals("ijw.verzoeken", i.topicVerzoeken());
        assertEquals("regie.signalen", i.topicSignalen());
        assertEquals("ijw.ongeldig", i.topicOngeldig());
        assertEquals(Optional.empty(), i.dbUrl());
        assertEquals(Optional.empty(), i.dbUser());
        assertEquals(Optional.empty(), i.dbPassword());
        assertEquals(8, i.dbPoolSize());
        assertEquals(Optional.empty(), i.smtpHost());
        assertEquals(Optional.empty(), i.smtpPort());
        assertEquals(Optional.empty(), i.smtpUsername());
        assertEquals(Optional.empty(), i.smtpPassword());
        assertFalse(i.smtpStarttls());
        assertEquals("procesregie-hub@localhost", i.mailAfzender());
        assertTrue(i.pseudoniemSleutelIsStandaard());
        assertEquals(5_242_880, i.maxRecordBytes());
        assertEquals(3, i.maxPogingen());
        assertEquals(Duration.ofMillis(200), i.outboxInterval());
        assertEquals(Duration.ofMinutes(5), i.outboxMaxWachttijd());
        assertEquals(Path.of("./hub-data"), i.dataDir());
        assertTrue(i.demoFeed());
        assertEquals(8080, i.httpPort());
    }

    @Test
    void gegevenWaardenWordenOvergenomen() {
        HubInstellingen i = met(
                "HUB_CONFIG", "classpath:config/flevoland.yaml, /etc/hub/regio.yaml",
                "KAFKA_BOOTSTRAP_SERVERS", "k1.example:9092,[::1]:9093",
                "HUB_KAFKA_GROUP_ID", "hub-test",
                "HUB_KAFKA_MAX_POLL_RECORDS", "50",
                "HUB_TOPIC_TOEWIJZINGEN", "a.toewijzingen",
                "HUB_TOPIC_START_STOP", "a.start-stop",
                "HUB_TOPIC_VERZOEKEN", "a.verzoeken",
                "HUB_TOPIC_SIGNALEN", "a.signalen",
                "HUB_TOPIC_ONGELDIG", "a.ongeldig",
                "HUB_DB_URL", "jdbc:postgresql://localhost:5432/hub",
                "HUB_DB_USER", "hub",
                "HUB_DB_PASSWORD", "db-geheim",
                "HUB_DB_POOL_SIZE", "2",
                "SMTP_HOST", "localhost",
                "SMTP_PORT", "2525",
                "SMTP_USERNAME", "hubmail",
                "SMTP_PASSWORD", "smtp-geheim",
                "SMTP_STARTTLS", "TRUE",
                "HUB_MAIL_AFZENDER", "hub@regio.example",
                "HUB_PSEUDONIEM_SLEUTEL", SLEUTEL,
                "HUB_MAX_RECORD_BYTES", "1024",
                "HUB_MAX_POGINGEN", "7",
                "HUB_OUTBOX_INTERVAL", "PT1S",
                "HUB_OUTBOX_MAX_WACHTTIJD", "PT10M",
                "HUB_DATA_DIR", "/var/lib/hub",
                "HUB_DEMO_FEED", "false",
                "HUB_HTTP_PORT", "0");
        assertEquals(List.of("classpath:config/flevoland.yaml", "/etc/hub/regio.yaml"), i.configLocaties());
        assertEquals(Optional.of("k1.example:9092,[::1]:9093"), i.kafkaBootstrapServers());
        assertEquals("hub-test", i.kafkaGroupId());
        assertEquals(50, i.kafkaMaxPollRecords());
        assertEquals(List.of("a.toewijzingen", "a.start-stop", "a.verzoeken", "a.signalen", "a.ongeldig"),
                List.of(i.topicToewijzingen(), i.topicStartStop(), i.topicVerzoeken(), i.topicSignalen(),
                        i.topicOngeldig()));
        assertEquals(Optional.of("jdbc:postgresql://localhost:5432/hub"), i.dbUrl());
        assertEquals(Optional.of("hub"), i.dbUser());
        assertEquals(Optional.of("db-geheim"), i.dbPassword());
        assertEquals(2, i.dbPoolSize());
        assertEquals(Optional.of("localhost"), i.smtpHost());
        assertEquals(Optional.of(2525), i.smtpPort());
        assertEquals(Optional.of("hubmail"), i.smtpUsername());
        assertEquals(Optional.of("smtp-geheim"), i.smtpPassword());
        assertTrue(i.smtpStarttls());
        assertEquals("hub@regio.example", i.mailAfzender());
        assertFalse(i.pseudoniemSleutelIsStandaard());
        assertArrayEquals(SLEUTEL.getBytes(StandardCharsets.UTF_8), i.pseudoniemSleutel());
        assertEquals(1024, i.maxRecordBytes());
        assertEquals(7, i.maxPogingen());
        assertEquals(Duration.ofSeconds(1), i.outboxInterval());
        assertEquals(Duration.ofMinutes(10), i.outboxMaxWachttijd());
        assertEquals(Path.of("/var/lib/hub"), i.dataDir());
        assertFalse(i.demoFeed());
        assertEquals(0, i.httpPort());
    }

    @Test
    void deInvoermapIsInDemomodusDieOnderDeDatamapTenzijDeHubEenBrokerKrijgt() {
        assertEquals(Optional.of(Path.of("/tmp/demo", "invoer")), met("HUB_DATA_DIR", "/tmp/demo").invoerMap());
        assertEquals(Optional.empty(), met("HUB_DATA_DIR", "/tmp/demo", "KAFKA_BOOTSTRAP_SERVERS", "k1.example:9092")
                .invoerMap(), "een hub met een eigen broker leest alleen een map die hem genoemd is");
        assertEquals(Optional.of(Path.of("/srv/invoer")), met("KAFKA_BOOTSTRAP_SERVERS", "k1.example:9092",
                "HUB_INVOER_MAP", "/srv/invoer").invoerMap());
        assertEquals(Duration.ofSeconds(2), met().invoerRusttijd());
        assertEquals(50, met().invoerHttpLimiet());
    }

    @Test
    void legeWaardeTeltAlsNietGezet() {
        HubInstellingen i = met("HUB_HTTP_PORT", " ", "KAFKA_BOOTSTRAP_SERVERS", "");
        assertEquals(8080, i.httpPort());
        assertEquals(Optional.empty(), i.kafkaBootstrapServers());
    }

    @Test
    void voorbeeldmeldingUitDeOpdracht() {
        ConfiguratieFout f = fout("HUB_MAX_RECORD_BYTES", "abc");
        assertEquals(List.of("HUB_MAX_RECORD_BYTES: verwacht een positief geheel getal, gevonden 'abc'"), f.fouten());
    }

    @Test
    void saslOverTlsNamesEveryMissingPieceAndBuildsOneClientConfig() {
        ConfiguratieFout f = fout("KAFKA_SECURITY_PROTOCOL", "sasl_ssl", "KAFKA_BOOTSTRAP_SERVERS", "kafka1:9093");
        assertEquals(List.of("KAFKA_SASL_MECHANISM: ontbreekt bij KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                "KAFKA_SASL_USERNAME: ontbreekt bij KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                "KAFKA_SASL_PASSWORD: ontbreekt bij KAFKA_SECURITY_PROTOCOL=SASL_SSL"), f.fouten());

        HubInstellingen i = met("KAFKA_BOOTSTRAP_SERVERS", "kafka1:9093", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "scram-sha-512",
                "KAFKA_SASL_USERNAME", "hub", "KAFKA_SASL_PASSWORD", "a\\b\"c");
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hub\" "
                        + "password=\"a\\\\b\\\"c\";"), i.kafkaBeveiliging().clientEigenschappen());
        assertFalse(i.toString().contains("a\\b"), "no password in the settings' text");

        assertEquals(List.of("KAFKA_SECURITY_PROTOCOL: werkt alleen met KAFKA_BOOTSTRAP_SERVERS: de ingebouwde broker "
                + "van de demo spreekt PLAINTEXT"), fout("KAFKA_SECURITY_PROTOCOL", "SSL").fouten());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "HUB_MODE | test | verwacht demo of productie, gevonden 'test'",
            "HUB_CONFIG | ' , ' | bevat geen enkele locatie",
            "KAFKA_BOOTSTRAP_SERVERS | kafka1 | verwacht host:poort",
            "KAFKA_BOOTSTRAP_SERVERS | kafka1:99999 | verwacht host:poort",
            "HUB_KAFKA_MAX_POLL_RECORDS | 0 | verwacht een positief geheel getal, gevonden '0'",
            "HUB_TOPIC_TOEWIJZINGEN | ijw toewijzingen | geen geldige Kafka-topicnaam",
            "HUB_TOPIC_START_STOP | ijw/start | geen geldige Kafka-topicnaam",
            "HUB_TOPIC_VERZOEKEN | ijw:verzoeken | geen geldige Kafka-topicnaam",
            "HUB_TOPIC_SIGNALEN | ijw.toewijzingen | gelijk aan HUB_TOPIC_TOEWIJZINGEN",
            "HUB_TOPIC_ONGELDIG | regie.signalen | gelijk aan HUB_TOPIC_SIGNALEN",
            "HUB_TOPIC_MELDINGEN | ijw.start-stop | gelijk aan HUB_TOPIC_START_STOP",
            "HUB_TOPIC_ACTIES | regie.meldingen | gelijk aan HUB_TOPIC_MELDINGEN",
            "HUB_DB_URL | jdbc:mysql://db/hub | verwacht een JDBC-URL die begint met 'jdbc:postgresql:'",
            "HUB_DB_POOL_SIZE | acht | verwacht een positief geheel getal, gevonden 'acht'",
            "SMTP_PORT | 70000 | verwacht een poortnummer (1–65535), gevonden '70000'",
            "SMTP_STARTTLS | ja | verwacht true of false, gevonden 'ja'",
            "HUB_MAIL_AFZENDER | hub-at-regio | geen geldig e-mailadres: 'hub-at-regio'",
            "HUB_PSEUDONIEM_SLEUTEL | kort | te kort: gebruik minstens 32 bytes",
            "HUB_MAX_POGINGEN | -1 | verwacht een positief geheel getal, gevonden '-1'",
            "HUB_OUTBOX_INTERVAL | 200ms | verwacht een ISO-8601-duur zoals PT2M",
            "HUB_OUTBOX_INTERVAL | PT0S | moet groter dan nul zijn",
            "HUB_OUTBOX_MAX_WACHTTIJD | PT0.1S | moet minstens gelijk zijn aan HUB_OUTBOX_INTERVAL (PT0.2S)",
            "HUB_DEMO_FEED | 1 | verwacht true of false, gevonden '1'",
            "SMTP_TIMEOUT | PT0.5S | moet minstens PT1S zijn",
            "SMTP_TIMEOUT | PT1M | mag hoogstens een derde van HUB_OUTBOX_LEASE (PT2M) zijn, gevonden PT1M",
            "HUB_OUTBOX_LEASE | PT5S | moet minstens PT10S zijn",
            "HUB_OUTBOX_LEASE | PT1M | moet minstens drie keer SMTP_TIMEOUT (PT30S) zijn, gevonden PT1M",
            "KAFKA_SECURITY_PROTOCOL | TLS | verwacht PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL; gevonden 'TLS'",
            "KAFKA_SASL_MECHANISM | PLAIN | werkt alleen met KAFKA_SECURITY_PROTOCOL=SASL_SSL of SASL_PLAINTEXT",
            "KAFKA_SSL_KEYSTORE | /bestaat/niet.p12 | niet te lezen",
            "HUB_BEWAARTERMIJN | 2 jaar | verwacht een ISO-8601-periode zoals P2Y of P18M, gevonden '2 jaar'",
            "HUB_BEWAARTERMIJN | P0D | moet groter dan nul zijn",
            "HUB_BEWAARLEEFTIJD | 18 | verwacht een geheel getal vanaf 23, gevonden '18'",
            "HUB_HTTP_PORT | 65536 | verwacht een poortnummer (0–65535; 0 = vrije poort), gevonden '65536'",
            "HUB_MAX_RECORDBYTES | 1024 | onbekende instelling (verkeerd gespeld?)",
    })
    void ongeldigeWaardeNoemtDeSleutel(String sleutel, String waarde, String verwacht) {
        ConfiguratieFout f = fout(sleutel, waarde);
        assertEquals(1, f.fouten().size(), f.getMessage());
        assertTrue(f.fouten().get(0).startsWith(sleutel + ": " + verwacht), f.getMessage());
    }

    @Test
    void alleFoutenKomenInEenMelding() {
        ConfiguratieFout f = fout("HUB_MAX_RECORD_BYTES", "abc", "HUB_HTTP_PORT", "web", "SMTP_STARTTLS", "ja");
        assertEquals(3, f.fouten().size());
        assertTrue(f.getMessage().contains("HUB_MAX_RECORD_BYTES"));
        assertTrue(f.getMessage().contains("HUB_HTTP_PORT"));
        assertTrue(f.getMessage().contains("SMTP_STARTTLS"));
    }

    @Test
    void smtpHostEnPoortHorenSamen() {
        assertEquals(List.of("SMTP_PORT: ontbreekt; SMTP_HOST en SMTP_PORT horen samen (beide of geen van beide)"),
                fout("SMTP_HOST", "smtp.regio.example").fouten());
        assertTrue(fout("SMTP_PORT", "25").fouten().get(0).startsWith("SMTP_HOST: ontbreekt"));
    }

    @Test
    void smtpWachtwoordVraagtEenGebruikersnaam() {
        assertEquals(List.of("SMTP_USERNAME: ontbreekt terwijl SMTP_PASSWORD is gezet"),
                fout("SMTP_PASSWORD", "x").fouten());
    }

    @Test
    void geheimenStaanNietInToStringOfFoutmeldingen() {
        HubInstellingen i = met("HUB_DB_URL", "jdbc:postgresql://db/hub?user=hub&password=url-geheim",
                "HUB_DB_PASSWORD", "db-geheim", "SMTP_HOST", "smtp.example", "SMTP_PORT", "25",
                "SMTP_USERNAME", "u", "SMTP_PASSWORD", "smtp-geheim", "HUB_PSEUDONIEM_SLEUTEL", SLEUTEL);
        String tekst = i.toString();
        for (String geheim : List.of("url-geheim", "db-geheim", "smtp-geheim", SLEUTEL)) {
            assertFalse(tekst.contains(geheim), tekst);
        }
        assertTrue(tekst.contains("dbPassword=***"), tekst);

        String melding = fout("HUB_PSEUDONIEM_SLEUTEL", "geheimpje", "HUB_DB_URL", "postgres://hub:wachtwoord@db/hub")
                .getMessage();
        assertFalse(melding.contains("geheimpje"), melding);
        assertFalse(melding.contains("wachtwoord"), melding);
    }

    @Test
    void geldigeProductieStart() {
        HubInstellingen i = HubInstellingen.uit(productie());
        assertEquals(Modus.PRODUCTIE, i.modus());
        assertFalse(i.demoFeed(), "in productie staat de demofeed standaard uit");
    }

    @Test
    void productieNoemtElkeOntbrekendeOfOnveiligeInstelling() {
        ConfiguratieFout f = fout("HUB_MODE", "productie", "HUB_DEMO_FEED", "true");
        List<String> sleutels = f.fouten().stream().map(r -> r.substring(0, r.indexOf(':'))).toList();
        assertEquals(List.of("KAFKA_BOOTSTRAP_SERVERS", "HUB_DB_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS",
                "HUB_CONFIG", "HUB_DEMO_FEED", "HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL", "HUB_BASIS_URL",
                "HUB_MAIL_AFZENDER"), sleutels);
    }

    @Test
    void bevestigingslinksHebbenInProductieEenEigenSleutelEnHttps() {
        HubInstellingen i = HubInstellingen.uit(productie());
        assertEquals("https://procesregie.regio.example", i.basisUrl(), "without the trailing slash");
        assertEquals(java.time.Duration.ofDays(14), i.bevestigGeldigheid());

        Map<String, String> bron = productie();
        bron.put("HUB_BASIS_URL", "http://procesregie.regio.example");
        assertEquals(List.of("HUB_BASIS_URL: moet in productie met https:// beginnen, gevonden "
                + "http://procesregie.regio.example"), assertThrows(ConfiguratieFout.class,
                () -> HubInstellingen.uit(bron)).fouten());
        bron.put("HUB_BASIS_URL", "procesregie zonder schema");
        bron.put("HUB_BEVESTIG_SLEUTEL", "kort");
        assertEquals(List.of("HUB_BEVESTIG_SLEUTEL: te kort: gebruik minstens 32 bytes; " + MAAK_SLEUTEL,
                "HUB_BASIS_URL: verwacht een adres zoals https://procesregie.gemeente.nl, gevonden "
                        + "'procesregie zonder schema'"),
                assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron)).fouten());
    }

    @Test
    void demoLinksWijzenNaarDeEigenPoort() {
        HubInstellingen i = met("HUB_HTTP_PORT", "8181");
        assertEquals("http://localhost:8181", i.basisUrl());
        assertEquals("regie.meldingen", i.topicMeldingen());
        assertEquals("regie.acties", i.topicActies());
        assertTrue(i.toString().contains("bevestigSleutel=standaard"), i.toString());
    }

    @Test
    void demoFeedInstellingen() {
        HubInstellingen standaard = HubInstellingen.uit(Map.of());
        assertEquals(3_600, standaard.demoFeedJeugdigenPerJaar());
        assertEquals(Duration.ofDays(365), standaard.demoFeedHistorie());
        assertEquals(Duration.ofDays(14), standaard.demoFeedLive());
        assertEquals(1_440, standaard.demoFeedTempo());
        assertEquals(1, standaard.demoFeedZaad());
        assertEquals(Optional.empty(), standaard.demoFeedMap());

        HubInstellingen i = met("HUB_DEMO_FEED_JEUGDIGEN_PER_JAAR", "12000", "HUB_DEMO_FEED_HISTORIE", "P730D",
                "HUB_DEMO_FEED_LIVE", "PT12H", "HUB_DEMO_FEED_TEMPO", "60", "HUB_DEMO_FEED_ZAAD", "0",
                "HUB_DEMO_FEED_MAP", "/tmp/feed");
        assertEquals(12_000, i.demoFeedJeugdigenPerJaar());
        assertEquals(Duration.ofDays(730), i.demoFeedHistorie());
        assertEquals(Duration.ofHours(12), i.demoFeedLive());
        assertEquals(60, i.demoFeedTempo());
        assertEquals(0, i.demoFeedZaad());
        assertEquals(Optional.of(Path.of("/tmp/feed")), i.demoFeedMap());
        assertTrue(i.toString().contains("tempo 60"), i.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HUB_DEMO_FEED_JEUGDIGEN_PER_JAAR | 0 | verwacht een positief geheel getal, gevonden '0'",
            "HUB_DEMO_FEED_HISTORIE | 365 | verwacht een ISO-8601-duur zoals PT2M",
            "HUB_DEMO_FEED_LIVE | P400D | mag niet langer zijn dan HUB_DEMO_FEED_HISTORIE (P365D), gevonden P400D",
            "HUB_DEMO_FEED_TEMPO | snel | verwacht een positief geheel getal, gevonden 'snel'",
            "HUB_DEMO_FEED_ZAAD | -1 | verwacht een geheel getal vanaf 0, gevonden '-1'",
    })
    void ongeldigeDemoFeedWaardeNoemtDeSleutel(String sleutel, String waarde, String verwacht) {
        ConfiguratieFout f = fout(sleutel, waarde);
        assertEquals(1, f.fouten().size(), f.getMessage());
        assertTrue(f.fouten().get(0).startsWith(sleutel + ": " + verwacht), f.getMessage());
    }

    @Test
    void productieWeigertDemoFeedInstellingen() {
        Map<String, String> bron = productie();
        bron.put("HUB_DEMO_FEED", "false");
        bron.put("HUB_DEMO_FEED_TEMPO", "60");
        bron.put("HUB_DEMO_FEED_MAP", "/tmp/feed");
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertEquals(List.of("HUB_DEMO_FEED_TEMPO: geldt alleen voor de demofeed in demomodus",
                "HUB_DEMO_FEED_MAP: geldt alleen voor de demofeed in demomodus"), f.fouten());
    }

    @Test
    void productieWeigertOnversleuteldeMail() {
        Map<String, String> bron = productie();
        bron.put("SMTP_STARTTLS", "false");
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertEquals(1, f.fouten().size());
        assertTrue(f.fouten().get(0).startsWith("SMTP_STARTTLS: moet true zijn in productie"));
    }

    @Test
    void productieWeigertIngebouwdeServers() {
        Map<String, String> bron = productie();
        bron.put("HUB_EMBEDDED_KAFKA_PORT", "9092");
        bron.put("HUB_EMBEDDED_SMTP_PORT", "2525");
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertEquals(List.of(
                "HUB_EMBEDDED_KAFKA_PORT: geldt alleen in demomodus; productie start geen ingebouwde servers",
                "HUB_EMBEDDED_SMTP_PORT: geldt alleen in demomodus; productie start geen ingebouwde servers"), f.fouten());
    }

    @Test
    void smtpTruststoreLeestDeCertificatenBijDeStart() throws Exception {
        Path pem = Path.of(getClass().getResource("/tls/relay-ca.pem").toURI());
        Map<String, String> bron = productie();
        bron.put("SMTP_TRUSTSTORE", pem.toString());
        assertEquals(Optional.of(pem), HubInstellingen.uit(bron).smtpTruststore());

        bron.put("SMTP_TRUSTSTORE", pem.resolveSibling("bestaat-niet.pem").toString());
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertTrue(f.fouten().get(0).startsWith("SMTP_TRUSTSTORE: niet te lezen"), f.fouten().toString());

        Path geenPem = Path.of(getClass().getResource("/config/test-regio.yaml").toURI());
        bron.put("SMTP_TRUSTSTORE", geenPem.toString());
        f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertTrue(f.fouten().get(0).startsWith("SMTP_TRUSTSTORE: "), f.fouten().toString());
        assertEquals(1, f.fouten().size());
    }

    @Test
    void smtpTruststoreZonderStarttlsIsEenVergissing() throws Exception {
        Path pem = Path.of(getClass().getResource("/tls/relay-ca.pem").toURI());
        ConfiguratieFout f = fout("SMTP_TRUSTSTORE", pem.toString());
        assertEquals(List.of("SMTP_TRUSTSTORE: werkt alleen met SMTP_STARTTLS=true"), f.fouten());
    }

    @Test
    void hetOverzichtswachtwoordIsLangGenoegEnWordtNietGeciteerd() {
        ConfiguratieFout f = fout("HUB_OVERZICHT_WACHTWOORD", "geheimpje");
        assertEquals(List.of("HUB_OVERZICHT_WACHTWOORD: te kort: gebruik minstens 16 tekens"), f.fouten());
        assertEquals(Optional.of("een-lang-genoeg-wachtwoord"),
                met("HUB_OVERZICHT_WACHTWOORD", "een-lang-genoeg-wachtwoord").overzichtWachtwoord());
    }

    @Test
    void productieWeigertDeOntwikkelsleutel() {
        Map<String, String> bron = productie();
        bron.remove("HUB_PSEUDONIEM_SLEUTEL");
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertEquals(1, f.fouten().size());
        assertTrue(f.fouten().get(0).startsWith("HUB_PSEUDONIEM_SLEUTEL: ontbreekt"));
    }

    @Test
    void systeemeigenschapGaatVoorOmgeving() {
        System.setProperty("HUB_HTTP_PORT", "9191");
        try {
            assertEquals(9191, HubInstellingen.uitOmgeving().httpPort());
        } finally {
            System.clearProperty("HUB_HTTP_PORT");
        }
    }

    /** The one problem productie reports for {@code waarde} under {@code sleutel}; never with the value in it. */
    private static String productieFout(String sleutel, String waarde, String... meer) {
        Map<String, String> bron = productie();
        bron.put(sleutel, waarde);
        for (int i = 0; i < meer.length; i += 2) {
            bron.put(meer[i], meer[i + 1]);
        }
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron),
                sleutel + " geweigerd");
        assertEquals(1, f.fouten().size(), f.getMessage());
        assertTrue(f.fouten().get(0).startsWith(sleutel + ": "), f.getMessage());
        if (sleutel.endsWith("_SLEUTEL")) {
            assertFalse(f.getMessage().contains(waarde), "the key is not quoted: " + f.getMessage());
        }
        return f.fouten().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL"})
    void productieWeigertElkeOnveiligeSleutel(String sleutel) {
        String ander = sleutel.equals("HUB_PSEUDONIEM_SLEUTEL") ? "HUB_BEVESTIG_SLEUTEL" : "HUB_PSEUDONIEM_SLEUTEL";
        Map<String, String> zonder = productie();
        zonder.remove(sleutel);
        ConfiguratieFout ontbreekt = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(zonder));
        assertEquals(1, ontbreekt.fouten().size(), ontbreekt.getMessage());
        assertTrue(ontbreekt.fouten().get(0).startsWith(sleutel + ": ontbreekt"), ontbreekt.getMessage());

        String kort = nieuweSleutel().substring(0, 31);
        assertEquals(sleutel + ": te kort: gebruik minstens 32 bytes; " + MAAK_SLEUTEL, productieFout(sleutel, kort));
        // The length counts bytes, as HMAC sees the key: 16 characters of two bytes each are enough.
        Map<String, String> tweeBytes = productie();
        tweeBytes.put(sleutel, "ĳĲëËéÉèÈüÜöÖïÏáÁ");
        assertEquals(32, HubInstellingen.uit(tweeBytes).pseudoniemSleutel().length + HubInstellingen.uit(tweeBytes)
                .bevestigSleutel().length - productie().get(ander).getBytes(StandardCharsets.UTF_8).length);

        String voorspelbaar = sleutel + ": te voorspelbaar: minder dan 16 verschillende tekens; gebruik base64, niet "
                + "hex (hex kent maar 16 tekens): " + MAAK_SLEUTEL;
        assertEquals(voorspelbaar, productieFout(sleutel, "a".repeat(64)));
        assertEquals(voorspelbaar, productieFout(sleutel, "ab".repeat(32)));
        assertEquals(voorspelbaar, productieFout(sleutel, "0123456789abcde".repeat(4)));

        Map<String, String> gelijk = productie();
        gelijk.put(sleutel, gelijk.get(ander));
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(gelijk));
        String waarom = "; elke sleutel moet een eigen geheime waarde hebben, ook als één ervan uitlekt";
        assertEquals(List.of("HUB_PSEUDONIEM_SLEUTEL: gelijk aan HUB_BEVESTIG_SLEUTEL" + waarom,
                "HUB_BEVESTIG_SLEUTEL: gelijk aan HUB_PSEUDONIEM_SLEUTEL" + waarom), f.fouten());
        String wachtwoord = nieuweSleutel();
        assertTrue(productieFout(sleutel, wachtwoord, "HUB_DB_PASSWORD", wachtwoord)
                .startsWith(sleutel + ": gelijk aan HUB_DB_PASSWORD"));
        assertTrue(productieFout(sleutel, wachtwoord, "HUB_OVERZICHT_WACHTWOORD", wachtwoord)
                .startsWith(sleutel + ": gelijk aan HUB_OVERZICHT_WACHTWOORD"));

        String openbaar = sleutel + ": is een waarde die het project zelf publiceert (standaardwaarde, README, "
                + "voorbeelden of tests) en dus niet geheim; " + MAAK_SLEUTEL;
        assertEquals(openbaar, productieFout(sleutel, "procesregie-hub-ontwikkelsleutel-niet-voor-productie"));
        assertEquals(openbaar, productieFout(sleutel, "procesregie-hub-bevestigsleutel-niet-voor-productie"));
    }

    @Test
    void deOpenbareOntwikkelsleutelsExplicietGezetStartenGeenProductie() {
        Map<String, String> bron = productie();
        bron.put("HUB_PSEUDONIEM_SLEUTEL", "procesregie-hub-ontwikkelsleutel-niet-voor-productie");
        bron.put("HUB_BEVESTIG_SLEUTEL", "procesregie-hub-bevestigsleutel-niet-voor-productie");
        ConfiguratieFout f = assertThrows(ConfiguratieFout.class, () -> HubInstellingen.uit(bron));
        assertEquals(List.of("HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL"),
                f.fouten().stream().map(r -> r.substring(0, r.indexOf(':'))).toList());
    }

    @Test
    void demoAccepteertDeOntwikkelsleutelsEnTestsleutels() {
        HubInstellingen i = met("HUB_PSEUDONIEM_SLEUTEL", "a".repeat(32), "HUB_BEVESTIG_SLEUTEL", "a".repeat(32));
        assertFalse(i.pseudoniemSleutelIsStandaard());
    }

    // Values given to a secret (a key or password): SECRET=value or SECRET: value (README, docker/); in Java a literal
    // after a secret setting's name, assigned to a name that calls it a key or password, or turned into key bytes;
    // and any literal of 32 bytes or more (long enough for a key) that calls itself a key or password, such as a
    // wrong password a test sends. A URL is left out: a password in it is part of a connection string, not a key.
    private static final String GEHEIM = "(?:SLEUTEL|WACHTWOORD|PASSWORD)";
    private static final List<Pattern> GEHEIME_WAARDEN = List.of(
            Pattern.compile("\\b[A-Z_]*" + GEHEIM + "\\s*[=:]\\s*([^\\s\"'`$|]+)"),
            Pattern.compile("\"[A-Z_]*" + GEHEIM + "\"\\s*,\\s*\"([^\"]*)\""),
            Pattern.compile("(?i)\\w*" + GEHEIM + "\\w*\\s*=\\s*\"([^\"\\s]*)\""),
            Pattern.compile("(?i)\"([^\"\\s]*sleutel[^\"\\s]*)\"\\.getBytes"),
            Pattern.compile("(?i)\"((?=[^\"\\s\\\\]*(?:sleutel|wachtwoord|password|geheim))(?![^\"\\s]*://)"
                    + "[^\"\\s\\\\]{32,})\""));

    @Test
    void elkeSleutelwaardeDieHetProjectPubliceertWordtInProductieGeweigerd() throws IOException {
        Set<String> gevonden = new TreeSet<>();
        List<Path> bronnen = new ArrayList<>(List.of(Path.of("README.md")));
        for (Path map : List.of(Path.of("docker"), Path.of("src", "test"))) {
            try (Stream<Path> bestanden = Files.walk(map)) {
                bestanden.filter(Files::isRegularFile).forEach(bronnen::add);
            }
        }
        for (Path bron : bronnen) {
            String tekst;
            try {
                tekst = Files.readString(bron);
            } catch (java.nio.charset.MalformedInputException e) {
                continue;
            }
            for (Pattern p : GEHEIME_WAARDEN) {
                Matcher m = p.matcher(tekst);
                while (m.find()) {
                    gevonden.add(m.group(1));
                }
            }
        }
        // The scan must see the keys and passwords the tests are known to use, or it proves nothing.
        assertTrue(gevonden.containsAll(List.of("de-bevestigsleutel-van-de-integratietests",
                "een-testsleutel-van-voldoende-lengte", "een-bevestigingssleutel-van-voldoende-lengte",
                "overzicht-wachtwoord-van-de-test", "fout-wachtwoord-van-genoeg-lengte", "postgres")),
                gevonden.toString());
        List<String> aanvaard = new ArrayList<>();
        for (String waarde : gevonden) {
            for (String sleutel : List.of("HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL")) {
                Map<String, String> bron = productie();
                bron.put(sleutel, waarde);
                try {
                    HubInstellingen.uit(bron);
                    aanvaard.add(sleutel + "=" + waarde);
                } catch (ConfiguratieFout e) {
                    assertTrue(e.fouten().stream().anyMatch(f -> f.startsWith(sleutel + ": ")), e.getMessage());
                }
            }
        }
        assertEquals(List.of(), aanvaard, "published secret values productie accepts as a key: add them to "
                + "HubInstellingen.OPENBARE_SLEUTELS, or make the key at run time");
    }

    @Test
    void productieWeigertDeVoorbeeldregios(@TempDir Path map) throws IOException {
        for (String voorbeeld : List.of("utrecht-west.yaml", "flevoland.yaml")) {
            String fout = productieFout("HUB_CONFIG", "classpath:config/" + voorbeeld);
            assertTrue(fout.contains("is de meegeleverde voorbeeldregio " + voorbeeld), fout);

            // A copy on disk, without its comments and with other line ends, is still the example.
            String inhoud;
            try (var in = getClass().getResourceAsStream("/config/" + voorbeeld)) {
                inhoud = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path kopie = map.resolve("eigen-" + voorbeeld);
            Files.writeString(kopie, inhoud.lines().filter(r -> !r.strip().startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\r\n"));
            fout = productieFout("HUB_CONFIG", "/etc/procesregie/regio.yaml," + kopie);
            assertTrue(fout.contains(kopie + "' is de meegeleverde voorbeeldregio " + voorbeeld), fout);
        }
        assertEquals(List.of("classpath:config/test-regio.yaml"), HubInstellingen.uit(Map.of(
                "HUB_CONFIG", "classpath:config/test-regio.yaml")).configLocaties(), "demo takes any file");
        assertEquals(List.of("classpath:config/utrecht-west.yaml", "classpath:config/flevoland.yaml"),
                HubInstellingen.uit(Map.of()).configLocaties(), "and the examples are the demo's default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply@example.com", "hub@mail.example.net", "hub@example.org", "hub@regio.example",
            "hub@gemeente.test", "hub@gemeente.invalid", "hub@localhost", "hub@pc.LOCALHOST", "hub@example.nl",
            "hub@mail.example.de", "hub@EXAMPLE.BE", "hub@example.co.uk", "hub@post.example.com.au"})
    void productieWeigertEenVoorbeeldafzender(String adres) {
        assertEquals("HUB_MAIL_AFZENDER: '" + adres + "' ligt in een voorbeelddomein (example.com, example.nl en elk "
                + "ander example.*-domein, ook met subdomein, of .example, .test, .invalid of .localhost); in productie "
                + "is een echt afzenderadres nodig", productieFout("HUB_MAIL_AFZENDER", adres));
        assertEquals(adres, met("HUB_MAIL_AFZENDER", adres).mailAfzender(), "demo mode keeps accepting it");
    }

    @Test
    void productieAanvaardtEchteAfzenders() {
        for (String adres : List.of("signalen@procesregie.utrecht.nl", "hub@myexample.com", "hub@example.eerstedorp.nl",
                "hub@example-regio.nl", "hub@testgemeente.nl")) {
            Map<String, String> bron = productie();
            bron.put("HUB_MAIL_AFZENDER", adres);
            assertEquals(adres, HubInstellingen.uit(bron).mailAfzender());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.1", "hub.regio.nl", "128.0.0.1"})
    void demoLuistertNietBuitenLoopback(String host) {
        ConfiguratieFout f = fout("HUB_HTTP_HOST", host);
        assertEquals(1, f.fouten().size(), f.getMessage());
        assertTrue(f.fouten().get(0).startsWith("HUB_HTTP_HOST: demomodus luistert alleen op loopback"), f.getMessage());
        Map<String, String> bron = productie();
        bron.put("HUB_HTTP_HOST", host);
        assertEquals(host, HubInstellingen.uit(bron).httpHost(), "productie listens where it is told");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost", "LocalHost"})
    void demoLuistertOpLoopback(String host) {
        assertEquals(host, met("HUB_HTTP_HOST", host).httpHost());
    }

    @Test
    void schemacontroleMeldtStandaardEnNoemtDeSleutelBijEenOngeldigeWaarde() {
        assertEquals(XsdControle.MELDEN, met().xsdControle());
        assertEquals(XsdControle.STRENG, met("HUB_XSD_CONTROLE", "Streng").xsdControle());
        assertEquals(XsdControle.UIT, met("HUB_XSD_CONTROLE", "uit").xsdControle());
        assertEquals(List.of("HUB_XSD_CONTROLE: verwacht melden, streng of uit, gevonden 'strikt'"),
                fout("HUB_XSD_CONTROLE", "strikt").fouten());
    }
}
