package nl.procesregie.hub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import nl.procesregie.hub.demo.BsnReeks;
import nl.procesregie.hub.demo.DemoGenerator;
import nl.procesregie.hub.demo.FeedBericht;
import nl.procesregie.hub.demo.Stroom;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.Toewijzing;
import nl.procesregie.hub.ijw.XsdControle;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.KindHub;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * Throughput, detection latency and memory of the hub, in one run on one machine and one generated feed:
 * <ol>
 * <li>the ceiling: a plain consumer that reads the feed and parses it with the hub's parser, nothing else; and the
 * same with the schema check of 3.2 messages, which gives the check's cost per record;</li>
 * <li>the replay: a hub in a JVM of its own, as production runs it, reads the same feed as a region joining with a
 * year of history (all of it older than the signal horizon: no mail), to the commit of its last transaction;</li>
 * <li>live: fresh youths' fourth allocations published at a steady rate, from each record's timestamp to the commit
 * of the transaction that raised its signal, and to the arrival of its mail at a sink in another process;</li>
 * <li>the hub's heap after a full collection and its resident memory, early in the replay and at its end.</li>
 * </ol>
 * PostgreSQL runs with every durability setting on (printed). Nothing here asserts a speed: it prints figures.
 */
public final class Benchmark {

    /**
     * @param berichten records in the replay feed
     * @param partities partitions of each input topic
     * @param live      how long each live rate is held
     * @param tempi     the live rates, records per second
     * @param hubHeap   the hub JVM's maximum heap
     * @param xsdControle the hub's HUB_XSD_CONTROLE, so the replay can be measured with the schema check and without
     */
    record Opzet(int berichten, int partities, Duration live, List<Integer> tempi, String hubHeap,
                 String xsdControle) {
        static Opzet uitSysteem(int standaardBerichten, Duration standaardLive) {
            return new Opzet(Integer.getInteger("bench.berichten", standaardBerichten),
                    Integer.getInteger("bench.partities", 4),
                    Duration.parse(System.getProperty("bench.live", standaardLive.toString())), List.of(100, 2_000),
                    System.getProperty("bench.heap", "512m"), System.getProperty("bench.xsd", "melden"));
        }
    }

    /** What the run found; the lines of its report are in {@link #verslag}. */
    /**
     * @param identiteiten the feed's distinct valid messages: what the hub must record as processed
     * @param verwerkt     the messages the hub recorded as processed
     */
    record Uitslag(long records, long identiteiten, long verwerkt, long mailsTijdensReplay, Map<Integer, Live> live,
                   List<String> verslag) {
    }

    /** One live rate: signals expected and seen, and their latencies in milliseconds. */
    record Live(int tempo, int verwacht, List<Long> totCommit, List<Long> totMail) {
    }

    private static final String GEMEENTE_LIVE = "0632";
    /**
     * Where the youths' numbers start: the iJw test range holds only 9,091 valid numbers, too few for a year of a
     * country's youth care. These pass the eleven-test and exist only in the benchmark's own broker and database,
     * both removed after the run.
     */
    private static final long SYNTHETISCHE_BSN = 800_000_000L;
    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private final Opzet opzet;
    private final Path map;
    private final TestKafka kafka = TestKafka.shared();
    private final List<String> verslag = new ArrayList<>();
    private final String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Map<Stroom, String> topics = new EnumMap<>(Stroom.class);
    private final String groep = "bench-" + UUID.randomUUID();
    /** How long a phase may take before the run gives up: generous, as the figures say how long it did take. */
    private final Duration wacht;
    private long identiteiten;

    Benchmark(Opzet opzet, Path map) {
        this.opzet = opzet;
        this.map = map;
        this.wacht = Duration.ofMinutes(2).plusSeconds(opzet.berichten() / 50);
        for (Stroom s : Stroom.values()) {
            topics.put(s, prefix + s.standaardTopic());
        }
    }

    public static void main(String[] args) throws Exception {
        Path map = Files.createTempDirectory("hub-bench");
        System.out.println("Logboeken en opname in " + map);
        int status = 1;
        try {
            new Benchmark(Opzet.uitSysteem(1_000_000, Duration.ofSeconds(30)), map).meet();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // The shared test broker lives as long as the JVM.
            System.exit(status);
        }
    }

