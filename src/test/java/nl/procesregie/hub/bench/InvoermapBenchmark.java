package nl.procesregie.hub.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.demo.BsnReeks;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * Throughput of the intake folder: N messages as N files, then N other messages as zips of {@code perZip}, each set
 * moved into the folder at once, timed from the first move until every message is on the broker and every file has
 * left the folder. One hub in this JVM on the shared test broker, with its consumer processing what is published (as
 * in production), and the default quiet period (HUB_INVOER_RUSTTIJD=PT2S), which every file waits out once.
 * Nothing here asserts a speed: it prints figures.
 */
final class InvoermapBenchmark {

    /** Youths of their own, passing the eleven-test, only in this run's broker and database. */
    private static final long SYNTHETISCHE_BSN = 810_000_000L;
    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private final int berichten;
    private final int perZip;
    private final Path werkmap;
    private final TestKafka kafka = TestKafka.shared();
    private final String prefix = "m" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final List<String> invoerTopics = List.of(prefix + "ijw.toewijzingen", prefix + "ijw.start-stop",
            prefix + "ijw.verzoeken");
    private final List<String> verslag = new ArrayList<>();

    /** What one form measured. */
    /**
     * @param gepubliceerd records on the input topics once the folder was empty
     * @param verwerkt     files in {@code verwerkt/} of this form
     */
    record Meting(String vorm, int berichten, int bestanden, double seconden, long gepubliceerd, long verwerkt) {
        double berichtenPerSeconde() {
            return berichten / seconden;
        }

        double bestandenPerSeconde() {
            return bestanden / seconden;
        }
    }

    InvoermapBenchmark(int berichten, int perZip, Path werkmap) {
        this.berichten = berichten;
        this.perZip = perZip;
        this.werkmap = werkmap;
    }

    List<String> verslag() {
        return List.copyOf(verslag);
    }

    List<Meting> meet() throws Exception {
        kafka.createTopics(1, invoerTopics.toArray(new String[0]));
        kafka.createTopics(1, prefix + "regie.signalen", prefix + "ijw.ongeldig", prefix + "regie.meldingen",
                prefix + "regie.acties");
        Path map = Files.createDirectories(werkmap.resolve("invoer"));
        BsnReeks bsns = BsnReeks.vanaf(SYNTHETISCHE_BSN, 2 * berichten);
        TestPostgres postgres = TestPostgres.shared();
        String db = postgres.newDatabase();
        try (TestSmtp smtp = TestSmtp.start()) {
            Map<String, String> m = new HashMap<>();
            m.put("HUB_CONFIG", "classpath:config/test-regio.yaml");
            m.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            m.put("HUB_KAFKA_GROUP_ID", prefix + "groep");
            m.put("HUB_TOPIC_TOEWIJZINGEN", invoerTopics.get(0));
            m.put("HUB_TOPIC_START_STOP", invoerTopics.get(1));
            m.put("HUB_TOPIC_VERZOEKEN", invoerTopics.get(2));
            m.put("HUB_TOPIC_MELDINGEN", prefix + "regie.meldingen");
            m.put("HUB_TOPIC_ACTIES", prefix + "regie.acties");
            m.put("HUB_TOPIC_SIGNALEN", prefix + "regie.signalen");
            m.put("HUB_TOPIC_ONGELDIG", prefix + "ijw.ongeldig");
            m.put("HUB_DB_URL", db);
            m.put("HUB_DB_USER", postgres.user());
            m.put("HUB_DB_PASSWORD", postgres.password());
            m.put("HUB_DEMO_FEED", "false");
            m.put("HUB_HTTP_PORT", "0");
            m.put("HUB_INVOER_MAP", map.toString());
            Path losseBestanden = schrijfBestanden(bsns, 0);
            Path zips = schrijfZips(bsns, berichten);
            regel("Invoermap: %d berichten als %d bestanden en als %d zips van %d; %d kernen, rusttijd 2 s", berichten,
                    berichten, (berichten + perZip - 1) / perZip, perZip, Runtime.getRuntime().availableProcessors());
            try (Hub hub = Hub.start(HubInstellingen.uit(m), new Hub.Infrastructuur(kafka.bootstrapServers(), db,
                    postgres.user(), postgres.password(), smtp.host(), smtp.port()), Clock.systemUTC())) {
                return List.of(fase("losse .xml-bestanden", losseBestanden, map),
                        fase("zips", zips, map));
            }
        }
    }

