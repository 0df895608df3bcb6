package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.KindProces;

/**
 * The packaged artefact ({@code target/procesregie-hub.jar} with {@code target/lib/}) started as a newcomer starts
 * it, in demo mode on its own embedded infrastructure: not the classes, the jar.
 */
class HubArtefactIT {

    static final Duration WACHT = Duration.ofSeconds(90);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Process hub;

    @TempDir
    Path data;

    @AfterEach
    void stop() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            // SIGTERM first: a hard kill would leave the embedded PostgreSQL running as an orphan.
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    Process start(Map<String, String> omgeving, String log) throws IOException {
        Path jar = Path.of("target", "procesregie-hub.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the build made " + jar);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString());
        pb.environment().putAll(omgeving);
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of("target", log).toFile());
        return pb.start();
    }

    String haal(int poort, String pad) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "000 " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long mails() throws IOException {
        Path map = data.resolve("mail");
        if (!Files.isDirectory(map)) {
            return 0;
        }
        try (Stream<Path> lijst = Files.list(map)) {
            return lijst.filter(p -> p.toString().endsWith(".eml")).count();
        }
    }

    long mailsOfNul() {
        try {
            return mails();
        } catch (IOException e) {
            return 0;
        }
    }

    static void publiceer(int kafkaPoort, List<byte[]> berichten) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPoort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (byte[] b : berichten) {
                producer.send(new ProducerRecord<>("ijw.toewijzingen", b)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    static byte[] traject(String bsn, int i) {
        return Berichten.toewijzing("0632", "6000000" + i, bsn, LocalDate.now(), Berichten.identificatie(), null,
                new Product("J" + i, "45", "45A4" + i));
    }

    @Test
    void aFailedStartEndsTheProcessInsteadOfHangingOnTheEmbeddedServers() throws Exception {
        try (ServerSocket bezet = new ServerSocket(0)) {
            hub = start(Map.of("HUB_DATA_DIR", data.toString(), "HUB_HTTP_PORT", String.valueOf(bezet.getLocalPort()),
                    "HUB_EMBEDDED_KAFKA_PORT", "0", "HUB_EMBEDDED_SMTP_PORT", "0", "HUB_DEMO_FEED", "false"),
                    "hub-mislukte-start.log");
            assertTrue(hub.waitFor(90, TimeUnit.SECONDS), "the process ends");
            assertEquals(1, hub.exitValue());
            String log = Files.readString(Path.of("target", "hub-mislukte-start.log"));
            assertTrue(log.contains("HUB_HTTP_PORT: poort " + bezet.getLocalPort() + " is al in gebruik"), log);
        }
    }

    @Test
    void theJarRunsOnEmbeddedInfrastructureAndContinuesWhereItStoppedAfterARestart() throws Exception {
        int httpPoort = KindProces.vrijePoort();
        int kafkaPoort = KindProces.vrijePoort();
        Map<String, String> omgeving = Map.of("HUB_DATA_DIR", data.toString(), "HUB_HTTP_PORT", String.valueOf(httpPoort),
                "HUB_EMBEDDED_KAFKA_PORT", String.valueOf(kafkaPoort), "HUB_EMBEDDED_SMTP_PORT", "0",
                "HUB_DEMO_FEED", "false");
        long begin = System.nanoTime();
        hub = start(omgeving, "artefact-1.log");
        HubOmgeving.wachtTot("de hub is gereed", WACHT, () -> haal(httpPoort, "/health").startsWith("200"));
        System.out.println("Artefact gereed na " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        assertTrue(haal(httpPoort, "/mail").contains("Nog geen mails"));

        String bsn = Berichten.bsn(300);
        publiceer(kafkaPoort, List.of(traject(bsn, 1), traject(bsn, 2), traject(bsn, 3), traject(bsn, 4)));
        HubOmgeving.wachtTot("de eerste mail staat op de pagina", WACHT,
                () -> haal(httpPoort, "/mail").contains("Vierde traject"));
        assertEquals(1, mails());
        String pagina = haal(httpPoort, "/mail");
        String naam = pagina.replaceAll("(?s).*href=\"/mail/([^\"]+)\".*", "$1");
        String mail = haal(httpPoort, "/mail/" + naam);
        assertTrue(mail.startsWith("200") && mail.contains("JP"), "the rendered mail is served");
        assertFalse(mail.contains(bsn), "no BSN in the mail");
        assertTrue(haal(httpPoort, "/mail/..%2F..%2Fetc%2Fpasswd").startsWith("404"));

        hub.destroy();
        assertTrue(hub.waitFor(60, TimeUnit.SECONDS), "stops cleanly on SIGTERM");

        // The same data folder: the care path, the mark and the mail are still there.
        hub = start(omgeving, "artefact-2.log");
        HubOmgeving.wachtTot("de hub is weer gereed", WACHT, () -> haal(httpPoort, "/health").startsWith("200"));
        assertTrue(haal(httpPoort, "/mail").contains("Vierde traject"), "the kept mail is shown after a restart");
        publiceer(kafkaPoort, List.of(traject(bsn, 5)));
        HubOmgeving.wachtTot("de vervolgmail", WACHT, () -> mailsOfNul() == 2);
        assertFalse(haal(httpPoort, "/mail").contains("(hernieuwd)"), "the fifth trajectory continued the count");
    }

    static long eindOffsets(int kafkaPoort) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPoort))) {
            Map<TopicPartition, OffsetSpec> vraag = new HashMap<>();
            for (String topic : List.of("ijw.toewijzingen", "ijw.start-stop", "ijw.verzoeken")) {
                vraag.put(new TopicPartition(topic, 0), OffsetSpec.latest());
            }
            return admin.listOffsets(vraag).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    long feedStand() {
        Path stand = data.resolve("demo-feed").resolve("stand.properties");
        Properties p = new Properties();
        try (var in = Files.newInputStream(stand)) {
            p.load(in);
            return Long.parseLong(p.getProperty("volgnummer"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static String log(String naam) {
        try {
            return Files.readString(Path.of("target", naam));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The README's run command as a newcomer types it, demo feed on (the default): mails are on the page within a
     * minute. A restart on the kept data folder continues the feed instead of publishing its history again.
     */
    @Test
    void metDeDemofeedStaatDeEersteMailBinnenEenMinuutOpDePaginaEnEenHerstartGaatVerder() throws Exception {
        int httpPoort = KindProces.vrijePoort();
        int kafkaPoort = KindProces.vrijePoort();
        Map<String, String> omgeving = Map.of("HUB_DATA_DIR", data.toString(), "HUB_HTTP_PORT", String.valueOf(httpPoort),
                "HUB_EMBEDDED_KAFKA_PORT", String.valueOf(kafkaPoort), "HUB_EMBEDDED_SMTP_PORT", "0");
        long begin = System.nanoTime();
        hub = start(omgeving, "artefact-feed-1.log");
        HubOmgeving.wachtTot("de hub is gereed", WACHT, () -> haal(httpPoort, "/health").startsWith("200"));
        long gereed = System.nanoTime();
        HubOmgeving.wachtTot("de eerste mail van de demofeed", WACHT, () -> mailsOfNul() > 0);
        long eersteMail = System.nanoTime();
        String pagina = haal(httpPoort, "/mail");
        System.out.printf("Demofeed: gereed na %d ms; eerste mail na %d ms vanaf de start, %d ms na gereed%n",
                (gereed - begin) / 1_000_000, (eersteMail - begin) / 1_000_000, (eersteMail - gereed) / 1_000_000);
        assertTrue(eersteMail - gereed < Duration.ofSeconds(60).toNanos(), "first mail within a minute of ready");
        assertTrue(pagina.startsWith("200") && pagina.contains("signaal PRH-") && !pagina.contains("Nog geen mails"), pagina);
        assertTrue(log("artefact-feed-1.log").contains("Demofeed:                   aan:"), "the banner shows the feed");

        // Stop once the history is out, then start again on the same folder.
        HubOmgeving.wachtTot("de historie is gepubliceerd", Duration.ofMinutes(3), () -> feedStand() > 0);
        long voorStop = eindOffsets(kafkaPoort);
        long stop = System.nanoTime();
        hub.destroy();
        assertTrue(hub.waitFor(90, TimeUnit.SECONDS), "stops on SIGTERM");
        System.out.printf("Demofeed: gestopt in %d ms na SIGTERM%n", (System.nanoTime() - stop) / 1_000_000);
        long stand = feedStand();
        assertTrue(stand >= voorStop, "the position covers what is on the broker: " + stand + " / " + voorStop);

        hub = start(omgeving, "artefact-feed-2.log");
        HubOmgeving.wachtTot("de hub is weer gereed", WACHT, () -> haal(httpPoort, "/health").startsWith("200"));
        HubOmgeving.wachtTot("de demofeed gaat verder", WACHT, () -> feedStand() > stand);
        long erbij = eindOffsets(kafkaPoort) - voorStop;
        long nieuw = feedStand() - stand;
        assertTrue(log("artefact-feed-2.log").contains("gaat verder na bericht " + stand));
        assertTrue(erbij >= nieuw && erbij < nieuw + 1_000, "only new messages after the restart: " + erbij
                + " records for " + nieuw + " new feed messages, history was " + stand);
    }
}
