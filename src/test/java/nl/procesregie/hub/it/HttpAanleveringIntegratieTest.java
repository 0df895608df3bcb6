package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.LogVanger;
import nl.procesregie.hub.testinfra.TestClock;

/**
 * POST /ijw over real HTTP on a hub on real Kafka and PostgreSQL: what it publishes, where, and every refusal. The
 * hub's clock stands still, so the rate limit refills only when the test moves it.
 */
class HttpAanleveringIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    static final String GROEP = "http-aanlevering";
    static final int MAX_BYTES = 64 * 1024;
    static final int LIMIET = 5;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HubOmgeving omgeving;
    static Hub hub;
    static TestClock klok;
    static Pseudonimisering pseudoniemen;
    static int poort;
    static LogVanger log;

    @BeforeAll
    static void start() throws Exception {
        omgeving = new HubOmgeving();
        poort = KindProces.vrijePoort();
        Map<String, String> m = omgeving.instellingen(GROEP);
        m.put("HUB_CONFIG", "classpath:config/test-regio-aanlevering.yaml");
        m.put("HUB_HTTP_PORT", String.valueOf(poort));
        m.put("HUB_MAX_RECORD_BYTES", String.valueOf(MAX_BYTES));
        m.put("HUB_INVOER_HTTP_LIMIET", String.valueOf(LIMIET));
        HubInstellingen instellingen = HubInstellingen.uit(m);
        pseudoniemen = new Pseudonimisering(instellingen.pseudoniemSleutel());
        klok = new TestClock(Instant.now());
        log = LogVanger.vang();
        hub = Hub.start(instellingen, new Hub.Infrastructuur(omgeving.kafka.bootstrapServers(), omgeving.dbUrl,
                omgeving.postgres.user(), omgeving.postgres.password(), omgeving.smtp.host(), omgeving.smtp.port()),
                klok);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (log != null) {
            log.close();
        }
        if (omgeving != null) {
            omgeving.close();
        }
    }

    static HttpResponse<String> post(String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/ijw"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String token, byte[] body) throws Exception {
        return post(token, "application/xml", body);
    }

    static JsonNode json(HttpResponse<String> antwoord) throws Exception {
        assertEquals("application/json; charset=utf-8", antwoord.headers().firstValue("Content-Type").orElse(null));
        return JSON.readTree(antwoord.body());
    }

    static void assertGeweigerd(HttpResponse<String> antwoord, int status, String foutcode) throws Exception {
        assertEquals(status, antwoord.statusCode(), antwoord.body());
        assertEquals(foutcode, json(antwoord).get("foutcode").asText(), antwoord.body());
        assertFalse(json(antwoord).get("reden").asText().isBlank());
        assertEquals("no-store", antwoord.headers().firstValue("Cache-Control").orElse(null));
    }

    static byte[] toewijzing(String gemeente, String aanbieder, String bsn, String nummer) {
        return Berichten.toewijzing(gemeente, aanbieder, bsn, LocalDate.now(), Berichten.identificatie(), null,
                new Product(nummer, "45", "45A01"));
    }

    static Map<String, Long> eindes() {
        return Map.of(
                omgeving.toewijzingen, omgeving.kafka.endOffset(omgeving.toewijzingen, 0),
                omgeving.startStop, omgeving.kafka.endOffset(omgeving.startStop, 0),
                omgeving.verzoeken, omgeving.kafka.endOffset(omgeving.verzoeken, 0),
                omgeving.ongeldig, omgeving.kafka.endOffset(omgeving.ongeldig, 0));
    }

    @Test
    void eenBerichtLandtOpZijnTopicMetHetPseudoniemAlsSleutel() throws Exception {
        String bsn = Berichten.bsn(301);
        byte[] bericht = toewijzing("0632", "30000001", bsn, "HTTP-1");
        HttpResponse<String> antwoord = post("it-token-woerden", "text/xml; charset=UTF-8", bericht);

        assertEquals(202, antwoord.statusCode(), antwoord.body());
        JsonNode plek = json(antwoord);
        assertEquals(omgeving.toewijzingen, plek.get("topic").asText());
        assertEquals(0, plek.get("partitie").asInt());
        long offset = plek.get("offset").asLong();
        ConsumerRecord<byte[], byte[]> record = omgeving.kafka.readAll(omgeving.toewijzingen, (int) offset + 1, WACHT)
                .stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
        assertArrayEquals(bericht, record.value());
        assertEquals(pseudoniemen.pseudoniem(bsn), new String(record.key(), StandardCharsets.UTF_8));
        assertNull(record.headers().lastHeader("Authorization"), "the token does not travel with the record");
        assertEquals(0, record.headers().toArray().length, Arrays.toString(record.headers().toArray()));

        // The consumer takes it like any message on the topic.
        String pseudoniem = pseudoniemen.pseudoniem(bsn);
        HubOmgeving.wachtTot("de toewijzing verwerkt", WACHT, () -> {
            try {
                return omgeving.telling("select count(*) from toewijzing where jeugdige = ?", pseudoniem) == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> regels = log.met("Aangeleverd via HTTP").stream().map(LogVanger.Regel::tekst).toList();
        assertTrue(regels.stream().anyMatch(t -> t.contains("Backoffice Woerden") && t.contains("JW301")
                && t.contains(omgeving.toewijzingen + "-0@" + offset)), regels.toString());
        assertEquals(List.of(), log.met(bsn), "no BSN in the log");
        assertEquals(List.of(), log.met("it-token-woerden"), "no token in the log");
    }

    @Test
    void eenAanbiederStuurtZijnStartVoorElkeGemeente() throws Exception {
        byte[] start = Berichten.start("0184", "40000001", Berichten.bsn(302), LocalDate.now(),
                Berichten.identificatie(), "1", new Product("HTTP-S", "45", "45A01"), LocalDate.now());
        HttpResponse<String> antwoord = post("it-token-aanbieder", start);
        assertEquals(202, antwoord.statusCode(), antwoord.body());
        assertEquals(omgeving.startStop, json(antwoord).get("topic").asText());

        // The provider's token does not cover a gemeente's allocation, nor another provider's start.
        assertGeweigerd(post("it-token-aanbieder", toewijzing("0632", "40000001", Berichten.bsn(303), "HTTP-2")),
                403, "AFZENDER_NIET_TOEGESTAAN");
        byte[] andere = Berichten.start("0632", "40000002", Berichten.bsn(304), LocalDate.now(),
                Berichten.identificatie(), "1", new Product("HTTP-T", "45", "45A01"), LocalDate.now());
        assertGeweigerd(post("it-token-aanbieder", andere), 403, "AFZENDER_NIET_TOEGESTAAN");
        // Nor does Urk's token cover Woerden's messages.
        assertGeweigerd(post("it-token-urk", toewijzing("0632", "30000001", Berichten.bsn(305), "HTTP-3")), 403,
                "AFZENDER_NIET_TOEGESTAAN");
    }

    @Test
    void eenOnbekendOfOntbrekendTokenKrijgtEenAntwoord() throws Exception {
        byte[] bericht = toewijzing("0632", "30000001", Berichten.bsn(306), "HTTP-4");
        for (HttpResponse<String> antwoord : List.of(post("it-token-onbekend", bericht), post(null, bericht),
                post("it-token-woerden extra", bericht))) {
            assertGeweigerd(antwoord, 401, "TOKEN_ONGELDIG");
            assertEquals("Bearer realm=\"procesregie-hub\"",
                    antwoord.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }

    @Test
    void watDeHubNietKanLezenWordtGeweigerdZonderIetsTePubliceren() throws Exception {
        Map<String, Long> voor = eindes();
        String bsn = Berichten.bsn(307);
        HttpResponse<String> geenXml = post("it-token-woerden", ("geen xml " + bsn).getBytes(StandardCharsets.UTF_8));
        assertGeweigerd(geenXml, 400, "XML_ONGELDIG");
        assertFalse(geenXml.body().contains(bsn), "the body is not echoed");
        HttpResponse<String> onbekend = post("it-token-woerden", toewijzing("0999", "30000001", bsn, "HTTP-5"));
        assertGeweigerd(onbekend, 400, "GEMEENTE_ONBEKEND");
        assertTrue(json(onbekend).get("reden").asText().contains("0999"), onbekend.body());
        assertEquals(voor, eindes());
    }

    @Test
    void eenAnderInhoudstypeOfEenAndereMethodeWordtGeweigerd() throws Exception {
        byte[] bericht = toewijzing("0632", "30000001", Berichten.bsn(308), "HTTP-6");
        assertGeweigerd(post("it-token-woerden", "application/json", bericht), 415, "INHOUDSTYPE_ONGELDIG");
        assertGeweigerd(post("it-token-woerden", null, bericht), 415, "INHOUDSTYPE_ONGELDIG");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/ijw"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
    }

    @Test
    void eenTeGrootBerichtWordtGeweigerdVoordatDeHubHetLeest() throws Exception {
        byte[] groot = new byte[MAX_BYTES + 1];
        Arrays.fill(groot, (byte) 'x');
        HttpResponse<String> teGroot = post("it-token-woerden", groot);
        assertGeweigerd(teGroot, 413, "TE_GROOT");
        // Refused by its Content-Length, before the hub read it (reading would have measured it).
        assertEquals("Het bericht is groter dan de grens van " + MAX_BYTES + " bytes (HUB_MAX_RECORD_BYTES)",
                json(teGroot).get("reden").asText());
        assertGeweigerd(post("it-token-onbekend", groot), 401, "TOKEN_ONGELDIG");
        // Exactly the limit is read (and refused for what it is, not for its size).
        assertGeweigerd(post("it-token-urk", Arrays.copyOf(groot, MAX_BYTES)), 400, "XML_ONGELDIG");
    }

    @Test
    void eenGefragmenteerdBerichtZonderLengteStoptBijDeGrens() throws Exception {
        try (Socket s = new Socket("localhost", poort)) {
            s.setSoTimeout((int) WACHT.toMillis());
            OutputStream uit = s.getOutputStream();
            uit.write(("POST /ijw HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer it-token-woerden\r\n"
                    + "Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] brok = new byte[8 * 1024];
            Arrays.fill(brok, (byte) 'x');
            // Past the limit without ever saying how long, and never ending: the answer can only come if the hub
            // stops taking the body at the limit rather than waiting for its end.
            for (int verstuurd = 0; verstuurd <= MAX_BYTES; verstuurd += brok.length) {
                uit.write((Integer.toHexString(brok.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                uit.write(brok);
                uit.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            uit.flush();
            String antwoord = leesKop(s.getInputStream());
            assertTrue(antwoord.startsWith("HTTP/1.1 413"), antwoord);
            assertTrue(antwoord.toLowerCase().contains("content-type: application/json"), antwoord);
        }
    }

    /** The status line and headers of a response, and as much of its body as has arrived with them. */
    static String leesKop(InputStream in) throws Exception {
        ByteArrayOutputStream gelezen = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!gelezen.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            gelezen.write(buffer, 0, n);
        }
        return gelezen.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void bovenDeGrensPerSecondeVolgt429MetRetryAfter() throws Exception {
        byte[] onleesbaar = "geen xml".getBytes(StandardCharsets.UTF_8);
        // Every request counts, also one the hub cannot read: a flood of junk costs no parsing.
        for (int i = 0; i < LIMIET; i++) {
            assertGeweigerd(post("it-token-limiet", onleesbaar), 400, "XML_ONGELDIG");
        }
        HttpResponse<String> teVeel = post("it-token-limiet", onleesbaar);
        assertGeweigerd(teVeel, 429, "TE_VEEL_BERICHTEN");
        assertEquals("1", teVeel.headers().firstValue("Retry-After").orElse(null));
        // Another back office has its own bucket.
        assertGeweigerd(post("it-token-urk", onleesbaar), 400, "XML_ONGELDIG");
        klok.advance(Duration.ofMillis(1000 / LIMIET));
        assertGeweigerd(post("it-token-limiet", onleesbaar), 400, "XML_ONGELDIG");
        assertGeweigerd(post("it-token-limiet", onleesbaar), 429, "TE_VEEL_BERICHTEN");
    }

    @Test
    void vierTrajectenViaHttpGevenEenSignaal() throws Exception {
        String bsn = Berichten.bsn(309);
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> antwoord = post("it-token-signaal", Berichten.toewijzing("0632", "5000000" + i, bsn,
                    LocalDate.now(), Berichten.identificatie(), null, new Product("HTTP-SIG" + i, "45", "45A2" + i)));
            assertEquals(202, antwoord.statusCode(), antwoord.body());
        }
        List<String> signalen = omgeving.signaalEvents(1, WACHT);
        assertEquals(1, signalen.size(), signalen.toString());
        assertTrue(signalen.get(0).contains(pseudoniemen.pseudoniem(bsn)), signalen.get(0));
    }

    @Test
    void zonderBevestigingVanKafkaVolgt503MetRetryAfter() throws Exception {
        // A topic that is gone (and the broker creates none): the producer waits for it in vain.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                omgeving.kafka.bootstrapServers()))) {
            admin.deleteTopics(List.of(omgeving.verzoeken)).all().get();
            try {
                byte[] verzoek = Berichten.verzoek("0184", "30000001", Berichten.bsn(310), LocalDate.now(),
                        Berichten.identificatie(), "02", new Product(null, "45", "45A01"));
                HttpResponse<String> antwoord = post("it-token-urk", verzoek);
                assertGeweigerd(antwoord, 503, "NIET_BEVESTIGD");
                assertEquals("30", antwoord.headers().firstValue("Retry-After").orElse(null));
            } finally {
                // Back for the other tests of the class, once the broker finished deleting it.
                HubOmgeving.wachtTot("het topic verwijderd", WACHT, () -> {
                    try {
                        return !admin.listTopics().names().get().contains(omgeving.verzoeken);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                omgeving.kafka.createTopics(1, omgeving.verzoeken);
            }
        }
    }
}
