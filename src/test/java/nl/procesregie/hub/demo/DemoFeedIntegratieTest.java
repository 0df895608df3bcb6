package nl.procesregie.hub.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * The ground truth put to the test: months of generated traffic through a real hub (Kafka, PostgreSQL, SMTP) with the
 * bundled Utrecht West configuration, and every signal event, parked record and mail compared with what the
 * generator said would happen.
 */
class DemoFeedIntegratieTest {

    static final Duration HISTORIE = Duration.ofDays(200);
    static final Duration LIVE = Duration.ofHours(1);
    static final ObjectMapper JSON = new ObjectMapper();

    final TestKafka kafka = TestKafka.shared();
    final TestPostgres postgres = TestPostgres.shared();
    final TestSmtp smtp = TestSmtp.start();
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final Map<Stroom, String> topics = DemoFeed.topics(prefix + "ijw.toewijzingen", prefix + "ijw.start-stop",
            prefix + "ijw.verzoeken");
    final String signalen = prefix + "regie.signalen";
    final String ongeldig = prefix + "ijw.ongeldig";
    String db;
    Hub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        smtp.close();
    }

    Hub startHub(String groep) throws Exception {
        kafka.createTopics(1, topics.get(Stroom.TOEWIJZINGEN), topics.get(Stroom.START_STOP),
                topics.get(Stroom.VERZOEKEN), signalen, ongeldig);
        db = postgres.newDatabase();
        Map<String, String> m = instellingen(kafka, topics, signalen, ongeldig, groep, db, smtp);
        return Hub.start(HubInstellingen.uit(m), new Hub.Infrastructuur(kafka.bootstrapServers(), db, postgres.user(),
                postgres.password(), smtp.host(), smtp.port()), Clock.systemUTC());
    }

    /** A hub on the bundled Utrecht West configuration, reading {@code topics} on the test's servers. */
    static Map<String, String> instellingen(TestKafka kafka, Map<Stroom, String> topics, String signalen,
                                            String ongeldig, String groep, String db, TestSmtp smtp) {
        Map<String, String> m = TestInstellingen.hubOpTopics(kafka.bootstrapServers(), groep, topics, signalen,
                ongeldig, db, smtp.host(), smtp.port());
        m.put("HUB_OUTBOX_INTERVAL", "PT0.1S");
        m.put("HUB_HTTP_PORT", "0");
        return m;
    }

    @Test
    void deHubGeeftPreciesDeSignalenMailsEnGeparkeerdeRecordsVanDeGrondwaarheid(@TempDir Path data) throws Exception {
        String groep = "demo-" + UUID.randomUUID();
        hub = startHub(groep);
        Instant nu = Instant.now();
        LocalDate vandaag = DemoGenerator.datum(nu);
        DemoGenerator g = new DemoGenerator(new DemoGenerator.Parameters(11, 3_600, nu.minus(HISTORIE)));
        List<FeedBericht> feed = new ArrayList<>();
        while (!g.volgendMoment().isAfter(nu.minus(LIVE))) {
            feed.add(g.volgende());
        }
        // A fixed clock: the feed publishes the history and then waits for time that does not pass.
        DemoFeed.Instellingen instellingen = new DemoFeed.Instellingen(11, 3_600, HISTORIE, LIVE, 1_440, null,
                data, topics, groep);
        Clock vast = Clock.fixed(nu, ZoneOffset.UTC);
        try (DemoFeed demoFeed = DemoFeed.start(instellingen, kafka.bootstrapServers(), vast)) {
            wachtTot("alles gepubliceerd en verwerkt", Duration.ofMinutes(3), () -> demoFeed.gepubliceerd() == feed.size()
                    && topics.values().stream().allMatch(t -> kafka.committedOffset(groep, t, 0)
                    >= kafka.endOffset(t, 0)));
        }

        // Deadlines already due fire at once (a crisis read after its Ronde Tafel deadline, a handover more than a
        // month back): wait until none is due any more and every mail and event has left the outbox.
        wachtTot("geen verlopen termijn open en niets meer in de outbox", Duration.ofMinutes(1),
                () -> rustig(postgres, db));

        Afrekening a = new Afrekening(feed, vandaag, new Pseudonimisering(
                HubInstellingen.uit(Map.of()).pseudoniemSleutel()));
        Set<String> soorten = a.verwacht.stream().map(r -> r.split(" ")[2]).collect(Collectors.toSet());
        assertEquals(Set.of("VIERDE_TRAJECT", "VERVOLG_TRAJECT", "VERBLIJF", "CRISIS", "ESCALATIE"), soorten);
        long live = a.verwacht.stream().filter(r -> r.endsWith(" false")).count();
        assertTrue(a.verwacht.size() >= 40 && live >= 10, a.verwacht.size() + " signals, " + live + " live");

        List<JsonNode> events = leesAlles(kafka, signalen);
        List<MimeMessage> mails = smtp.waitForMessages(mailkopieen(events), Duration.ofMinutes(1));
        List<String> foutcodes = foutcodes(kafka, ongeldig, a.verwachtGeparkeerd.size());
        a.vergelijk(events, mails, foutcodes, postgres.telling(db, "select count(*) from verwerkt_bericht")).klopt(false);
        assertEquals(mailkopieen(events), mails.size());
        // Each youth's starts and stops were read before its next allocation: the mails show care that ended.
        long metStopreden = 0;
        for (MimeMessage mail : mails) {
            metStopreden += tekst(mail).contains("Volgens plan beëindigd") ? 1 : 0;
        }
        assertTrue(metStopreden > 0, "mails whose care path shows a stop reason: " + metStopreden);
        System.out.printf("%d messages: %d signals as expected and %d from deadlines, %d mails; %d records parked as "
                + "expected%n", feed.size(), a.verwacht.size(), a.afgeleid.size(), mails.size(), a.geparkeerd);
    }

    /** One mail per sent signal; an escalation's first rung goes to the regisseur and the team: two copies. */
    static int mailkopieen(List<JsonNode> events) {
        int kopieen = 0;
        for (JsonNode e : events) {
            kopieen += !e.get("verzonden").asBoolean() ? 0 : e.get("soort").asText().equals("ESCALATIE") ? 2 : 1;
        }
        return kopieen;
    }

    static List<JsonNode> leesAlles(TestKafka kafka, String topic) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic, (int) kafka.endOffset(topic, 0),
                Duration.ofMinutes(1))) {
            events.add(JSON.readTree(r.value()));
        }
        return events;
    }

    static List<String> foutcodes(TestKafka kafka, String topic, int verwacht) {
        List<String> codes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic, Math.max(verwacht,
                (int) kafka.endOffset(topic, 0)), Duration.ofMinutes(1))) {
            codes.add(new String(r.headers().lastHeader("hub-foutcode").value(), StandardCharsets.UTF_8));
        }
        return codes;
    }

    /**
     * No deadline due any more and nothing waiting in the outbox: the hub has done what the feed asked. False while
     * the database does not answer (a fault scenario).
     */
    static boolean rustig(TestPostgres pg, String db) {
        try (Connection c = DriverManager.getConnection(db, pg.user(), pg.password());
             ResultSet r = c.createStatement().executeQuery("select (select count(*) from termijn where status = "
                     + "'OPEN' and vervalt_op <= now()) + (select count(*) from uitgaand where status = 'WACHTEND')")) {
            r.next();
            return r.getLong(1) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    static String tekst(MimeMessage mail) throws Exception {
        Object inhoud = mail.getContent();
        if (inhoud instanceof Multipart delen) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < delen.getCount(); i++) {
                s.append(delen.getBodyPart(i).getContent());
            }
            return s.toString();
        }
        return String.valueOf(inhoud);
    }

    static void wachtTot(String wat, Duration maximaal, BooleanSupplier conditie) throws InterruptedException {
        long einde = System.nanoTime() + maximaal.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new AssertionError("Niet binnen " + maximaal + ": " + wat);
            }
            Thread.sleep(100);
        }
    }
}
