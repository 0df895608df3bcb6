package nl.procesregie.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link DemoGenerator}'s messages to the demo's own broker, on a daemon thread, in three phases that
 * follow from one limit on the simulated time that may be published:
 *
 * <ol>
 *   <li><b>catching up</b>: the history up to {@code live} before the start, as fast as the broker takes it. The part
 *       older than the signal horizon builds care paths without mail; the part within it gives the first mails. The
 *       youths whose messages raise a mail go first: across youths order carries no meaning (OP080), and the hub
 *       need not work through a year of other youths before the first mail. Each youth's messages keep their order
 *       across the topics, in waves the hub's consumer group must have read before the next (see {@link #inhalen});</li>
 *   <li><b>accelerated</b>: the last {@code live} of the history at {@code tempo} times real time (1440: one simulated
 *       day per minute), so new mails keep arriving while someone watches;</li>
 *   <li><b>real time</b>: once the simulation reaches now, it follows the clock, as a region's traffic would.</li>
 * </ol>
 *
 * <p>Its position is kept in {@code stand.properties} under the data folder. A restart regenerates the same
 * simulation (same seed, same begin) and skips what it published before, so kept state is continued, not flooded;
 * messages sent but not yet recorded are sent again, which the hub ignores (same identity, same content).
 */
public final class DemoFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final String STAND = "stand.properties";
    private static final Duration VOORTGANG = Duration.ofMinutes(1);
    private static final Duration BEWAREN = Duration.ofSeconds(5);
    private static final long MAX_WACHT_MS = 500;

    /**
     * @param live         the most recent part of the history that is played at {@code tempo} instead of at once
     * @param tempo        simulated seconds per real second while the simulation is behind the clock
     * @param bestandenMap also write messages and expected signals there ({@link FeedSchrijver}); null = not
     * @param standMap     where the feed keeps its position
     * @param groep        the hub's consumer group, whose progress the catch-up waits for; null = wait for no one
     *                     (the order across topics is then up to the reader)
     */
    public record Instellingen(long zaad, int jeugdigenPerJaar, Duration historie, Duration live, int tempo,
                               Path bestandenMap, Path standMap, Map<Stroom, String> topics, String groep) {
        public Instellingen {
            topics = Map.copyOf(topics);
        }
    }

    private final Instellingen instellingen;
    private final String bootstrapServers;
    private final Clock klok;
    private final KafkaProducer<String, byte[]> producer;
    private final FeedSchrijver schrijver;
    private final DemoGenerator generator;
    private final Stand begonnenOp;
    private final Thread draad;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<Exception> zendfout = new AtomicReference<>();

    private Instant start;
    private long startNanos;
    private Instant vanaf;
    private volatile long gepubliceerd;
    private long laatste;
    private Instant laatsteMoment;
    private long signalen;
    private long metMail;

    private DemoFeed(Instellingen instellingen, String bootstrapServers, Clock klok) throws IOException {
        this.instellingen = instellingen;
        this.bootstrapServers = bootstrapServers;
        this.klok = klok;
        Stand stand = Stand.lees(instellingen.standMap().resolve(STAND));
        if (stand == null) {
            stand = new Stand(instellingen.zaad(), instellingen.jeugdigenPerJaar(),
                    klok.instant().minus(instellingen.historie()), 0, null);
        } else if (stand.zaad != instellingen.zaad() || stand.jeugdigenPerJaar != instellingen.jeugdigenPerJaar()) {
            LOG.warn("De demofeed gaat verder met zijn eerdere simulatie (zaad {}, {} jeugdigen per jaar) en negeert "
                            + "HUB_DEMO_FEED_ZAAD en HUB_DEMO_FEED_JEUGDIGEN_PER_JAAR; verwijder HUB_DATA_DIR om "
                            + "opnieuw te beginnen", stand.zaad, stand.jeugdigenPerJaar);
        }
        this.begonnenOp = stand;
        this.generator = new DemoGenerator(new DemoGenerator.Parameters(stand.zaad, stand.jeugdigenPerJaar, stand.begin));
        this.laatste = stand.volgnummer;
        this.laatsteMoment = stand.moment;
        this.schrijver = instellingen.bestandenMap() == null ? null : new FeedSchrijver(instellingen.bestandenMap());
        Map<String, Object> p = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "procesregie-demofeed",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                // A send waits for a broker that went away no longer than this, but a batch already handed over keeps
                // trying for the client's default two minutes: a broker restart loses the feed nothing.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.draad = new Thread(this::loop, "demo-feed");
        draad.setDaemon(true);
    }

    /** Starts publishing to {@code bootstrapServers}, which must be the demo's own broker. */
    public static DemoFeed start(Instellingen instellingen, String bootstrapServers, Clock klok) throws IOException {
        DemoFeed feed = new DemoFeed(instellingen, bootstrapServers, klok);
        feed.draad.start();
        return feed;
    }

    /** One line for the start-up banner, in the words a newcomer reads. */
    public String beschrijving() {
        Instellingen i = instellingen;
        return "aan: " + begonnenOp.jeugdigenPerJaar + " jeugdigen per jaar (zaad " + begonnenOp.zaad + "), "
                + "historie vanaf " + DATUM.format(DemoGenerator.datum(begonnenOp.begin)) + " in één keer ingehaald tot "
                + duurInWoorden(i.live()) + " geleden, daarna " + i.tempo() + "× versneld ("
                + tempoInWoorden(i.tempo()) + ") tot nu, dan in gewone tijd"
                + (begonnenOp.volgnummer > 0 ? "; gaat verder na bericht " + begonnenOp.volgnummer : "")
                + (schrijver != null ? "; berichten ook in " + i.bestandenMap().toAbsolutePath() : "");
    }

    private static String duurInWoorden(Duration d) {
        return d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toDays() + " dagen"
                : d.toString();
    }

    static String tempoInWoorden(int tempo) {
        double secondenPerDag = 86_400.0 / tempo;
        return secondenPerDag >= 60 ? String.format("1 gesimuleerde dag per %.0f min", secondenPerDag / 60)
                : String.format("1 gesimuleerde dag per %.1f s", secondenPerDag);
    }

    private void loop() {
        try {
            start = klok.instant();
            startNanos = System.nanoTime();
            overslaan();
            Instant inhaalgrens = start.minus(instellingen.live());
            inhalen(inhaalgrens);
            vanaf = laatsteMoment != null && laatsteMoment.isAfter(inhaalgrens) ? laatsteMoment : inhaalgrens;
            boolean gewoneTijd = false;
            long volgendeVoortgang = System.nanoTime() + VOORTGANG.toNanos();
            long volgendeBewaring = System.nanoTime() + BEWAREN.toNanos();
            while (stop.getCount() > 0 && zendfout.get() == null) {
                Instant nu = klok.instant();
                Instant grens = grens(nu);
                Instant volgend = generator.volgendMoment();
                if (volgend == null) {
                    LOG.info("De demofeed heeft alle {} test-BSN's uitgegeven en stuurt geen berichten meer",
                            TestBsn.AANTAL);
                    break;
                }
                if (!volgend.isAfter(grens)) {
                    FeedBericht b = generator.volgende();
                    publiceer(b, nu);
                    laatste = b.volgnummer();
                    laatsteMoment = b.moment();
                    continue;
                }
                if (!gewoneTijd && !grens.isBefore(nu)) {
                    gewoneTijd = true;
                    LOG.info("Demofeed: de simulatie heeft nu bereikt en loopt verder in gewone tijd");
                }
                if (System.nanoTime() > volgendeBewaring) {
                    bewaar();
                    volgendeBewaring = System.nanoTime() + BEWAREN.toNanos();
                }
                if (System.nanoTime() > volgendeVoortgang) {
                    LOG.info("Demofeed: {} berichten gepubliceerd, gesimuleerd tot {}; verwacht {} signalen, waarvan {} "
                            + "met mail", gepubliceerd, DATUM.format(DemoGenerator.datum(grens)), signalen, metMail);
                    volgendeVoortgang = System.nanoTime() + VOORTGANG.toNanos();
                }
                stop.await(wachttijd(volgend, grens, nu), TimeUnit.MILLISECONDS);
            }
            if (zendfout.get() != null) {
                LOG.error("De demofeed stopt: publiceren mislukte: {}", zendfout.get().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("De demofeed stopt door een fout", e);
        } finally {
            bewaar();
        }
    }

    /**
     * Publishes the history up to {@code grens} at once, the youths with a mail to come first. The position moves only
     * when all of it is on the broker: a feed stopped halfway sends the whole block again, which the hub ignores.
     *
     * <p>Each youth's messages must reach the hub in their own order across the three topics: a start read before an
     * earlier allocation would change which trajectory is the fourth, and an allocation read before earlier starts and
     * stops would be mailed with a care path that lacks them. Read in one burst, the hub takes its topics in chunks and
     * mixes that order. So the block goes out in waves: wave n holds every youth's n-th run of consecutive messages on
     * one topic, and the next wave waits until the hub's consumer group has committed past this one.
     */
    private void inhalen(Instant grens) throws InterruptedException {
        List<FeedBericht> blok = new ArrayList<>();
        for (Instant m = generator.volgendMoment(); m != null && !m.isAfter(grens); m = generator.volgendMoment()) {
            blok.add(generator.volgende());
        }
        if (blok.isEmpty()) {
            return;
        }
        Instant nu = klok.instant();
        LocalDate vandaag = DemoGenerator.datum(nu);
        Set<String> eerst = new HashSet<>();
        for (FeedBericht b : blok) {
            for (VerwachtSignaal s : b.signalen()) {
                if (!s.historischOp(vandaag, FeedSchrijver.SIGNAALHORIZON)) {
                    eerst.add(b.sleutel());
                }
            }
        }
        int golven = 0;
        try (Admin admin = instellingen.groep() == null ? null
                : Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (boolean voorrang : new boolean[] {true, false}) {
                List<List<List<FeedBericht>>> reeksen =
                        reeksenPerJeugdige(blok, b -> eerst.contains(b.sleutel()) == voorrang);
                for (int n = 0; ; n++) {
                    boolean iets = false;
                    for (List<List<FeedBericht>> vanJeugdige : reeksen) {
                        if (n < vanJeugdige.size()) {
                            iets = true;
                            for (FeedBericht b : vanJeugdige.get(n)) {
                                if (stop.getCount() == 0 || zendfout.get() != null) {
                                    return;
                                }
                                publiceer(b, nu);
                            }
                        }
                    }
                    if (!iets) {
                        break;
                    }
                    golven++;
                    producer.flush();
                    if (admin != null && !wachtTotGelezen(admin)) {
                        return;
                    }
                }
            }
        }
        FeedBericht laatsteVanBlok = blok.get(blok.size() - 1);
        laatste = laatsteVanBlok.volgnummer();
        laatsteMoment = laatsteVanBlok.moment();
        bewaar();
        LOG.info("Demofeed: historie tot {} gepubliceerd: {} berichten in {} golven, {} s, eerst die van de {} "
                        + "jeugdigen met een recent signaal; verwacht {} signalen, waarvan {} met mail; "
                        + "verder {}× versneld",
                DATUM.format(DemoGenerator.datum(grens)), blok.size(), golven,
                (System.nanoTime() - startNanos) / 1_000_000_000, eerst.size(), signalen, metMail, instellingen.tempo());
    }

    /** Per youth (in order of first appearance) its runs of consecutive messages on one topic, in feed order. */
    private static List<List<List<FeedBericht>>> reeksenPerJeugdige(List<FeedBericht> blok,
                                                                   Predicate<FeedBericht> mee) {
        Map<String, List<List<FeedBericht>>> perJeugdige = new LinkedHashMap<>();
        for (FeedBericht b : blok) {
            if (!mee.test(b)) {
                continue;
            }
            List<List<FeedBericht>> reeksen = perJeugdige.computeIfAbsent(b.sleutel(), k -> new ArrayList<>());
            List<FeedBericht> laatste = reeksen.isEmpty() ? null : reeksen.get(reeksen.size() - 1);
            if (laatste == null || laatste.get(0).stroom() != b.stroom()) {
                laatste = new ArrayList<>();
                reeksen.add(laatste);
            }
            laatste.add(b);
        }
        return new ArrayList<>(perJeugdige.values());
    }

    /** Waits until the hub's consumer group has committed past everything on the three topics; false when stopped. */
    private boolean wachtTotGelezen(Admin admin) throws InterruptedException {
        Map<TopicPartition, Long> einde = null;
        String storing = null;
        long volgendeMelding = System.nanoTime() + VOORTGANG.toNanos();
        while (stop.getCount() > 0) {
            try {
                if (einde == null) {
                    einde = eindeVanDeTopics(admin);
                }
                Map<TopicPartition, OffsetAndMetadata> gelezen = admin.listConsumerGroupOffsets(instellingen.groep())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                if (einde.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || gelezen.get(e.getKey()) != null && gelezen.get(e.getKey()).offset() >= e.getValue())) {
                    return true;
                }
                storing = null;
            } catch (TimeoutException e) {
                storing = e.toString();
            } catch (ExecutionException e) {
                // A broker restart pauses the feed as it pauses the hub; the feed asks again rather than end. Any
                // other failure (rights, a group that cannot exist) will not pass by waiting.
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("de voortgang van de hub is niet te lezen", e.getCause());
                }
                storing = e.getCause().toString();
            }
            if (System.nanoTime() > volgendeMelding) {
                LOG.info("Demofeed wacht tot de hub de historie heeft gelezen{}",
                        storing == null ? "" : " (broker onbereikbaar: " + storing + ")");
                volgendeMelding = System.nanoTime() + VOORTGANG.toNanos();
            }
            stop.await(50, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private Map<TopicPartition, Long> eindeVanDeTopics(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> vraag = new HashMap<>();
        for (String topic : instellingen.topics().values()) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> vraag.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> einde = new HashMap<>();
        admin.listOffsets(vraag).all().get(30, TimeUnit.SECONDS).forEach((p, o) -> einde.put(p, o.offset()));
        return einde;
    }

    /** Skips what an earlier run published: the simulation is the same, so its first messages are too. */
    private void overslaan() {
        for (long i = 0; i < begonnenOp.volgnummer; i++) {
            if (generator.volgende() == null) {
                return;
            }
        }
        if (begonnenOp.volgnummer > 0) {
            LOG.info("Demofeed gaat verder na bericht {} (gesimuleerd {}); eerdere berichten worden niet opnieuw "
                    + "gepubliceerd", begonnenOp.volgnummer, DATUM.format(DemoGenerator.datum(begonnenOp.moment)));
        }
    }

    /** How far the simulation may be published at real moment {@code nu}: at tempo from {@link #vanaf}, not past now. */
    Instant grens(Instant nu) {
        long verstreken = Duration.between(start, nu).toMillis();
        Instant versneld = vanaf.plusMillis(Math.multiplyExact(verstreken, (long) instellingen.tempo()));
        return versneld.isBefore(nu) ? versneld : nu;
    }

    private long wachttijd(Instant volgend, Instant grens, Instant nu) {
        long ms = grens.isBefore(nu) ? Duration.between(grens, volgend).toMillis() / instellingen.tempo()
                : Duration.between(nu, volgend).toMillis();
        return Math.max(1, Math.min(MAX_WACHT_MS, ms));
    }

    private void publiceer(FeedBericht b, Instant nu) {
        String topic = instellingen.topics().get(b.stroom());
        producer.send(new ProducerRecord<>(topic, b.sleutel(), b.waarde()), (metadata, fout) -> {
            if (fout != null) {
                zendfout.compareAndSet(null, fout);
            }
        });
        LocalDate vandaag = DemoGenerator.datum(nu);
        for (VerwachtSignaal s : b.signalen()) {
            signalen++;
            if (!s.historischOp(vandaag, FeedSchrijver.SIGNAALHORIZON)) {
                metMail++;
            }
        }
        if (schrijver != null) {
            schrijver.schrijf(b, topic, vandaag);
        }
        gepubliceerd++;
    }

    /** Records the position once everything before it is on the broker; a failed send keeps the old position. */
    private void bewaar() {
        try {
            producer.flush();
            if (schrijver != null) {
                schrijver.flush();
            }
            if (zendfout.get() == null && laatste > 0) {
                new Stand(begonnenOp.zaad, begonnenOp.jeugdigenPerJaar, begonnenOp.begin, laatste, laatsteMoment)
                        .schrijf(instellingen.standMap().resolve(STAND));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("De positie van de demofeed kon niet worden bewaard: {}", e.toString());
        }
    }

    /** Messages published by this run. */
    public long gepubliceerd() {
        return gepubliceerd;
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            draad.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
        if (schrijver != null) {
            try {
                schrijver.close();
            } catch (IOException e) {
                LOG.warn("De bestanden van de demofeed konden niet worden gesloten: {}", e.toString());
            }
        }
    }

    /** The feed's position: which simulation (seed, volume, begin) and how far it was published. */
    private record Stand(long zaad, int jeugdigenPerJaar, Instant begin, long volgnummer, Instant moment) {

        static Stand lees(Path bestand) throws IOException {
            if (!Files.exists(bestand)) {
                return null;
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(bestand)) {
                p.load(in);
                String moment = p.getProperty("moment");
                return new Stand(Long.parseLong(p.getProperty("zaad")),
                        Integer.parseInt(p.getProperty("jeugdigenPerJaar")), Instant.parse(p.getProperty("begin")),
                        Long.parseLong(p.getProperty("volgnummer")), moment == null ? null : Instant.parse(moment));
            } catch (RuntimeException e) {
                throw new IOException(bestand + " is onleesbaar (" + e.getMessage() + "); verwijder HUB_DATA_DIR om "
                        + "opnieuw te beginnen", e);
            }
        }

        void schrijf(Path bestand) throws IOException {
            Files.createDirectories(bestand.getParent());
            Properties p = new Properties();
            p.setProperty("zaad", Long.toString(zaad));
            p.setProperty("jeugdigenPerJaar", Integer.toString(jeugdigenPerJaar));
            p.setProperty("begin", begin.toString());
            p.setProperty("volgnummer", Long.toString(volgnummer));
            if (moment != null) {
                p.setProperty("moment", moment.toString());
            }
            Path tijdelijk = bestand.resolveSibling(STAND + ".tmp");
            try (OutputStream uit = Files.newOutputStream(tijdelijk)) {
                p.store(uit, "Positie van de demofeed van procesregie-hub; verwijder HUB_DATA_DIR om opnieuw te beginnen");
            }
            Files.move(tijdelijk, bestand, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The topic of each stream, from the hub's settings. */
    public static Map<Stroom, String> topics(String toewijzingen, String startStop, String verzoeken) {
        Map<Stroom, String> m = new EnumMap<>(Stroom.class);
        m.put(Stroom.TOEWIJZINGEN, toewijzingen);
        m.put(Stroom.START_STOP, startStop);
        m.put(Stroom.VERZOEKEN, verzoeken);
        return m;
    }
}
