package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.LogVanger;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * Readiness and metrics on real infrastructure: {@code /health} goes to 503 naming the database while PostgreSQL is
 * stopped and back when it returns; it names SMTP while mail waits for a relay that refuses connections, without going
 * unready. {@code /metrics} counts the records handled and parked, the signals and the outbox, and keeps answering
 * during the outage.
 */
class GezondheidIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HubOmgeving omgeving;
    TestPostgres postgres;
    int poort;

    @AfterEach
    void opruimen() {
        if (omgeving != null) {
            omgeving.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    String haal(String pad) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "geen antwoord: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    @Test
    void readinessNamesThePartThatIsOutAndMetricsCountWhatCameIn() throws Exception {
        postgres = TestPostgres.dedicated();
        omgeving = new HubOmgeving(postgres);
        poort = KindProces.vrijePoort();
        Map<String, String> instellingen = omgeving.instellingen("gezondheid");
        instellingen.put("HUB_HTTP_PORT", String.valueOf(poort));
        omgeving.start(instellingen);

        omgeving.vierTrajecten(Berichten.bsn(70), "G");
        omgeving.kafka.send(omgeving.toewijzingen, "dit is geen iJw-bericht".getBytes(StandardCharsets.UTF_8));
        omgeving.wachtTotVerwerkt("gezondheid", WACHT);
        omgeving.smtp.waitForMessages(1, WACHT);
        HubOmgeving.wachtTot("outbox leeg", WACHT, () -> haal("/metrics").contains("\nprocesregie_uitgaand_wachtend 0\n"));

        String gezond = haal("/health");
        assertTrue(gezond.startsWith("200 ") && gezond.contains("\"database\":\"UP\"")
                && gezond.contains("\"kafka\":\"UP\"") && gezond.contains("\"smtp\":\"UP\""), gezond);
        String metingen = haal("/metrics");
        String topic = omgeving.toewijzingen;
        for (String regel : new String[] {
                "procesregie_gereed 1",
                "procesregie_records_total{topic=\"" + topic + "\",uitkomst=\"verwerkt\"} 4",
                "procesregie_records_total{topic=\"" + topic + "\",uitkomst=\"geparkeerd\"} 1",
                "procesregie_signalen{soort=\"VIERDE_TRAJECT\",verzonden=\"true\"} 1",
                "procesregie_consumer_achterstand{partitie=\"0\",topic=\"" + topic + "\"} 0",
                "procesregie_uitgaand_mislukt 0",
                "procesregie_termijnen_verlopen 0"}) {
            assertTrue(metingen.lines().anyMatch(regel::equals), regel + "\n" + metingen);
        }
        assertFalse(metingen.contains("bsn") || metingen.contains(Berichten.bsn(70)), "counts only");

        // PostgreSQL stops: not ready, naming the database; metrics still answer, without the database's figures.
        postgres.stop();
        HubOmgeving.wachtTot("niet gereed zonder database", WACHT, () -> haal("/health").startsWith("503 "));
        assertTrue(haal("/health").contains("\"database\":\"DOWN\""), haal("/health"));
        String zonderDatabase = haal("/metrics");
        assertTrue(zonderDatabase.startsWith("200 ") && zonderDatabase.contains(
                "procesregie_bereikbaar{onderdeel=\"database\"} 0") && !zonderDatabase.contains("procesregie_signalen"),
                zonderDatabase);
        postgres.start();
        HubOmgeving.wachtTot("weer gereed met database", WACHT, () -> haal("/health").startsWith("200 "));

        // The mail relay refuses connections: the next mail waits and the report says so, but the hub stays ready:
        // it keeps reading, and any instance may deliver the mail once the relay is back.
        omgeving.smtp.stop();
        omgeving.vierTrajecten(Berichten.bsn(71), "H");
        HubOmgeving.wachtTot("mail wacht op de mailserver", WACHT,
                () -> haal("/health").contains("\"smtp\":\"DOWN\""));
        assertTrue(haal("/health").startsWith("200 "), haal("/health"));
        assertTrue(haal("/metrics").contains("procesregie_bereikbaar{onderdeel=\"smtp\"} 0\n"));
        omgeving.smtp.restart();
        omgeving.smtp.waitForMessages(2, WACHT);
        HubOmgeving.wachtTot("de mail is weg", WACHT, () -> haal("/health").contains("\"smtp\":\"UP\""));
        assertEquals(2, omgeving.smtp.received().length, "the waiting mail, once");
    }

    /**
     * A topic the hub needs but the cluster lacks: not ready, naming it, in the log once and without the Kafka
     * clients' warning at every metadata refresh; the rest of the hub goes on. Once created, it is read.
     */
    @Test
    void aMissingTopicMakesTheHubUnreadyNamingItUntilItIsCreated() throws Exception {
        omgeving = new HubOmgeving();
        poort = KindProces.vrijePoort();
        String later = omgeving.prefix + "regie.meldingen.later";
        Map<String, String> instellingen = omgeving.instellingen("ontbrekend-topic");
        instellingen.put("HUB_HTTP_PORT", String.valueOf(poort));
        instellingen.put("HUB_TOPIC_MELDINGEN", later);
        try (LogVanger log = LogVanger.vang()) {
            omgeving.start(instellingen);
            HubOmgeving.wachtTot("niet gereed, het topic genoemd", WACHT,
                    () -> haal("/health").startsWith("503 ") && haal("/health").contains(
                            "\"ontbrekendeTopics\":[\"" + later + "\"]"));
            assertTrue(haal("/health").contains("\"kafka\":\"UP\""), "the cluster itself answers");

            omgeving.vierTrajecten(Berichten.bsn(72), "M");
            omgeving.smtp.waitForMessages(1, WACHT);

            omgeving.kafka.createTopics(1, later);
            HubOmgeving.wachtTot("gereed zodra het topic er is", WACHT, () -> haal("/health").startsWith("200 "));
            omgeving.kafka.send(later, Regieberichten.crisis("0632", Berichten.bsn(73), "lokale-toegang",
                    Instant.now(), "CR-1"));
            omgeving.smtp.waitForMessages(2, WACHT);
            assertEquals(2, omgeving.smtp.received().length, "the crisis melding on the new topic was read");

            assertEquals(1, log.met(later).stream().filter(r -> r.niveau().name().equals("WARN")).count(),
                    "named once: " + log.met(later));
            assertTrue(log.met("UNKNOWN_TOPIC").isEmpty(), "no client warning: " + log.met("UNKNOWN_TOPIC"));
        }
    }
}
