package nl.procesregie.hub.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.KindHub;
import nl.procesregie.hub.testinfra.KindKafka;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.StilvallendeSmtp;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * The fault suite's short form: a generated feed with its ground truth through real hubs, one fault per scenario,
 * injected once a third of the allocations is processed. Each scenario settles by signal key (Afrekening) and adds a
 * row to the table printed at the end: 0 lost, 0 doubled, 0 spurious and 0 unaccounted records in every scenario;
 * re-sends only where a failure left it unknown whether a mail or event went out (a relay that fell silent after
 * the data, a process or database gone between sending and recording).
 */
class StoringenIntegratieTest {

    /** The short form's feed; the long form sets {@code -Dstoringen.dagen=730}. */
    static final Duration HISTORIE = Duration.ofDays(Long.getLong("storingen.dagen", 100));
    static final Duration LIVE = Duration.ofHours(1);
    static final Duration WACHT = Duration.ofMinutes(Math.max(3, HISTORIE.toDays() / 60));
    static final List<String> TABEL = new ArrayList<>();
    static final String GEMEENTE = "0632";

    TestKafka kafka = TestKafka.shared();
    final TestSmtp smtp = TestSmtp.start();
    final String prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final Map<Stroom, String> topics = DemoFeed.topics(prefix + "ijw.toewijzingen", prefix + "ijw.start-stop",
            prefix + "ijw.verzoeken");
    final String signalen = prefix + "regie.signalen";
    final String ongeldig = prefix + "ijw.ongeldig";
    final String groep = "storing-" + UUID.randomUUID();
    TestPostgres postgres = TestPostgres.shared();
    /** Kept when a scenario fails: the child JVMs' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;
    String db;

    /** The feed topics' partitions: several for scenarios of two instances. */
    int partities = 1;
    String smtpHost = smtp.host();
    int smtpPoort = smtp.port();
    /** The hub in this JVM, for scenarios of one instance. */
    Hub hub;
    int hubPoort;
    /** Hubs in JVMs of their own, by name. */
    final Map<String, Process> kindHubs = new LinkedHashMap<>();
    /** Settings of a scenario over the suite's. */
    final Map<String, String> extra = new LinkedHashMap<>();
    KindKafka kindKafka;
    StilvallendeSmtp stilvallend;
    List<FeedBericht> feed;