    private Path schrijfBestanden(BsnReeks bsns, int vanaf) throws IOException {
        Path klaar = Files.createDirectories(werkmap.resolve("klaar-xml"));
        for (int i = 0; i < berichten; i++) {
            Files.write(klaar.resolve(String.format("bericht-%07d.xml", i)), bericht(bsns, vanaf + i));
        }
        return klaar;
    }

    private Path schrijfZips(BsnReeks bsns, int vanaf) throws IOException {
        Path klaar = Files.createDirectories(werkmap.resolve("klaar-zip"));
        for (int z = 0; z * perZip < berichten; z++) {
            ByteArrayOutputStream uit = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(uit)) {
                for (int i = z * perZip; i < Math.min(berichten, (z + 1) * perZip); i++) {
                    zip.putNextEntry(new ZipEntry(String.format("bericht-%07d.xml", i)));
                    zip.write(bericht(bsns, vanaf + i));
                    zip.closeEntry();
                }
            }
            Files.write(klaar.resolve(String.format("export-%05d.zip", z)), uit.toByteArray());
        }
        return klaar;
    }

    /** One allocation for a youth of its own: valid, of a configured gemeente, raising no signal. */
    private static byte[] bericht(BsnReeks bsns, int n) {
        return Berichten.toewijzing(n % 2 == 0 ? "0632" : "0184", "20000001", bsns.geldig(n), LocalDate.now(),
                Berichten.identificatie(), null, new Berichten.Product("I" + n, "45", "45A01"));
    }

    private Meting fase(String vorm, Path klaar, Path map) throws Exception {
        long begin = eindes();
        List<Path> bestanden;
        try (Stream<Path> s = Files.list(klaar)) {
            bestanden = s.sorted().toList();
        }
        long start = System.nanoTime();
        for (Path p : bestanden) {
            Files.move(p, map.resolve(p.getFileName()));
        }
        double verplaatst = (System.nanoTime() - start) / 1e9;
        long grens = System.nanoTime() + (120L + berichten / 100) * 1_000_000_000L;
        while (eindes() < begin + berichten || bestandenIn(map) > 0) {
            if (System.nanoTime() > grens) {
                throw new IllegalStateException(vorm + ": niet op tijd; gepubliceerd " + (eindes() - begin) + " van "
                        + berichten + ", nog " + bestandenIn(map) + " bestanden in de map");
            }
            Thread.sleep(50);
        }
        double seconden = (System.nanoTime() - start) / 1e9;
        long verwerkt;
        try (Stream<Path> s = Files.list(map.resolve("verwerkt"))) {
            Set<String> namen = new HashSet<>();
            bestanden.forEach(b -> namen.add(b.getFileName().toString()));
            // verwerkt/<stamp>-<random>_<original name>
            verwerkt = s.map(p -> p.getFileName().toString())
                    .filter(n -> namen.contains(n.substring(n.indexOf('_') + 1))).count();
        }
        Meting meting = new Meting(vorm, berichten, bestanden.size(), seconden, eindes() - begin, verwerkt);
        regel("Invoermap, %s: %d berichten in %d bestanden in %.1f s (verplaatsen in de map %.1f s): %.0f berichten/s, "
                        + "%.0f bestanden/s", vorm, meting.berichten(), meting.bestanden(), meting.seconden(),
                verplaatst, meting.berichtenPerSeconde(), meting.bestandenPerSeconde());
        return meting;
    }

    private long eindes() {
        return invoerTopics.stream().mapToLong(t -> kafka.endOffset(t, 0)).sum();
    }

    private static long bestandenIn(Path map) throws IOException {
        try (Stream<Path> s = Files.list(map)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void regel(String format, Object... args) {
        String r = String.format(NL, format, args);
        verslag.add(r);
        System.out.println(r);
    }
}
