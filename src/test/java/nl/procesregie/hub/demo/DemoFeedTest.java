package nl.procesregie.hub.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.app.DemoOmgeving;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.testinfra.TestKafka;

/** The publisher on a real broker, driven by a clock the test sets: the three phases, the order, the restart. */
class DemoFeedTest {

    static final Instant NU = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration HISTORIE = Duration.ofDays(200);
    static final Duration LIVE = Duration.ofDays(14);

    final TestKafka kafka = TestKafka.shared();
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final Map<Stroom, String> topics = DemoFeed.topics(prefix + "ijw.toewijzingen", prefix + "ijw.start-stop",
            prefix + "ijw.verzoeken");

    @TempDir
    Path data;

    DemoFeedTest() {
        kafka.createTopics(1, topics.values().toArray(String[]::new));
    }

    /** A clock the test moves; the feed reads it on every step. */
    static final class Klok extends Clock {
        volatile Instant nu;

        Klok(Instant nu) {
            this.nu = nu;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return nu;
        }
    }

    DemoFeed.Instellingen instellingen(int tempo) {
        return instellingen(tempo, null);
    }

    DemoFeed.Instellingen instellingen(int tempo, String groep) {
        return new DemoFeed.Instellingen(3, 3_600, HISTORIE, LIVE, tempo, data.resolve("bestanden"),
                data.resolve("stand"), topics, groep);
    }

    /** The feed a generator with the same parameters yields, up to and including {@code tot}. */
    static List<FeedBericht> feedTot(Instant begin, Instant tot) {
        DemoGenerator g = new DemoGenerator(new DemoGenerator.Parameters(3, 3_600, begin));
        List<FeedBericht> lijst = new ArrayList<>();
        while (!g.volgendMoment().isAfter(tot)) {
            lijst.add(g.volgende());
        }
        return lijst;
    }

    Properties stand() {
        Properties p = new Properties();
        Path bestand = data.resolve("stand").resolve("stand.properties");
        if (Files.exists(bestand)) {
            try (InputStream in = Files.newInputStream(bestand)) {
                p.load(in);
            } catch (IOException e) {
                // written at this moment: read again on the next poll
            }
        }
        return p;
    }

    long gepubliceerdTot() {
        return Long.parseLong(stand().getProperty("volgnummer", "0"));
    }