    /** Hostile records a scenario sent besides the feed, by the fault code each must be parked with. */
    final List<String> vijandig = new ArrayList<>();
    /** Valid messages a scenario sent besides the feed, and the signals they must give (see Afrekening). */
    int extraBerichten;
    final List<List<List<String>>> extraSignalen = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        for (Process p : kindHubs.values()) {
            p.destroyForcibly().waitFor();
        }
        if (stilvallend != null) {
            stilvallend.close();
        }
        smtp.close();
        if (postgres != TestPostgres.shared()) {
            postgres.close();
        }
        if (kindKafka != null) {
            kafka.close();
            kindKafka.close();
        }
    }

    /** The table, in the test output and in target/tabellen/ (the build shows that folder after the tests). */
    @AfterAll
    static void tabel() throws IOException {
        List<String> regels = new ArrayList<>();
        regels.add("Storingen (" + HISTORIE.toDays() + " dagen feed), per signaalsleutel:");
        regels.add(Afrekening.kop());
        regels.addAll(TABEL);
        regels.forEach(System.out::println);
        Path map = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "tabellen"));
        Files.write(map.resolve("storingen.txt"), regels, StandardCharsets.UTF_8);
    }

    Map<String, String> instellingen() {
        Map<String, String> m = DemoFeedIntegratieTest.instellingen(kafka, topics, signalen, ongeldig, groep, db,
                smtp);
        m.put("SMTP_HOST", smtpHost);
        m.put("SMTP_PORT", String.valueOf(smtpPoort));
        m.put("HUB_TOPIC_MELDINGEN", prefix + "regie.meldingen");
        m.put("HUB_TOPIC_ACTIES", prefix + "regie.acties");
        m.put("HUB_DB_USER", postgres.user());
        m.put("HUB_DB_PASSWORD", postgres.password());
        m.put("HUB_OUTBOX_MAX_WACHTTIJD", "PT1S");
        m.putAll(extra);
        return m;
    }

    /**
     * For a scenario that leaves attempts without an outcome: they go again after 15 s rather than the default two
     * minutes, and the mail time-out shrinks with the lease, which must hold three of them. Only there: a short
     * time-out on a busy machine could make a slow answer look like a silent relay.
     */
    void korteLease() {
        extra.put("HUB_OUTBOX_LEASE", "PT15S");
        extra.put("SMTP_TIMEOUT", "PT5S");
    }

    void startHub() throws Exception {
        hubPoort = KindProces.vrijePoort();
        Map<String, String> m = instellingen();
        m.put("HUB_HTTP_PORT", String.valueOf(hubPoort));
        hub = Hub.start(HubInstellingen.uit(m), new Hub.Infrastructuur(kafka.bootstrapServers(), db, postgres.user(),
                postgres.password(), smtpHost, smtpPoort), Clock.systemUTC());
    }

    void startKindHub(String naam) throws Exception {
        int poort = KindProces.vrijePoort();
        Map<String, String> env = instellingen();
        env.put("HUB_HTTP_PORT", String.valueOf(poort));
        env.put("HUB_DATA_DIR", data.resolve(naam).toString());
        // Its database sessions carry its name, so the database can tell which instance waits where.
        env.put("HUB_DB_URL", db + "?ApplicationName=hub-" + naam);
        kindHubs.put(naam, KindHub.start(naam, env, data));
        DemoFeedIntegratieTest.wachtTot("hub " + naam + " gezond", WACHT, () -> KindHub.gezond(poort));
    }

    /** Whether each of {@code aantal} instances holds partitions of the allocations topic. */
    boolean verdeeldOver(int aantal) {
        List<Set<Integer>> leden = kafka.groupMembers(groep, topics.get(Stroom.TOEWIJZINGEN));
        return leden.size() == aantal && leden.stream().noneMatch(Set::isEmpty);
    }

    /** A fault, or its set-up; it returns when the hub may recover. */
    @FunctionalInterface
    interface Storing {
        void breng() throws Exception;
    }

    /** The feed through one hub in this JVM, {@code storing} injected once a third of the allocations is processed. */
    Afrekening proef(Storing storing) throws Exception {
        return proef(() -> { }, storing);
    }

    /**
     * As {@link #proef(Storing)}, with {@code vooraf} done before the hubs start; with {@code kinderen} named, the
     * feed goes through that many hubs in JVMs of their own, in one consumer group.
     */
    Afrekening proef(Storing vooraf, Storing storing, String... kinderen) throws Exception {
        vooraf.breng();
        kafka.createTopics(partities, topics.get(Stroom.TOEWIJZINGEN), topics.get(Stroom.START_STOP),
                topics.get(Stroom.VERZOEKEN));
        kafka.createTopics(1, signalen, ongeldig, prefix + "regie.meldingen", prefix + "regie.acties");
        db = postgres.newDatabase();
        if (kinderen.length == 0) {
            startHub();
        } else {
            for (String naam : kinderen) {
                startKindHub(naam);
            }
            DemoFeedIntegratieTest.wachtTot("de partities verdeeld over alle instanties", WACHT,
                    () -> verdeeldOver(kinderen.length));
        }
        Instant nu = Instant.now();
        DemoGenerator g = new DemoGenerator(new DemoGenerator.Parameters(17, 3_600, nu.minus(HISTORIE)));
        feed = new ArrayList<>();
        while (!g.volgendMoment().isAfter(nu.minus(LIVE))) {
            feed.add(g.volgende());
        }
        long toewijzingen = feed.stream().filter(b -> b.stroom() == Stroom.TOEWIJZINGEN).count();
        DemoFeed.Instellingen instellingen = new DemoFeed.Instellingen(17, 3_600, HISTORIE, LIVE, 1_440, null,
                data.resolve("feed"), topics, groep);
        try (DemoFeed demoFeed = DemoFeed.start(instellingen, kafka.bootstrapServers(), Clock.fixed(nu, ZoneOffset.UTC))) {
            DemoFeedIntegratieTest.wachtTot("een derde verwerkt", WACHT, () ->
                    kafka.committedTotal(groep, topics.get(Stroom.TOEWIJZINGEN)) >= toewijzingen / 3);
            storing.breng();
            DemoFeedIntegratieTest.wachtTot("alles gepubliceerd en verwerkt", WACHT, () ->
                    demoFeed.gepubliceerd() == feed.size() && allesVerwerkt());
        }
        return afrekening(feed, DemoGenerator.datum(nu));
    }

    boolean allesVerwerkt() {
        return kafka.committedToEnd(groep, topics.values().toArray(new String[0]));
    }

    Afrekening afrekening(List<FeedBericht> feed, LocalDate vandaag) throws Exception {
        DemoFeedIntegratieTest.wachtTot("geen verlopen termijn open en niets meer in de outbox", WACHT,
                () -> DemoFeedIntegratieTest.rustig(postgres, db));
        Afrekening a = new Afrekening(feed, vandaag, pseudoniemen()).ookGeparkeerd(vijandig)
                .ookVerwerkt(extraBerichten, extraSignalen);
        List<JsonNode> events = DemoFeedIntegratieTest.leesAlles(kafka, signalen);
        List<MimeMessage> mails = smtp.waitForMessages(DemoFeedIntegratieTest.mailkopieen(events), WACHT);
        List<String> foutcodes = DemoFeedIntegratieTest.foutcodes(kafka, ongeldig, a.verwachtGeparkeerd.size());
        return a.vergelijk(events, mails, foutcodes, postgres.telling(db,
                "select count(*) from verwerkt_bericht"));
    }

    static Pseudonimisering pseudoniemen() {
        return new Pseudonimisering(HubInstellingen.uit(Map.of()).pseudoniemSleutel());
    }

    @Test
    void oneOfTwoInstancesIsKilledMidStreamAndRestarted() throws Exception {
        partities = 4;
        korteLease();
        // A killed instance's partitions move after this, not after the default 45 s.
        extra.put("HUB_KAFKA_SESSION_TIMEOUT", "PT6S");
        Afrekening a = proef(() -> { }, () -> {
            kindHubs.get("a").destroyForcibly().waitFor();
            // The survivor takes over every partition before the killed instance comes back.
            DemoFeedIntegratieTest.wachtTot("b neemt alle partities over", WACHT, () -> {
                List<Set<Integer>> leden = kafka.groupMembers(groep, topics.get(Stroom.TOEWIJZINGEN));
                return leden.size() == 1 && leden.get(0).size() == partities;
            });
            startKindHub("a");
        }, "a", "b");
        TABEL.add(a.regel("kill-9"));
        // A mail or event the kill caught between sending and recording goes again, with the same identity.
        a.klopt(true);
    }

    @Test
    void theBrokerRestartsMidStream() throws Exception {
        Afrekening a = proef(() -> {
            kindKafka = KindKafka.start(data.resolve("kafka"), KindProces.vrijePoort());
            kafka = TestKafka.vanBroker(kindKafka.bootstrapServers());
        }, () -> {
            kindKafka.stop();
            DemoFeedIntegratieTest.wachtTot("de hub meldt zich niet gereed", WACHT, () -> !KindHub.gezond(hubPoort));
            kindKafka.herstart();
            DemoFeedIntegratieTest.wachtTot("de hub weer gereed", WACHT, () -> KindHub.gezond(hubPoort));
        });
        TABEL.add(a.regel("broker-herstart"));
        // An event whose publish the kill cut off (written, not acknowledged) goes again with its signal id.
        a.klopt(true);
    }

    @Test
    void postgresRestartsMidStream() throws Exception {
        postgres = TestPostgres.dedicated();
        korteLease();
        Afrekening a = proef(() -> {
            postgres.stop();
            DemoFeedIntegratieTest.wachtTot("de hub merkt de storing", WACHT, () -> hub.consumer().heeftStoring());
            postgres.start();
        });
        TABEL.add(a.regel("postgres-herstart"));
        // A mail or event sent just before the database went away cannot be recorded as sent: it goes again.
        a.klopt(true);
    }

    @Test
    void theMailRelayRefusesForAWhile() throws Exception {
        // The live signals' youths come first in the feed: their mails meet the refusing relay.
        Afrekening a = proef(smtp::stop, () -> {
            DemoFeedIntegratieTest.wachtTot("mail wacht", WACHT, () -> postgres.telling(db,
                    "select count(*) from uitgaand where kanaal = 'MAIL' and laatste_fout is not null") > 0);
            smtp.restart();
        });
        TABEL.add(a.regel("smtp-weigert"));
        a.klopt(false);
    }

    @Test
    void theMailRelayTakesMailsButFallsSilentBeforeAnswering() throws Exception {
        int stil = 3;
        korteLease();
        Afrekening a = proef(() -> {
            stilvallend = StilvallendeSmtp.voor(smtp);
            smtpHost = stilvallend.host();
            smtpPoort = stilvallend.port();
            stilvallend.verzwijg(stil);
        }, () -> DemoFeedIntegratieTest.wachtTot("de relay zweeg over " + stil + " mails", WACHT,
                () -> stilvallend.verzwegen().size() == stil));
        TABEL.add(a.regel("smtp-valt-stil"));
        a.klopt(true);
        // Each of the three mails arrived and went again with its Message-ID: three re-sends, nothing else re-sent.
        assertEquals(stil, a.herzonden, a.regel("smtp-valt-stil") + " " + stilvallend.verzwegen());
    }

    @Test
    void everythingIsDeliveredAgainFromTheStart() throws Exception {
        Afrekening eerst = proef(() -> { });
        eerst.klopt(false);
        hub.close();
        hub = null;
        kafka.resetOffsets(groep, topics.values().toArray(new String[0]));
        startHub();
        DemoFeedIntegratieTest.wachtTot("alles opnieuw verwerkt", WACHT, this::allesVerwerkt);
        // Settled against the same ground truth: nothing new may have come of it.
        Afrekening opnieuw = afrekening(eerst.feed, eerst.vandaag);
        TABEL.add(opnieuw.regel("opnieuw-afgeleverd"));
        opnieuw.klopt(false);
    }

    @Test
    void oneYouthsMessagesMeetOnTwoInstancesAtTheSameMoment() throws Exception {
        partities = 2;
        Afrekening a = proef(() -> { }, this::gelijktijdig, "a", "b");
        TABEL.add(a.regel("gelijktijdig"));
        a.klopt(false);
    }

    /**
     * Ten youths outside the feed get three trajectories; then, with the youths locked in the database, each gets its
     * fourth and fifth at once: one on each partition, so on each instance. Both instances are seen waiting for the
     * same youths before the lock goes. Whichever takes a youth first gives its fourth trajectory, the other its
     * fifth: one VIERDE_TRAJECT and one VERVOLG_TRAJECT per youth, never two of one nor none.
     */
    void gelijktijdig() throws Exception {
        Set<String> inDeFeed = new HashSet<>();
        for (FeedBericht b : feed) {
            Matcher m = Afrekening.BSN.matcher(new String(b.waarde(), StandardCharsets.UTF_8));
            while (m.find()) {
                inDeFeed.add(m.group(1));
            }
        }
        List<String> bsns = new ArrayList<>();
        for (int n = TestBsn.AANTAL - 1; bsns.size() < 10; n--) {
            if (!inDeFeed.contains(TestBsn.geldig(n))) {
                bsns.add(TestBsn.geldig(n));
            }
        }
        Pseudonimisering pseudoniemen = pseudoniemen();
        String lijst = bsns.stream().map(b -> "'" + pseudoniemen.pseudoniem(b) + "'")
                .collect(Collectors.joining(","));
        LocalDate vandaag = DemoGenerator.datum(Instant.now());
        String toewijzingen = topics.get(Stroom.TOEWIJZINGEN);
        for (int j = 0; j < bsns.size(); j++) {
            for (int traject = 1; traject <= 3; traject++) {
                kafka.send(toewijzingen, 0, toewijzing(j, traject, bsns.get(j), vandaag));
            }
        }
        extraBerichten = 5 * bsns.size();
        DemoFeedIntegratieTest.wachtTot("drie trajecten per jeugdige", WACHT, () -> postgres.telling(db,
                "select count(*) from traject where jeugdige in (" + lijst + ")") == 3L * bsns.size());

        // Partition 0 and 1 must be on different instances for the two messages to meet.
        assertTrue(verdeeldOver(2), "elke instantie heeft een partitie");
        try (Connection slot = DriverManager.getConnection(db, postgres.user(), postgres.password())) {
            slot.setAutoCommit(false);
            slot.createStatement().executeQuery("select pseudoniem from jeugdige where pseudoniem in (" + lijst
                    + ") order by pseudoniem for update").close();
            for (int j = 0; j < bsns.size(); j++) {
                kafka.send(toewijzingen, 0, toewijzing(j, 4, bsns.get(j), vandaag));
                kafka.send(toewijzingen, 1, toewijzing(j, 5, bsns.get(j), vandaag));
            }
            DemoFeedIntegratieTest.wachtTot("beide instanties wachten op dezelfde jeugdigen", WACHT, () ->
                    postgres.telling(db, "select count(distinct application_name) "
                            + "from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                            + "and application_name like 'hub-%' "
                            + "and query like '%from jeugdige where pseudoniem = any%for update%'") == 2);
            slot.commit();
        }

        for (int j = 0; j < bsns.size(); j++) {
            String p = pseudoniemen.pseudoniem(bsns.get(j));
            extraSignalen.add(List.of(verwacht(p, j, vandaag, 4, 5), verwacht(p, j, vandaag, 5, 4)));
        }
    }

    /** The ground truth's signals when the youth's trajectories are read in this order after the first three. */
    static List<String> verwacht(String jeugdige, int j, LocalDate dag, int... daarna) {
        GrondWaarheid waarheid = new GrondWaarheid();
        List<VerwachtSignaal> signalen = new ArrayList<>();
        int[] volgorde = {1, 2, 3, daarna[0], daarna[1]};
        for (int traject : volgorde) {
            signalen.addAll(waarheid.toegekend(jeugdige, GEMEENTE, true, GrondWaarheid.Zorg.ANDERS,
                    aanbieder(traject), product(traject), Berichten.toewijzingNummer(nummer(j, traject)), dag, traject));
        }
        return signalen.stream().map(v -> Afrekening.signaal(v.jeugdige(), v.gemeente(), v.soort(), v.volgnummer(),
                v.aanbieder(), v.product(), v.toewijzingNummer(), v.hernieuwd(), false)).toList();
    }

    static byte[] toewijzing(int jeugdige, int traject, String bsn, LocalDate dag) {
        return Berichten.toewijzing(GEMEENTE, aanbieder(traject), bsn, dag, Berichten.identificatie(), null,
                new Berichten.Product(nummer(jeugdige, traject), "45", product(traject)));
    }

    static String aanbieder(int traject) {
        return "7100000" + traject;
    }

    static String product(int traject) {
        return "45A2" + traject;
    }

    static String nummer(int jeugdige, int traject) {
        return "G" + jeugdige + "-" + traject;
    }

    @Test
    void aFloodOfHostileRecordsIsParkedAndChangesNothingElse() throws Exception {
        Afrekening a = proef(() -> {
            Map<String, byte[]> soorten = new LinkedHashMap<>();
            for (String f : List.of("fout-xxe", "fout-billion-laughs", "fout-iso-8859-1", "fout-niet-welgevormd")) {
                soorten.put("XML_ONGELDIG " + f, fixture(f));
            }
            soorten.put("DATUM_ONGELDIG", fixture("fout-datum-31-juni"));
            soorten.put("BSN_ONGELDIG", fixture("fout-bsn-elfproef"));
            soorten.put("BERICHT_ONBEKEND", fixture("fout-onbekende-namespace"));
            // A real JW301 with ten thousand elements nested inside Client: refused by depth, without a stack overflow.
            String jw301 = new String(fixture("jw301-3_2"), StandardCharsets.UTF_8);
            int plek = jw301.indexOf("<Bsn>");
            soorten.put("XML_ONGELDIG diep", (jw301.substring(0, plek) + "<Commentaar>".repeat(10_000)
                    + "</Commentaar>".repeat(10_000) + jw301.substring(plek)).getBytes(StandardCharsets.UTF_8));
            soorten.put("XML_ONGELDIG leeg", new byte[0]);
            for (int i = 0; i < 20; i++) {
                for (Map.Entry<String, byte[]> e : soorten.entrySet()) {
                    kafka.send(topics.get(Stroom.TOEWIJZINGEN), e.getValue());
                    vijandig.add(e.getKey().split(" ")[0]);
                }
            }
            // Ten megabytes, twice the hub's default limit: parked with its size, its first 256 KB and a hash.
            byte[] groot = new byte[10 * 1024 * 1024];
            Arrays.fill(groot, (byte) 'x');
            for (int i = 0; i < 3; i++) {
                kafka.send(topics.get(Stroom.TOEWIJZINGEN), groot);
                vijandig.add("TE_GROOT");
            }
        });
        TABEL.add(a.regel("vijandige-invoer"));
        a.klopt(false);
    }

    static byte[] fixture(String naam) throws IOException {
        try (InputStream in = StoringenIntegratieTest.class.getResourceAsStream("/ijw/" + naam + ".xml")) {
            return in.readAllBytes();
        }
    }
}
