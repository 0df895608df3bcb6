package nl.procesregie.hub.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * The fault suite's short form: a generated feed with its ground truth through a real hub, one fault per scenario,
 * injected once a third of the allocations is processed. Each scenario settles by signal key (Afrekening) and adds a
 * row to the table printed at the end: 0 lost, 0 doubled, 0 spurious and 0 unaccounted records in every scenario;
 * re-sends only where a failure left it unknown whether a mail or event went out. Scenarios of several instances and
 * a kill -9 are in SchaalIntegratieTest and AfleveringIntegratieTest.
 */
class StoringenIntegratieTest {

    /** The short form's feed; the long form sets {@code -Dstoringen.dagen=730} and more. */
    static final Duration HISTORIE = Duration.ofDays(Long.getLong("storingen.dagen", 100));
    static final Duration LIVE = Duration.ofHours(1);
    static final Duration WACHT = Duration.ofMinutes(Math.max(3, HISTORIE.toDays() / 60));
    static final List<String> TABEL = new ArrayList<>();
    /** Below the broker's 1 MB, so an oversized record reaches the hub. */
    static final int GRENS = 256 * 1024;

    final TestKafka kafka = TestKafka.shared();
    final TestSmtp smtp = TestSmtp.start();
    final String prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final Map<Stroom, String> topics = DemoFeed.topics(prefix + "ijw.toewijzingen", prefix + "ijw.start-stop",
            prefix + "ijw.verzoeken");
    final String signalen = prefix + "regie.signalen";
    final String ongeldig = prefix + "ijw.ongeldig";
    final String groep = "storing-" + UUID.randomUUID();
    TestPostgres postgres = TestPostgres.shared();
    String db;
    Hub hub;
    /** Hostile records a scenario sent besides the feed, by the fault code each must be parked with. */
    final List<String> vijandig = new ArrayList<>();

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        smtp.close();
        if (postgres != TestPostgres.shared()) {
            postgres.close();
        }
    }

    @AfterAll
    static void tabel() {
        System.out.println("Storingen (korte vorm), per signaalsleutel:");
        System.out.println(Afrekening.kop());
        TABEL.forEach(System.out::println);
    }

    Hub startHub() throws Exception {
        Map<String, String> m = DemoFeedIntegratieTest.instellingen(kafka, topics, signalen, ongeldig, groep, db,
                smtp);
        m.put("HUB_TOPIC_MELDINGEN", prefix + "regie.meldingen");
        m.put("HUB_TOPIC_ACTIES", prefix + "regie.acties");
        m.put("HUB_DB_USER", postgres.user());
        m.put("HUB_DB_PASSWORD", postgres.password());
        m.put("HUB_OUTBOX_MAX_WACHTTIJD", "PT1S");
        // An attempt the fault left without an outcome goes again after this, not after the default two minutes.
        m.put("HUB_OUTBOX_LEASE", "PT10S");
        m.put("HUB_MAX_RECORD_BYTES", String.valueOf(GRENS));
        return Hub.start(HubInstellingen.uit(m), new Hub.Infrastructuur(kafka.bootstrapServers(), db, postgres.user(),
                postgres.password(), smtp.host(), smtp.port()), Clock.systemUTC());
    }

    /** A fault, or its set-up; it returns when the hub may recover. */
    @FunctionalInterface
    interface Storing {
        void breng() throws Exception;
    }

    /** The feed through the hub, {@code storing} injected once a third of the allocations is processed. */
    Afrekening proef(Path data, Storing storing) throws Exception {
        return proef(data, () -> { }, storing);
    }

    /** As {@link #proef(Path, Storing)}, with {@code vooraf} done before the hub starts. */
    Afrekening proef(Path data, Storing vooraf, Storing storing) throws Exception {
        vooraf.breng();
        kafka.createTopics(1, topics.get(Stroom.TOEWIJZINGEN), topics.get(Stroom.START_STOP),
                topics.get(Stroom.VERZOEKEN), signalen, ongeldig, prefix + "regie.meldingen", prefix + "regie.acties");
        db = postgres.newDatabase();
        hub = startHub();
        Instant nu = Instant.now();
        DemoGenerator g = new DemoGenerator(new DemoGenerator.Parameters(17, 3_600, nu.minus(HISTORIE)));
        List<FeedBericht> feed = new ArrayList<>();
        while (!g.volgendMoment().isAfter(nu.minus(LIVE))) {
            feed.add(g.volgende());
        }
        long toewijzingen = feed.stream().filter(b -> b.stroom() == Stroom.TOEWIJZINGEN).count();
        DemoFeed.Instellingen instellingen = new DemoFeed.Instellingen(17, 3_600, HISTORIE, LIVE, 1_440, null,
                data, topics, groep);
        try (DemoFeed demoFeed = DemoFeed.start(instellingen, kafka.bootstrapServers(), Clock.fixed(nu, ZoneOffset.UTC))) {
            DemoFeedIntegratieTest.wachtTot("een derde verwerkt", WACHT, () -> kafka.committedOffset(groep,
                    topics.get(Stroom.TOEWIJZINGEN), 0) >= toewijzingen / 3);
            storing.breng();
            DemoFeedIntegratieTest.wachtTot("alles gepubliceerd en verwerkt", WACHT, () ->
                    demoFeed.gepubliceerd() == feed.size() && allesVerwerkt());
        }
        return afrekening(feed, DemoGenerator.datum(nu));
    }

    boolean allesVerwerkt() {
        return topics.values().stream().allMatch(t -> kafka.committedOffset(groep, t, 0) >= kafka.endOffset(t, 0));
    }

    Afrekening afrekening(List<FeedBericht> feed, LocalDate vandaag) throws Exception {
        DemoFeedIntegratieTest.wachtTot("geen verlopen termijn open en niets meer in de outbox", WACHT,
                () -> DemoFeedIntegratieTest.rustig(postgres, db));
        Afrekening a = new Afrekening(feed, vandaag, new Pseudonimisering(
                HubInstellingen.uit(Map.of()).pseudoniemSleutel())).ookGeparkeerd(vijandig);
        List<JsonNode> events = DemoFeedIntegratieTest.leesAlles(kafka, signalen);
        List<MimeMessage> mails = smtp.waitForMessages(DemoFeedIntegratieTest.mailkopieen(events), WACHT);
        List<String> foutcodes = DemoFeedIntegratieTest.foutcodes(kafka, ongeldig, a.verwachtGeparkeerd.size());
        return a.vergelijk(events, mails, foutcodes, DemoFeedIntegratieTest.telling(postgres, db,
                "select count(*) from verwerkt_bericht"));
    }

    @Test
    void postgresRestartsMidStream(@TempDir Path data) throws Exception {
        postgres = TestPostgres.dedicated();
        Afrekening a = proef(data, () -> {
            postgres.stop();
            DemoFeedIntegratieTest.wachtTot("de hub merkt de storing", WACHT, () -> hub.consumer().heeftStoring());
            postgres.start();
        });
        TABEL.add(a.regel("postgres-herstart"));
        // A mail or event sent just before the database went away cannot be recorded as sent: it goes again.
        a.klopt(true);
    }

    @Test
    void theMailRelayRefusesForAWhile(@TempDir Path data) throws Exception {
        // The live signals' youths come first in the feed: their mails meet the refusing relay.
        Afrekening a = proef(data, smtp::stop, () -> {
            DemoFeedIntegratieTest.wachtTot("mail wacht", WACHT, () -> DemoFeedIntegratieTest.telling(postgres, db,
                    "select count(*) from uitgaand where kanaal = 'MAIL' and laatste_fout is not null") > 0);
            smtp.restart();
        });
        TABEL.add(a.regel("smtp-weigert"));
        a.klopt(false);
    }

    @Test
    void aFloodOfHostileRecordsIsParkedAndChangesNothingElse(@TempDir Path data) throws Exception {
        Afrekening a = proef(data, () -> {
            Map<String, byte[]> soorten = new java.util.LinkedHashMap<>();
            for (String f : List.of("fout-xxe", "fout-billion-laughs", "fout-iso-8859-1", "fout-niet-welgevormd")) {
                soorten.put("XML_ONGELDIG " + f, fixture(f));
            }
            soorten.put("DATUM_ONGELDIG", fixture("fout-datum-31-juni"));
            soorten.put("BERICHT_ONBEKEND", fixture("fout-onbekende-namespace"));
            // A real JW301 with ten thousand elements nested inside Client: refused by depth, without a stack overflow.
            String jw301 = new String(fixture("jw301-3_2"), java.nio.charset.StandardCharsets.UTF_8);
            int plek = jw301.indexOf("<Bsn>");
            soorten.put("XML_ONGELDIG diep", (jw301.substring(0, plek) + "<Commentaar>".repeat(10_000)
                    + "</Commentaar>".repeat(10_000) + jw301.substring(plek))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            soorten.put("XML_ONGELDIG leeg", new byte[0]);
            byte[] groot = new byte[GRENS + 1];
            java.util.Arrays.fill(groot, (byte) 'x');
            soorten.put("TE_GROOT", groot);
            for (int i = 0; i < 20; i++) {
                for (Map.Entry<String, byte[]> e : soorten.entrySet()) {
                    kafka.send(topics.get(Stroom.TOEWIJZINGEN), e.getValue());
                    vijandig.add(e.getKey().split(" ")[0]);
                }
            }
        });
        TABEL.add(a.regel("vijandige-invoer"));
        a.klopt(false);
    }

    static byte[] fixture(String naam) throws java.io.IOException {
        try (java.io.InputStream in = StoringenIntegratieTest.class.getResourceAsStream("/ijw/" + naam + ".xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void everythingIsDeliveredAgainFromTheStart(@TempDir Path data) throws Exception {
        Afrekening eerst = proef(data, () -> { });
        eerst.klopt(false);
        hub.close();
        hub = null;
        kafka.resetOffsets(groep, topics.values().toArray(new String[0]));
        hub = startHub();
        DemoFeedIntegratieTest.wachtTot("alles opnieuw verwerkt", WACHT, this::allesVerwerkt);
        // Settled against the same ground truth: nothing new may have come of it.
        Afrekening opnieuw = afrekening(eerst.feed, eerst.vandaag);
        TABEL.add(opnieuw.regel("opnieuw-afgeleverd"));
        opnieuw.klopt(false);
    }
}