    Uitslag meet() throws Exception {
        kafka.createTopics(opzet.partities(), topics.values().toArray(new String[0]));
        kafka.createTopics(1, prefix + "regie.signalen", prefix + "ijw.ongeldig", prefix + "regie.meldingen",
                prefix + "regie.acties");
        try (TestPostgres postgres = TestPostgres.voorMeting(); Mailbak mailbak = Mailbak.start(map)) {
            String db = postgres.newDatabase();
            regel("Benchmark procesregie-hub: %d records, %d partities per topic, %d kernen, hub-heap %s, "
                    + "HUB_XSD_CONTROLE=%s", opzet.berichten(), opzet.partities(),
                    Runtime.getRuntime().availableProcessors(), opzet.hubHeap(), opzet.xsdControle());
            postgresInstellingen(postgres, db);

            BsnReeks bsns = BsnReeks.vanaf(SYNTHETISCHE_BSN, opzet.berichten() / 2 + 10_000);
            long records = vulFeed(bsns);
            double plafond = plafond(records, XsdControle.UIT);
            double metSchema = plafond(records, XsdControle.MELDEN);
            regel("Schemacontrole (HUB_XSD_CONTROLE=melden of streng): %.1f µs per record, %.0f%% van het plafond",
                    1e6 / metSchema - 1e6 / plafond, 100 * (1 - metSchema / plafond));

            Process hub = null;
            try {
                int poort = KindProces.vrijePoort();
                Instant gestart = Instant.now();
                hub = KindHub.start("hub", hubOmgeving(postgres, db, mailbak, poort), map,
                        List.of("-Xmx" + opzet.hubHeap(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
                Process h = hub;
                wachtTot("hub gereed", () -> KindHub.gezond(poort) || !h.isAlive());
                regel("Hub gereed %.1f s na de start van zijn JVM", Duration.between(gestart, Instant.now())
                        .toMillis() / 1000.0);
                replay(hub, postgres, db, records, plafond, gestart);
                // Only the signals of messages: a birthday reminder planned by the clock is not the replay's.
                long mails = postgres.telling(db, "select count(*) from uitgaand u join signaal s "
                        + "on s.signaal_id = u.signaal_id where u.kanaal = 'MAIL' "
                        + "and s.soort not in ('LEEFTIJD_16', 'LEEFTIJD_18', 'OPVOLGING')");
                regel("Mails tijdens de replay: %d (de signaalhorizon maakt alle signalen historisch)", mails);
                long verwerkt = postgres.telling(db, "select count(*) from verwerkt_bericht");

                Map<Integer, Live> live = new java.util.LinkedHashMap<>();
                int vanaf = bsns.aantal();
                BsnReeks liveBsns = BsnReeks.vanaf(SYNTHETISCHE_BSN, vanaf + opzet.tempi().stream()
                        .mapToInt(t -> (int) (t * opzet.live().toSeconds() / 4 + 1)).sum());
                for (int tempo : opzet.tempi()) {
                    Live l = live(tempo, liveBsns, vanaf, postgres, db, mailbak);
                    vanaf += l.verwacht();
                    live.put(tempo, l);
                }
                return new Uitslag(records, identiteiten, verwerkt, mails, live, List.copyOf(verslag));
            } finally {
                if (hub != null) {
                    hub.destroy();
                    if (!hub.waitFor(30, TimeUnit.SECONDS)) {
                        hub.destroyForcibly().waitFor();
                    }
                }
            }
        }
    }

    // ---- the feed

    /** Writes the replay feed: a year of a national-size region, all of it older than the signal horizon. */
    private long vulFeed(BsnReeks bsns) throws Exception {
        Instant nu = Instant.now();
        Instant grens = nu.minus(Duration.ofDays(35));
        // About five messages per youth in the first year of a simulation: this fills the year with the records.
        DemoGenerator generator = new DemoGenerator(new DemoGenerator.Parameters(23, Math.max(1_000,
                opzet.berichten() / 5), grens.minus(Duration.ofDays(365)), bsns));
        IjwParser parser = new IjwParser();
        Map<BerichtSoort, Long> soorten = new EnumMap<>(BerichtSoort.class);
        Set<String> jeugdigen = new HashSet<>();
        Set<String> versies = new HashSet<>();
        Set<String> geldig = new HashSet<>();
        AtomicReference<Exception> zendfout = new AtomicReference<>();
        long records = 0;
        long bytes = 0;
        long ongeldig = 0;
        long snapshots = 0;
        long herhaald = 0;
        long start = System.nanoTime();
        Instant eerste = null;
        Instant laatste = null;
        try (KafkaProducer<String, byte[]> producer = producent()) {
            while (records < opzet.berichten() && generator.volgendMoment() != null
                    && !generator.volgendMoment().isAfter(grens)) {
                FeedBericht b = generator.volgende();
                producer.send(new ProducerRecord<>(topics.get(b.stroom()), b.sleutel(), b.waarde()), (m, fout) -> {
                    if (fout != null) {
                        zendfout.compareAndSet(null, fout);
                    }
                });
                records++;
                bytes += b.waarde().length;
                jeugdigen.add(b.sleutel());
                eerste = eerste == null ? b.moment() : eerste;
                laatste = b.moment();
                try {
                    IjwBericht m = parser.parse(b.waarde());
                    soorten.merge(m.soort(), 1L, Long::sum);
                    // The generator's own word on validity: a record the parser takes may still be one to park
                    // (an unknown gemeente).
                    if (b.isGeldig()) {
                        geldig.add(m.afzender() + "/" + m.identiteit().identificatie() + "/"
                                + m.identiteit().dagtekening());
                    }
                    if (m.soort() == BerichtSoort.JW301) {
                        snapshots++;
                        boolean bekend = true;
                        for (Toewijzing t : m.toewijzingen()) {
                            bekend &= !versies.add(m.gemeente() + "/" + t.toewijzingNummer() + "/"
                                    + t.toewijzingsdatum() + "T" + t.toewijzingstijd());
                        }
                        herhaald += bekend ? 1 : 0;
                    }
                } catch (IjwFout e) {
                    ongeldig++;
                }
            }
            producer.flush();
        }
        if (zendfout.get() != null) {
            throw new IllegalStateException("De feed kwam niet op de broker", zendfout.get());
        }
        identiteiten = geldig.size();
        if (records < opzet.berichten()) {
            regel("LET OP: de generator gaf binnen het jaar maar %d van de %d gevraagde records", records,
                    opzet.berichten());
        }
        regel("Feed: %d records (%s), %d jeugdigen, gemiddeld %d bytes, %.1f%% ongeldig; dagtekeningen %s tot %s",
                records, soorten, jeugdigen.size(), bytes / Math.max(1, records), 100.0 * ongeldig / records,
                DemoGenerator.datum(eerste), DemoGenerator.datum(laatste));
        regel("Feed: %.1f%% van de JW301's is een opnieuw gestuurde momentopname (alle versies al eerder gezien); "
                + "geschreven in %.0f s", 100.0 * herhaald / Math.max(1, snapshots), (System.nanoTime() - start) / 1e9);
        return records;
    }

    private KafkaProducer<String, byte[]> producent() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    // ---- the ceiling

    /**
     * A plain consumer reads every record and reads it as the hub does (parser, and the schema check of 3.2 messages
     * unless {@code controle} is {@link XsdControle#UIT}); records per second.
     */
    private double plafond(long records, XsdControle controle) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "plafond-" + UUID.randomUUID());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // Every gemeente known: the ceiling measures reading, not the regio configuration.
        IjwInlezer inlezer = new IjwInlezer(new IjwParser(), controle, Integer.MAX_VALUE, gemeente -> true);
        long gelezen = 0;
        long geparsed = 0;
        long afwijkend = 0;
        long start = 0;
        long einde = System.nanoTime() + wacht.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partities = new ArrayList<>();
            for (String topic : topics.values()) {
                for (int p = 0; p < opzet.partities(); p++) {
                    partities.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(partities);
            consumer.seekToBeginning(partities);
            while (gelezen < records) {
                if (System.nanoTime() > einde) {
                    throw new IllegalStateException("Het plafond las " + gelezen + " van " + records + " records");
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (start == 0 && !batch.isEmpty()) {
                    // From the first records: joining and seeking are no part of reading and parsing.
                    start = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    gelezen++;
                    try {
                        afwijkend += inlezer.lees(r.value()).schemaafwijking().isPresent() ? 1 : 0;
                        geparsed++;
                    } catch (IjwFout e) {
                        // Counted as read: the hub parks it after the same parse.
                    }
                }
            }
        }
        double seconden = (System.nanoTime() - start) / 1e9;
        double perSeconde = gelezen / seconden;
        if (controle == XsdControle.UIT) {
            regel("Plafond (lezen en parsen, geen toestand): %d records (%d geldig) in %.1f s = %,.0f records/s",
                    gelezen, geparsed, seconden, perSeconde);
        } else {
            regel("Plafond met schemacontrole (lezen, parsen, 3.2-berichten tegen de XSD's): %d records (%d geldig, "
                    + "%d wijken af van het schema) in %.1f s = %,.0f records/s", gelezen, geparsed, afwijkend,
                    seconden, perSeconde);
        }
        return perSeconde;
    }

    // ---- the replay

    private Map<String, String> hubOmgeving(TestPostgres postgres, String db, Mailbak mailbak, int poort) {
        Map<String, String> m = TestInstellingen.hubOpTopics(kafka.bootstrapServers(), groep, topics,
                prefix + "regie.signalen", prefix + "ijw.ongeldig", db, "127.0.0.1", mailbak.poort());
        m.put("HUB_TOPIC_MELDINGEN", prefix + "regie.meldingen");
        m.put("HUB_TOPIC_ACTIES", prefix + "regie.acties");
        m.put("HUB_DB_USER", postgres.user());
        m.put("HUB_DB_PASSWORD", postgres.password());
        m.put("HUB_HTTP_PORT", String.valueOf(poort));
        m.put("HUB_DATA_DIR", map.resolve("hub").toString());
        m.put("HUB_XSD_CONTROLE", opzet.xsdControle());
        return m;
    }

    /**
     * The hub reads the whole feed; the rate runs from its first transaction's commit to its last. A flight recording
     * of the replay gives the profile (about a percent of the hub's time); heap and resident memory are read early on
     * (with one full collection, marked in the rates per block) and at the end.
     */
    private void replay(Process hub, TestPostgres postgres, String db, long records, double plafond, Instant gestart)
            throws Exception {
        long pid = hub.pid();
        Path opname = map.resolve("replay.jfr");
        jcmd(pid, "JFR.start", "name=replay", "settings=profile");
        List<long[]> tijdlijn = new ArrayList<>();
        long vroeg = Math.min(records / 10, 100_000);
        long gcBij = -1;
        long verwerkt = 0;
        long einde = System.nanoTime() + wacht.toNanos();
        while (verwerkt < records) {
            if (System.nanoTime() > einde || !hub.isAlive()) {
                throw new IllegalStateException("De replay kwam niet rond: " + verwerkt + " van " + records
                        + " records na " + Duration.between(gestart, Instant.now()));
            }
            verwerkt = 0;
            for (String topic : topics.values()) {
                verwerkt += kafka.committedTotal(groep, topic);
            }
            if (verwerkt > 0) {
                tijdlijn.add(new long[] {System.currentTimeMillis(), verwerkt});
            }
            if (gcBij < 0 && verwerkt >= vroeg) {
                gcBij = verwerkt;
                regel("Na %,d records: %s", verwerkt, geheugen(pid));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        jcmd(pid, "JFR.stop", "name=replay", "filename=" + opname);
        Instant eersteCommit = eenTijdstip(postgres, db,
                "select min(pg_xact_commit_timestamp(xmin)) from verwerkt_bericht");
        Instant laatsteCommit = eenTijdstip(postgres, db,
                "select max(pg_xact_commit_timestamp(xmin)) from verwerkt_bericht");
        double seconden = Duration.between(eersteCommit, laatsteCommit).toMillis() / 1000.0;
        double perSeconde = records / seconden;
        regel("Replay: %,d records van de eerste tot de laatste commit in %.1f s = %,.0f records/s, %.0f%% van het "
                        + "plafond; %.1f s vanaf de start van de hub-JVM", records, seconden, perSeconde,
                100 * perSeconde / plafond, Duration.between(gestart, laatsteCommit).toMillis() / 1000.0);
        regel("Replay per tiende (records/s, * = met de volledige GC voor de geheugenmeting): %s",
                perBlok(tijdlijn, records, gcBij));
        regel("Aan het eind: %s", geheugen(pid));
        Instant leeg = wachtOpLegeOutbox(postgres, db);
        regel("De outbox (een event per historisch signaal) was %.1f s na de laatste commit leeg",
                Duration.between(laatsteCommit, leeg).toMillis() / 1000.0);
        for (String r : Profiel.samenvatting(opname, 12)) {
            regel("%s", r);
        }
    }

    private Instant wachtOpLegeOutbox(TestPostgres postgres, String db) {
        wachtTot("een lege outbox", () -> postgres.telling(db,
                "select count(*) from uitgaand where status = 'WACHTEND'") == 0);
        return Instant.now();
    }

    /** The rate over each tenth of the replay: a rate that falls as history grows would show here. */
    private static String perBlok(List<long[]> tijdlijn, long records, long gcBij) {
        List<String> blokken = new ArrayList<>();
        long stap = Math.max(1, records / 10);
        long[] vorige = tijdlijn.get(0);
        long volgende = vorige[1] + stap;
        for (int i = 1; i < tijdlijn.size(); i++) {
            long[] punt = tijdlijn.get(i);
            if (punt[1] >= volgende || i == tijdlijn.size() - 1) {
                double s = (punt[0] - vorige[0]) / 1000.0;
                if (s > 0 && punt[1] > vorige[1]) {
                    boolean metGc = gcBij > vorige[1] && gcBij <= punt[1];
                    blokken.add(String.format(NL, "%,d→%,d: %,.0f%s", vorige[1], punt[1],
                            (punt[1] - vorige[1]) / s, metGc ? "*" : ""));
                }
                vorige = punt;
                while (volgende <= punt[1]) {
                    volgende += stap;
                }
            }
        }
        return String.join("; ", blokken);
    }

    /**
     * The hub's resident memory, then its heap after a full collection (what it holds on to); RSS first, as G1 may
     * give memory back after the collection.
     */
    private static String geheugen(long pid) throws Exception {
        long rssK = -1;
        for (String regel : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (regel.startsWith("VmRSS:")) {
                rssK = Long.parseLong(regel.replaceAll("\\D", ""));
            }
        }
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // G1's line: "garbage-first heap   total 524288K, used 81234K [...]"; Metaspace has a line of its own.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K")
                .matcher(info);
        if (!m.find() || rssK < 0) {
            throw new IllegalStateException("Geheugen van de hub niet te lezen: " + info);
        }
        return String.format(NL, "heap na volledige GC %d MB, RSS %d MB", Long.parseLong(m.group(1)) / 1024,
                rssK / 1024);
    }

    static String jcmd(long pid, String... opdracht) throws IOException, InterruptedException {
        List<String> regel = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), String.valueOf(pid)));
        regel.addAll(List.of(opdracht));
        Process p = new ProcessBuilder(regel).redirectErrorStream(true).start();
        String uit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", opdracht) + " mislukte: " + uit);
        }
        return uit;
    }

    // ---- live

    /**
     * Fresh youths get four allocations each at {@code tempo} records per second, their fourth the trigger of a
     * VIERDE_TRAJECT signal: from that record's timestamp to the commit of its transaction, and to its mail. The clock
     * starts once the producer knows the topic, so no burst makes up for a slow start.
     */
    private Live live(int tempo, BsnReeks bsns, int vanaf, TestPostgres postgres, String db, Mailbak mailbak)
            throws Exception {
        int jeugdigen = (int) (tempo * opzet.live().toSeconds() / 4);
        Map<String, Long> verstuurd = new HashMap<>();
        AtomicReference<Exception> zendfout = new AtomicReference<>();
        java.time.LocalDate vandaag = DemoGenerator.datum(Instant.now());
        long intervalNanos = 1_000_000_000L / tempo;
        long maxAchter = 0;
        int i = 0;
        long start;
        try (KafkaProducer<String, byte[]> producer = producentLive()) {
            producer.partitionsFor(topics.get(Stroom.TOEWIJZINGEN));
            start = System.nanoTime();
            // Youth by youth, each its four allocations in turn: a steady stream in which every fourth record signals.
            for (int j = 0; j < jeugdigen; j++) {
                String bsn = bsns.geldig(vanaf + j);
                String sleutel = "L" + tempo + "-" + j;
                for (int traject = 1; traject <= 4; traject++) {
                    long due = start + i++ * intervalNanos;
                    long wacht = due - System.nanoTime();
                    if (wacht > 0) {
                        LockSupport.parkNanos(wacht);
                    }
                    maxAchter = Math.max(maxAchter, System.nanoTime() - due);
                    String identificatie = Berichten.identificatie();
                    byte[] xml = Berichten.toewijzing(GEMEENTE_LIVE, "7200000" + traject, bsn, vandaag, identificatie,
                            null, new Berichten.Product(sleutel + "-" + traject, "45", "45A2" + traject));
                    long tijdstip = System.currentTimeMillis();
                    producer.send(new ProducerRecord<>(topics.get(Stroom.TOEWIJZINGEN), null, tijdstip, sleutel, xml),
                            (m, fout) -> {
                                if (fout != null) {
                                    zendfout.compareAndSet(null, fout);
                                }
                            });
                    if (traject == 4) {
                        verstuurd.put(identificatie, tijdstip);
                    }
                }
            }
            producer.flush();
        }
        if (zendfout.get() != null) {
            throw new IllegalStateException("Live records kwamen niet op de broker", zendfout.get());
        }
        double gehaald = i / ((System.nanoTime() - start) / 1e9);

        // Per fourth allocation (by its identificatie): when its transaction committed, and its signal's Message-ID.
        Map<String, Long> commit = new HashMap<>();
        Map<String, String> messageIds = new HashMap<>();
        wachtTot("alle signalen van tempo " + tempo, () -> {
            leesSignalen(postgres, db, verstuurd.keySet(), commit, messageIds);
            return commit.size() == jeugdigen;
        });
        wachtTot("alle mails van tempo " + tempo, () -> aangekomen(mailbak).keySet().containsAll(messageIds.values()));
        Map<String, Long> aankomsten = aangekomen(mailbak);
        List<Long> totCommit = new ArrayList<>();
        List<Long> totMail = new ArrayList<>();
        verstuurd.forEach((identificatie, tijdstip) -> {
            totCommit.add(commit.get(identificatie) - tijdstip);
            totMail.add(aankomsten.get(messageIds.get(identificatie)) - tijdstip);
        });
        regel("Live %,d records/s (gehaald %,.0f, zender hoogstens %d ms achter) gedurende %d s: %d signalen; "
                        + "publicatie → signaal vastgelegd %s; → mail aangekomen %s", tempo, gehaald,
                TimeUnit.NANOSECONDS.toMillis(maxAchter), opzet.live().toSeconds(), totCommit.size(),
                percentielen(totCommit), percentielen(totMail));
        wachtOpLegeOutbox(postgres, db);
        return new Live(tempo, jeugdigen, totCommit, totMail);
    }

    /**
     * The commit moment of each message's transaction (PostgreSQL's commit timestamp, taken as the commit record is
     * written) and the Message-ID prefix of the VIERDE_TRAJECT it raised.
     */
    private static void leesSignalen(TestPostgres postgres, String db, Set<String> identificaties,
                                     Map<String, Long> commit, Map<String, String> messageIds) {
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             PreparedStatement ps = c.prepareStatement("select v.identificatie, pg_xact_commit_timestamp(v.xmin), "
                     + "s.signaal_id from verwerkt_bericht v join signaal s on s.jeugdige = v.jeugdige "
                     + "and s.soort = 'VIERDE_TRAJECT' where v.identificatie = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", identificaties.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commit.put(rs.getString(1), rs.getTimestamp(2).getTime());
                    messageIds.put(rs.getString(1), "<" + rs.getString(3) + "@");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per Message-ID up to its '@' (the signal id), when its mail arrived. */
    private static Map<String, Long> aangekomen(Mailbak mailbak) {
        Map<String, Long> perSignaal = new HashMap<>();
        try {
            mailbak.aankomsten().forEach((id, t) -> perSignaal.put(id.substring(0, id.indexOf('@') + 1), t));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return perSignaal;
    }

    private KafkaProducer<String, byte[]> producentLive() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // A back office sends each message as it happens: no waiting to fill a batch.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static String percentielen(List<Long> ms) {
        if (ms.isEmpty()) {
            return "(geen)";
        }
        List<Long> s = new ArrayList<>(ms);
        Collections.sort(s);
        return String.format(NL, "p50 %d ms, p99 %d ms, max %d ms", s.get((s.size() - 1) / 2),
                s.get((int) Math.ceil(s.size() * 0.99) - 1), s.get(s.size() - 1));
    }

    // ---- helpers

    private void postgresInstellingen(TestPostgres postgres, String db) throws SQLException {
        List<String> namen = List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_level",
                "shared_buffers", "max_wal_size", "checkpoint_timeout", "track_commit_timestamp");
        List<String> waarden = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password())) {
            for (String naam : namen) {
                try (ResultSet rs = c.createStatement().executeQuery("show " + naam)) {
                    rs.next();
                    waarden.add(naam + "=" + rs.getString(1));
                }
            }
        }
        regel("PostgreSQL: %s; gegevens op %s", String.join(", ", waarden), postgres.bestandssysteem());
    }

    private static Instant eenTijdstip(TestPostgres postgres, String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t.toInstant();
        }
    }

    private void wachtTot(String wat, BooleanSupplier conditie) {
        long einde = System.nanoTime() + wacht.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new IllegalStateException("Niet binnen " + wacht + ": " + wat);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private void regel(String formaat, Object... waarden) {
        String r = String.format(NL, formaat, waarden);
        System.out.println(r);
        verslag.add(r);
    }
}