    static void wachtTot(String wat, BooleanSupplier conditie) throws InterruptedException {
        long einde = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new AssertionError("Niet binnen 60 s: " + wat);
            }
            Thread.sleep(50);
        }
    }

    List<ConsumerRecord<byte[], byte[]>> records(Stroom stroom, long verwacht) {
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topics.get(stroom), (int) verwacht,
                Duration.ofSeconds(30));
        assertEquals(verwacht, records.size(), stroom + ": exactly what was expected, nothing twice");
        return records;
    }

    static long aantal(List<FeedBericht> feed, Stroom stroom) {
        return feed.stream().filter(b -> b.stroom() == stroom).count();
    }

    @Test
    void deHistorieKomtInEenKeerEerstDeJeugdigenMetMailEnEenHerstartGaatVerderZonderHerhaling() throws Exception {
        Instant begin = NU.minus(HISTORIE);
        List<FeedBericht> blok = feedTot(begin, NU.minus(LIVE));
        Clock vast = Clock.fixed(NU, ZoneOffset.UTC);
        try (DemoFeed feed = DemoFeed.start(instellingen(1_440), kafka.bootstrapServers(), vast)) {
            wachtTot("de historie is gepubliceerd", () -> gepubliceerdTot() == blok.size());
            assertTrue(feed.beschrijving().contains("1440× versneld"), feed.beschrijving());
        }
        assertEquals(begin.toString(), stand().getProperty("begin"));

        // A fixed clock stops the simulation where the history ends: exactly the block is on the broker.
        Set<String> eerst = new HashSet<>();
        LocalDate vandaag = DemoGenerator.datum(NU);
        blok.forEach(b -> b.signalen().stream().filter(s -> !s.historischOp(vandaag, FeedSchrijver.SIGNAALHORIZON))
                .forEach(s -> eerst.add(b.sleutel())));
        assertTrue(eerst.size() >= 5, "youths with a mail in the history: " + eerst.size());
        List<ConsumerRecord<byte[], byte[]>> toewijzingen =
                records(Stroom.TOEWIJZINGEN, aantal(blok, Stroom.TOEWIJZINGEN));
        int laatsteVoorrang = -1;
        int eersteAnder = Integer.MAX_VALUE;
        for (int i = 0; i < toewijzingen.size(); i++) {
            if (eerst.contains(new String(toewijzingen.get(i).key(), StandardCharsets.UTF_8))) {
                laatsteVoorrang = i;
            } else {
                eersteAnder = Math.min(eersteAnder, i);
            }
        }
        assertTrue(laatsteVoorrang < eersteAnder, "the youths with a mail to come are published first");
        records(Stroom.START_STOP, aantal(blok, Stroom.START_STOP));
        records(Stroom.VERZOEKEN, aantal(blok, Stroom.VERZOEKEN));
        assertEquals(blok.size(), Files.readAllLines(data.resolve("bestanden").resolve(FeedSchrijver.BERICHTEN)).size());

        // Ten days later, on the kept state: the same simulation continues after what was published.
        Instant later = NU.plus(Duration.ofDays(10));
        List<FeedBericht> totLater = feedTot(begin, later.minus(LIVE));
        Clock vastLater = Clock.fixed(later, ZoneOffset.UTC);
        try (DemoFeed feed = DemoFeed.start(instellingen(1_440), kafka.bootstrapServers(), vastLater)) {
            wachtTot("de rest is gepubliceerd", () -> gepubliceerdTot() == totLater.size());
            assertTrue(feed.beschrijving().contains("gaat verder na bericht " + blok.size()), feed.beschrijving());
        }
        for (Stroom s : Stroom.values()) {
            List<String> verwacht = totLater.stream().filter(b -> b.stroom() == s)
                    .map(b -> new String(b.waarde(), StandardCharsets.UTF_8)).sorted().toList();
            List<String> gekregen = records(s, verwacht.size()).stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
            assertEquals(verwacht, gekregen, s.name());
        }
    }

    @Test
    void naDeHistorieVolgtDeSimulatieHetTempoEnDaarnaDeKlok() throws Exception {
        Instant begin = NU.minus(HISTORIE);
        Klok klok = new Klok(NU);
        try (DemoFeed feed = DemoFeed.start(instellingen(1_440), kafka.bootstrapServers(), klok)) {
            List<FeedBericht> blok = feedTot(begin, NU.minus(LIVE));
            wachtTot("de historie is gepubliceerd", () -> gepubliceerdTot() == blok.size());

            // One real minute at 1440× is one simulated day.
            klok.nu = NU.plusSeconds(60);
            List<FeedBericht> eenDag = feedTot(begin, NU.minus(LIVE).plus(Duration.ofDays(1)));
            assertTrue(eenDag.size() > blok.size(), "a day holds messages");
            wachtTot("een gesimuleerde dag verder", () -> gepubliceerdTot() == eenDag.size());

            // Long enough later the simulation has reached the clock, and follows it, never ahead of it.
            klok.nu = NU.plus(Duration.ofDays(1));
            List<FeedBericht> totNu = feedTot(begin, klok.nu);
            wachtTot("bij met de klok", () -> gepubliceerdTot() == totNu.size());
            assertEquals(totNu.get(totNu.size() - 1).moment().toString(), stand().getProperty("moment"));
        }
    }

    long opDeBroker() {
        return topics.values().stream().mapToLong(t -> kafka.endOffset(t, 0)).sum();
    }

    /**
     * A hub stand-in reads the topics in its group, as the hub does (chunks, partition by partition) and commits after
     * each poll; in that reading order every youth's messages must come in feed order, whatever the topic.
     */
    @Test
    void deHistorieGaatInGolvenDieElkeJeugdigeInVolgordeHouden() throws Exception {
        String groep = "hub-" + UUID.randomUUID();
        List<FeedBericht> blok = feedTot(NU.minus(HISTORIE), NU.minus(LIVE));
        Map<String, ArrayDeque<FeedBericht>> perWaarde = new HashMap<>();
        blok.forEach(b -> perWaarde.computeIfAbsent(new String(b.waarde(), StandardCharsets.UTF_8),
                k -> new ArrayDeque<>()).add(b));
        try (DemoFeed feed = DemoFeed.start(instellingen(1_440, groep), kafka.bootstrapServers(),
                Clock.fixed(NU, ZoneOffset.UTC))) {
            wachtTot("de eerste golf", () -> opDeBroker() > 0);
            Thread.sleep(300);
            long eersteGolf = opDeBroker();
            long tot = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < tot) {
                assertEquals(eersteGolf, opDeBroker(), "no next wave before the hub read this one");
                Thread.sleep(50);
            }
            assertTrue(eersteGolf < blok.size() / 10, "a first wave is small: " + eersteGolf);

            Map<String, Long> laatstGelezen = new HashMap<>();
            int gelezen = 0;
            try (KafkaConsumer<byte[], byte[]> hub = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, groep, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                hub.subscribe(topics.values());
                long einde = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (gelezen < blok.size()) {
                    assertTrue(System.nanoTime() < einde, "read " + gelezen + " of " + blok.size());
                    for (ConsumerRecord<byte[], byte[]> r : hub.poll(Duration.ofMillis(100))) {
                        FeedBericht b = perWaarde.get(new String(r.value(), StandardCharsets.UTF_8)).poll();
                        Long vorige = laatstGelezen.put(b.sleutel(), b.volgnummer());
                        assertTrue(vorige == null || vorige < b.volgnummer(), b.sleutel() + " out of order");
                        gelezen++;
                    }
                    hub.commitSync();
                }
            }
            wachtTot("de positie na de historie", () -> gepubliceerdTot() == blok.size());
        }
        assertEquals(blok.size(), opDeBroker());
    }

    @Test
    void eenOnleesbarePositieWordtGemeldNietGeraden() throws Exception {
        Files.createDirectories(data.resolve("stand"));
        Files.writeString(data.resolve("stand").resolve("stand.properties"), "zaad=zeven\n");
        IOException fout = assertThrows(IOException.class,
                () -> DemoFeed.start(instellingen(1_440), kafka.bootstrapServers(), Clock.systemUTC()));
        assertTrue(fout.getMessage().contains("onleesbaar") && fout.getMessage().contains("HUB_DATA_DIR"),
                fout.getMessage());
    }

    @Test
    void eenDemoOpEenEchteBrokerKrijgtGeenFeed() throws Exception {
        HubInstellingen i = HubInstellingen.uit(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "HUB_DB_URL", "jdbc:postgresql://localhost:1/hub", "SMTP_HOST", "localhost", "SMTP_PORT", "1",
                "HUB_DATA_DIR", data.toString()));
        assertTrue(i.demoFeed(), "on by default in demo mode");
        try (DemoOmgeving demo = DemoOmgeving.start(i)) {
            assertFalse(demo.heeftEigenKafka());
            assertEquals(Optional.empty(), demo.startFeed(Clock.systemUTC()));
            assertTrue(demo.feedUitReden().contains("KAFKA_BOOTSTRAP_SERVERS"), demo.feedUitReden());
        }
        assertFalse(Files.exists(data.resolve("demo-feed")), "the feed did not even start");
    }
}
