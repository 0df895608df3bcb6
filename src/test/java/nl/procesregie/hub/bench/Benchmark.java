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
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.demo.DemoGenerator;
import nl.procesregie.hub.demo.FeedBericht;
import nl.procesregie.hub.demo.Stroom;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.Toewijzing;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.KindHub;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * Throughput, detection latency and memory of the hub, in one run on one machine and one generated feed:
 * <ol>
 * <li>the ceiling: a plain consumer that reads the feed and parses it with the hub's parser, nothing else;</li>
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
     */
    record Opzet(int berichten, int partities, Duration live, List<Integer> tempi, String hubHeap) {
        static Opzet uitSysteem(int standaardBerichten, Duration standaardLive) {
            return new Opzet(Integer.getInteger("bench.berichten", standaardBerichten),
                    Integer.getInteger("bench.partities", 4),
                    Duration.parse(System.getProperty("bench.live", standaardLive.toString())), List.of(100, 2_000),
                    System.getProperty("bench.heap", "512m"));
        }
    }

    /** What the run found; the lines of its report are in {@link #verslag}. */
    record Uitslag(long records, long verwerkt, long hubRecords, long mailsTijdensReplay, Map<Integer, Live> live,
                   List<String> verslag) {
    }

    /** One live rate: signals expected and seen, and their latencies in milliseconds. */
    record Live(int tempo, int verwacht, List<Long> totCommit, List<Long> totMail) {
    }

    private static final String GEMEENTE_LIVE = "0632";
    private static final Duration WACHT = Duration.ofMinutes(30);

    private final Opzet opzet;
    private final Path map;
    private final TestKafka kafka = TestKafka.shared();
    private final List<String> verslag = new ArrayList<>();
    private final String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final Map<Stroom, String> topics = new EnumMap<>(Stroom.class);
    private final String groep = "bench-" + UUID.randomUUID();

    Benchmark(Opzet opzet, Path map) {
        this.opzet = opzet;
        this.map = map;
        for (Stroom s : Stroom.values()) {
            topics.put(s, prefix + s.standaardTopic());
        }
    }

    public static void main(String[] args) throws Exception {
        Path map = Files.createTempDirectory("hub-bench");
        new Benchmark(Opzet.uitSysteem(1_000_000, Duration.ofSeconds(30)), map).meet();
        // The shared test broker and database live as long as the JVM.
        System.exit(0);
    }

    Uitslag meet() throws Exception {
        kafka.createTopics(opzet.partities(), topics.values().toArray(new String[0]));
        kafka.createTopics(1, prefix + "regie.signalen", prefix + "ijw.ongeldig", prefix + "regie.meldingen",
                prefix + "regie.acties");
        try (TestPostgres postgres = TestPostgres.voorMeting(); Mailbak mailbak = Mailbak.start(map)) {
            String db = postgres.newDatabase();
            regel("Benchmark procesregie-hub: %d records, %d partities per topic, %d kernen, hub-heap %s",
                    opzet.berichten(), opzet.partities(), Runtime.getRuntime().availableProcessors(), opzet.hubHeap());
            postgresInstellingen(postgres, db);

            SynthetischeBsn bsns = new SynthetischeBsn(opzet.berichten() / 2 + 10_000);
            long records = vulFeed(bsns);
            double plafond = plafond(records);

            Process hub = null;
            try {
                int poort = KindProces.vrijePoort();
                hub = KindHub.start("hub", hubOmgeving(postgres, db, mailbak, poort), map,
                        List.of("-Xmx" + opzet.hubHeap(), "-XX:+ExitOnOutOfMemoryError"));
                Process h = hub;
                long gestart = System.nanoTime();
                wachtTot("hub gereed", () -> KindHub.gezond(poort) || !h.isAlive());
                regel("Hub gereed %.1f s na de start van zijn JVM", (System.nanoTime() - gestart) / 1e9);
                long hubRecords = replay(hub, postgres, db, records, plafond);
                long mails = telling(postgres, db, "select count(*) from uitgaand where kanaal = 'MAIL'");
                regel("Mails tijdens de replay: %d (de signaalhorizon maakt alle signalen historisch)", mails);
                long verwerkt = telling(postgres, db, "select count(*) from verwerkt_bericht");

                Map<Integer, Live> live = new java.util.LinkedHashMap<>();
                int vanaf = bsns.aantal();
                SynthetischeBsn liveBsns = new SynthetischeBsn(vanaf + opzet.tempi().stream()
                        .mapToInt(t -> (int) (t * opzet.live().toSeconds() / 4 + 1)).sum());
                for (int tempo : opzet.tempi()) {
                    Live l = live(tempo, liveBsns, vanaf, postgres, db, mailbak);
                    vanaf += l.verwacht();
                    live.put(tempo, l);
                }
                return new Uitslag(records, verwerkt, hubRecords, mails, live, List.copyOf(verslag));
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
    private long vulFeed(SynthetischeBsn bsns) throws Exception {
        Instant nu = Instant.now();
        Instant grens = nu.minus(Duration.ofDays(35));
        // About five messages per youth in the first year of a simulation: this fills the year with the records.
        DemoGenerator generator = new DemoGenerator(new DemoGenerator.Parameters(23, Math.max(1_000,
                opzet.berichten() / 5), grens.minus(Duration.ofDays(365)), bsns));
        IjwParser parser = new IjwParser();
        Map<BerichtSoort, Long> soorten = new EnumMap<>(BerichtSoort.class);
        Set<String> jeugdigen = new HashSet<>();
        Set<String> versies = new HashSet<>();
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
                producer.send(new ProducerRecord<>(topics.get(b.stroom()), b.sleutel(), b.waarde()));
                records++;
                bytes += b.waarde().length;
                jeugdigen.add(b.sleutel());
                eerste = eerste == null ? b.moment() : eerste;
                laatste = b.moment();
                try {
                    IjwBericht m = parser.parse(b.waarde());
                    soorten.merge(m.soort(), 1L, Long::sum);
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

    /** A plain consumer reads every record and parses it with the hub's parser; records per second. */
    private double plafond(long records) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "plafond-" + UUID.randomUUID());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        IjwParser parser = new IjwParser();
        long gelezen = 0;
        long geparsed = 0;
        long start = System.nanoTime();
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
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    gelezen++;
                    try {
                        parser.parse(r.value());
                        geparsed++;
                    } catch (IjwFout e) {
                        // Counted as read: the hub parks it after the same parse.
                    }
                }
            }
        }
        double seconden = (System.nanoTime() - start) / 1e9;
        double perSeconde = gelezen / seconden;
        regel("Plafond (lezen en parsen, geen toestand): %d records (%d geldig) in %.1f s = %,.0f records/s",
                gelezen, geparsed, seconden, perSeconde);
        return perSeconde;
    }

    // ---- the replay

    private Map<String, String> hubOmgeving(TestPostgres postgres, String db, Mailbak mailbak, int poort) {
        Map<String, String> m = new HashMap<>();
        m.put("HUB_CONFIG", "classpath:config/utrecht-west.yaml");
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        m.put("HUB_KAFKA_GROUP_ID", groep);
        m.put("HUB_TOPIC_TOEWIJZINGEN", topics.get(Stroom.TOEWIJZINGEN));
        m.put("HUB_TOPIC_START_STOP", topics.get(Stroom.START_STOP));
        m.put("HUB_TOPIC_VERZOEKEN", topics.get(Stroom.VERZOEKEN));
        m.put("HUB_TOPIC_SIGNALEN", prefix + "regie.signalen");
        m.put("HUB_TOPIC_ONGELDIG", prefix + "ijw.ongeldig");
        m.put("HUB_TOPIC_MELDINGEN", prefix + "regie.meldingen");
        m.put("HUB_TOPIC_ACTIES", prefix + "regie.acties");
        m.put("HUB_DB_URL", db);
        m.put("HUB_DB_USER", postgres.user());
        m.put("HUB_DB_PASSWORD", postgres.password());
        m.put("SMTP_HOST", "127.0.0.1");
        m.put("SMTP_PORT", String.valueOf(mailbak.poort()));
        m.put("HUB_DEMO_FEED", "false");
        m.put("HUB_HTTP_PORT", String.valueOf(poort));
        m.put("HUB_DATA_DIR", map.resolve("hub").toString());
        return m;
    }

    /**
     * The hub reads the whole feed; the time runs from its readiness to the commit of its last transaction. A flight
     * recording of the replay gives the profile; heap and resident memory are read early on and at the end.
     */
    private long replay(Process hub, TestPostgres postgres, String db, long records, double plafond)
            throws Exception {
        long pid = hub.pid();
        Path opname = map.resolve("replay.jfr");
        jcmd(pid, "JFR.start", "name=replay", "settings=profile");
        Instant begin = Instant.now();
        List<long[]> tijdlijn = new ArrayList<>();
        long vroeg = Math.min(records / 10, 100_000);
        String geheugenVroeg = null;
        long verwerkt = 0;
        long einde = System.nanoTime() + WACHT.toNanos();
        while (verwerkt < records) {
            if (System.nanoTime() > einde || !hub.isAlive()) {
                throw new IllegalStateException("De replay kwam niet rond: " + verwerkt + " van " + records
                        + " records na " + Duration.between(begin, Instant.now()));
            }
            verwerkt = 0;
            for (String topic : topics.values()) {
                verwerkt += kafka.committedTotal(groep, topic);
            }
            tijdlijn.add(new long[] {System.currentTimeMillis(), verwerkt});
            if (geheugenVroeg == null && verwerkt >= vroeg) {
                geheugenVroeg = geheugen(pid);
                regel("Na %,d records: %s", verwerkt, geheugenVroeg);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        jcmd(pid, "JFR.dump", "name=replay", "filename=" + opname);
        jcmd(pid, "JFR.stop", "name=replay");
        Instant eersteCommit = eenTijdstip(postgres, db,
                "select min(pg_xact_commit_timestamp(xmin)) from verwerkt_bericht");
        Instant laatsteCommit = eenTijdstip(postgres, db,
                "select max(pg_xact_commit_timestamp(xmin)) from verwerkt_bericht");
        double seconden = Duration.between(eersteCommit, laatsteCommit).toMillis() / 1000.0;
        double perSeconde = records / seconden;
        regel("Replay: %,d records van de eerste tot de laatste commit in %.1f s (%.1f s na gereed) = %,.0f "
                        + "records/s, %.0f%% van het plafond", records, seconden,
                Duration.between(begin, laatsteCommit).toMillis() / 1000.0, perSeconde, 100 * perSeconde / plafond);
        regel("Replay per blok (records/s): %s", perBlok(tijdlijn, records));
        regel("Aan het eind: %s", geheugen(pid));
        verslag.addAll(Profiel.samenvatting(opname, 12));
        return verwerkt;
    }

    /** The rate over each tenth of the replay: a rate that falls with history would show here. */
    private static String perBlok(List<long[]> tijdlijn, long records) {
        List<String> blokken = new ArrayList<>();
        long stap = Math.max(1, records / 10);
        long[] vorige = tijdlijn.get(0);
        long volgende = stap;
        for (long[] punt : tijdlijn) {
            if (punt[1] >= volgende || punt == tijdlijn.get(tijdlijn.size() - 1)) {
                double s = (punt[0] - vorige[0]) / 1000.0;
                if (s > 0 && punt[1] > vorige[1]) {
                    blokken.add(String.format(Locale.ROOT, "%,d→%,d: %,.0f", vorige[1], punt[1],
                            (punt[1] - vorige[1]) / s));
                }
                vorige = punt;
                while (volgende <= punt[1]) {
                    volgende += stap;
                }
            }
        }
        return String.join("; ", blokken);
    }

    /** The hub's heap after a full collection (what it holds on to) and the resident memory of its process. */
    private static String geheugen(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // G1's line: "garbage-first heap   total 524288K, used 81234K [...]"; Metaspace has a line of its own.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K")
                .matcher(info);
        long heapK = m.find() ? Long.parseLong(m.group(1)) : -1;
        long rssK = 0;
        for (String regel : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (regel.startsWith("VmRSS:")) {
                rssK = Long.parseLong(regel.replaceAll("\\D", ""));
            }
        }
        return String.format(Locale.ROOT, "heap na volledige GC %d MB, RSS %d MB", heapK / 1024, rssK / 1024);
    }

    static String jcmd(long pid, String... opdracht) throws IOException, InterruptedException {
        List<String> regel = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), String.valueOf(pid)));
        regel.addAll(List.of(opdracht));
        Process p = new ProcessBuilder(regel).redirectErrorStream(true).start();
        String uit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", opdracht) + " mislukte: " + uit);
        }
        return uit;
    }

    // ---- live

    /**
     * Fresh youths get four allocations each at {@code tempo} records per second, their fourth the trigger of a
     * VIERDE_TRAJECT signal: from that record's timestamp to the commit of its transaction, and to its mail.
     */
    private Live live(int tempo, SynthetischeBsn bsns, int vanaf, TestPostgres postgres, String db, Mailbak mailbak)
            throws Exception {
        int jeugdigen = (int) (tempo * opzet.live().toSeconds() / 4);
        Pseudonimisering pseudoniemen = new Pseudonimisering(HubInstellingen.uit(Map.of()).pseudoniemSleutel());
        Map<String, Long> vierdeVerstuurd = new HashMap<>();
        Map<String, String> vierdeIdentificatie = new HashMap<>();
        java.time.LocalDate vandaag = DemoGenerator.datum(Instant.now());
        long intervalNanos = 1_000_000_000L / tempo;
        long start = System.nanoTime();
        int i = 0;
        try (KafkaProducer<String, byte[]> producer = producentLive()) {
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
                    String identificatie = Berichten.identificatie();
                    byte[] xml = Berichten.toewijzing(GEMEENTE_LIVE, "7200000" + traject, bsn, vandaag, identificatie,
                            null, new Berichten.Product("L" + tempo + "-" + j + "-" + traject, "45",
                                    "45A2" + traject));
                    long tijdstip = System.currentTimeMillis();
                    producer.send(new ProducerRecord<>(topics.get(Stroom.TOEWIJZINGEN), null, tijdstip, sleutel, xml));
                    if (traject == 4) {
                        String p = pseudoniemen.pseudoniem(bsn);
                        vierdeVerstuurd.put(p, tijdstip);
                        vierdeIdentificatie.put(p, identificatie);
                    }
                }
            }
            producer.flush();
        }
        double gehaald = i / ((System.nanoTime() - start) / 1e9);
        Timestamp sinds = new Timestamp(TimeUnit.NANOSECONDS.toMillis(start - System.nanoTime())
                + System.currentTimeMillis() - 1_000);
        wachtTot("alle signalen van tempo " + tempo, () -> telling(postgres, db, "select count(*) from signaal "
                + "where soort = 'VIERDE_TRAJECT' and gemeente = '" + GEMEENTE_LIVE + "' and tijdstip >= '"
                + sinds.toInstant() + "'") >= jeugdigen);
        Map<String, Long> commit = new HashMap<>();
        Map<String, String> messageIds = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             PreparedStatement ps = c.prepareStatement("select v.jeugdige, pg_xact_commit_timestamp(v.xmin), "
                     + "s.signaal_id from verwerkt_bericht v join signaal s on s.jeugdige = v.jeugdige "
                     + "and s.soort = 'VIERDE_TRAJECT' where v.identificatie = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", vierdeIdentificatie.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commit.put(rs.getString(1), rs.getTimestamp(2).getTime());
                    messageIds.put(rs.getString(1), "<" + rs.getString(3) + "@");
                }
            }
        }
        wachtTot("alle mails van tempo " + tempo, () -> aangekomen(mailbak).keySet().containsAll(messageIds.values()));
        Map<String, Long> aankomsten = aangekomen(mailbak);
        List<Long> totCommit = new ArrayList<>();
        List<Long> totMail = new ArrayList<>();
        for (Map.Entry<String, Long> e : vierdeVerstuurd.entrySet()) {
            Long c = commit.get(e.getKey());
            if (c != null) {
                totCommit.add(c - e.getValue());
                Long a = aankomsten.get(messageIds.get(e.getKey()));
                if (a != null) {
                    totMail.add(a - e.getValue());
                }
            }
        }
        regel("Live %,d records/s (gehaald %,.0f) gedurende %d s: %d signalen; publicatie → signaal vastgelegd %s; "
                + "→ mail aangekomen %s", tempo, gehaald, opzet.live().toSeconds(), totCommit.size(),
                percentielen(totCommit), percentielen(totMail));
        return new Live(tempo, jeugdigen, totCommit, totMail);
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
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", s.get((s.size() - 1) / 2),
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
        regel("PostgreSQL: %s", String.join(", ", waarden));
    }

    private static String lijst(java.util.Collection<String> waarden) {
        return waarden.stream().map(w -> "'" + w.replace("'", "''") + "'").reduce((a, b) -> a + "," + b).orElse("''");
    }

    static long telling(TestPostgres postgres, String db, String sql) {
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant eenTijdstip(TestPostgres postgres, String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db, postgres.user(), postgres.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t.toInstant();
        }
    }

    private static void wachtTot(String wat, BooleanSupplier conditie) {
        long einde = System.nanoTime() + WACHT.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new IllegalStateException("Niet binnen " + WACHT + ": " + wat);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private void regel(String formaat, Object... waarden) {
        String r = String.format(Locale.ROOT, formaat, waarden);
        System.out.println(r);
        verslag.add(r);
    }
}
