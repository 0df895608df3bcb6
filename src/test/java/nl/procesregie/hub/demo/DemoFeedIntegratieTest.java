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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final Pattern BSN = Pattern.compile("<(?:\\w+:)?Bsn>([^<]*)</");
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
        Map<String, String> m = new HashMap<>();
        m.put("HUB_CONFIG", "classpath:config/utrecht-west.yaml");
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        m.put("HUB_KAFKA_GROUP_ID", groep);
        m.put("HUB_TOPIC_TOEWIJZINGEN", topics.get(Stroom.TOEWIJZINGEN));
        m.put("HUB_TOPIC_START_STOP", topics.get(Stroom.START_STOP));
        m.put("HUB_TOPIC_VERZOEKEN", topics.get(Stroom.VERZOEKEN));
        m.put("HUB_TOPIC_SIGNALEN", signalen);
        m.put("HUB_TOPIC_ONGELDIG", ongeldig);
        m.put("HUB_DB_URL", db);
        m.put("SMTP_HOST", smtp.host());
        m.put("SMTP_PORT", String.valueOf(smtp.port()));
        m.put("HUB_OUTBOX_INTERVAL", "PT0.1S");
        m.put("HUB_DEMO_FEED", "false");
        m.put("HUB_HTTP_PORT", "0");
        return Hub.start(HubInstellingen.uit(m), new Hub.Infrastructuur(kafka.bootstrapServers(), db, postgres.user(),
                postgres.password(), smtp.host(), smtp.port()), Clock.systemUTC());
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
        wachtTot("geen verlopen termijn open en niets meer in de outbox", Duration.ofMinutes(1), this::rustig);

        Pseudonimisering pseudoniem = new Pseudonimisering(HubInstellingen.uit(Map.of()).pseudoniemSleutel());
        Map<String, String> pseudoniemVan = new HashMap<>();
        List<String> verwacht = new ArrayList<>();
        List<String> verwachtGeparkeerd = new ArrayList<>();
        for (FeedBericht b : feed) {
            if (!b.isGeldig()) {
                verwachtGeparkeerd.add(b.bedoeldeFout());
                continue;
            }
            Matcher m = BSN.matcher(new String(b.waarde(), StandardCharsets.UTF_8));
            assertTrue(m.find());
            pseudoniemVan.putIfAbsent(b.sleutel(), pseudoniem.pseudoniem(m.group(1)));
            for (VerwachtSignaal s : b.signalen()) {
                boolean historisch = s.historischOp(vandaag, FeedSchrijver.SIGNAALHORIZON);
                String jeugdige = pseudoniemVan.get(s.jeugdige());
                verwacht.add(String.join(" ", jeugdige, s.gemeente(), s.soort(), String.valueOf(s.volgnummer()),
                        s.aanbieder(), s.product(), s.toewijzingNummer(), String.valueOf(s.hernieuwd()),
                        String.valueOf(historisch)));
                // iJw dates a crisis by day: read after the end of the day after, its 24 hours have passed, and the
                // ladder's first rung goes out now (only once: the next rung counts from now).
                if (s.soort().equals("CRISIS") && !historisch && s.dagtekening().isBefore(vandaag.minusDays(1))) {
                    verwacht.add(String.join(" ", jeugdige, s.gemeente(), "ESCALATIE", "1", s.aanbieder(),
                            s.product(), s.toewijzingNummer(), "false", "false"));
                }
            }
        }
        Set<String> soorten = verwacht.stream().map(r -> r.split(" ")[2]).collect(Collectors.toSet());
        assertEquals(Set.of("VIERDE_TRAJECT", "VERVOLG_TRAJECT", "VERBLIJF", "CRISIS", "ESCALATIE"), soorten);
        long live = verwacht.stream().filter(r -> r.endsWith(" false")).count();
        assertTrue(verwacht.size() >= 40 && live >= 10, verwacht.size() + " signals, " + live + " live");

        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(signalen, (int) kafka.endOffset(signalen, 0),
                Duration.ofMinutes(1))) {
            events.add(JSON.readTree(r.value()));
        }
        Map<String, JsonNode> perId = new HashMap<>();
        events.forEach(e -> perId.put(e.get("signaalId").asText(), e));
        List<String> gekregen = new ArrayList<>();
        List<JsonNode> afgeleid = new ArrayList<>();
        for (JsonNode e : events) {
            if (vanEenBericht(e, perId)) {
                JsonNode a = e.get("aanleiding");
                gekregen.add(String.join(" ", e.get("jeugdige").asText(), e.get("gemeente").asText(),
                        e.get("soort").asText(), e.get("volgnummer").asText(), a.get("aanbieder").asText(),
                        a.get("product").asText(), a.get("toewijzingnummer").asText(), e.get("hernieuwd").asText(),
                        e.get("historisch").asText()));
            } else {
                afgeleid.add(e);
            }
        }
        assertEquals(verwacht.stream().sorted().toList(), gekregen.stream().sorted().toList());
        // What no message raises on its own follows from a handover of a youth under procesregie: the reminder
        // (once per youth in this span), its first escalation rung, a birthday.
        Set<String> onderRegie = verwacht.stream().map(r -> r.split(" ")[0]).collect(Collectors.toSet());
        Set<String> herinnerd = new HashSet<>();
        for (JsonNode e : afgeleid) {
            String soort = e.get("soort").asText();
            String jeugdige = e.get("jeugdige").asText();
            assertTrue(onderRegie.contains(jeugdige) && !e.get("historisch").asBoolean(), e.toString());
            switch (soort) {
                case "OPVOLGING" -> assertTrue(herinnerd.add(jeugdige), "one reminder per youth: " + e);
                case "ESCALATIE" -> assertEquals(1, e.get("volgnummer").asInt(), e.toString());
                case "LEEFTIJD_16", "LEEFTIJD_18" -> { }
                default -> throw new AssertionError("unexpected signal: " + e);
            }
        }

        List<String> geparkeerd = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(ongeldig, verwachtGeparkeerd.size(),
                Duration.ofMinutes(1))) {
            geparkeerd.add(new String(r.headers().lastHeader("hub-foutcode").value(), StandardCharsets.UTF_8));
        }
        assertEquals(verwachtGeparkeerd.stream().sorted().toList(), geparkeerd.stream().sorted().toList());

        // One mail per live signal; an escalation's first rung goes to the regisseur and the team: two copies.
        int metMail = 0;
        for (JsonNode e : events) {
            metMail += !e.get("verzonden").asBoolean() ? 0 : e.get("soort").asText().equals("ESCALATIE") ? 2 : 1;
        }
        List<MimeMessage> mails = smtp.waitForMessages(metMail, Duration.ofMinutes(1));
        assertEquals(metMail, mails.size());
        // Each youth's starts and stops were read before its next allocation: the mails show care that ended.
        long metStopreden = 0;
        for (MimeMessage mail : mails) {
            metStopreden += tekst(mail).contains("Volgens plan beëindigd") ? 1 : 0;
        }
        assertTrue(metStopreden > 0, "mails whose care path shows a stop reason: " + metStopreden);
        System.out.printf("%d messages: %d signals as expected and %d from deadlines, %d mails; %d records parked as "
                + "expected%n", feed.size(), verwacht.size(), afgeleid.size(), metMail, geparkeerd.size());
    }

    /** Raised by a message, or the escalation of a crisis: the ground truth predicts these. */
    static boolean vanEenBericht(JsonNode e, Map<String, JsonNode> perId) {
        return switch (e.get("soort").asText()) {
            case "VIERDE_TRAJECT", "VERVOLG_TRAJECT", "VERBLIJF", "CRISIS" -> true;
            case "ESCALATIE" -> {
                JsonNode basis = perId.get(e.get("basisSignaalId").asText());
                assertTrue(basis != null, "the escalated signal was published: " + e);
                yield basis.get("soort").asText().equals("CRISIS");
            }
            default -> false;
        };
    }

    boolean rustig() {
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             ResultSet r = c.createStatement().executeQuery("select (select count(*) from termijn where status = "
                     + "'OPEN' and vervalt_op <= now()) + (select count(*) from uitgaand where verzonden_op is null)")) {
            r.next();
            return r.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
