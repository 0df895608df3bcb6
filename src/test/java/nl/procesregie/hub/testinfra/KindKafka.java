package nl.procesregie.hub.testinfra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import nl.procesregie.hub.app.IngebouwdeKafka;

/**
 * A real Kafka broker (the demo's single-node KRaft broker) in a JVM of its own, on a fixed port and log folder, so a
 * test can kill it with -9 and start it again where it left off, as a broker restart does to the hub.
 */
public final class KindKafka implements AutoCloseable {

    private static final Duration GEREED = Duration.ofSeconds(60);

    private final Path map;
    private final int poort;
    private Process proces;

    private KindKafka(Path map, int poort) {
        this.map = map;
        this.poort = poort;
    }

    /** Starts a broker keeping its log in {@code map}, and returns once it answers. */
    public static KindKafka start(Path map, int poort) throws IOException {
        KindKafka kafka = new KindKafka(map, poort);
        kafka.herstart();
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + poort;
    }

    /** Kills the broker with -9: no clean shutdown, what it had not flushed is recovered from its log at the start. */
    public void stop() throws InterruptedException {
        proces.destroyForcibly().waitFor();
    }

    /** Starts it again on the same port and log, and returns once it answers. */
    public void herstart() throws IOException {
        proces = KindProces.start(KindKafka.class, "kafka", List.of("-Xmx512m"), Map.of(), map.getParent(),
                map.toString(), String.valueOf(poort));
        long einde = System.nanoTime() + GEREED.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                2_000))) {
            while (true) {
                if (!proces.isAlive()) {
                    throw new IllegalStateException("De broker stopte bij het starten; zie "
                            + map.getParent().resolve("kafka.log"));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > einde) {
                        throw new IllegalStateException("De broker antwoordde niet binnen " + GEREED + "; zie "
                                + map.getParent().resolve("kafka.log"), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (proces != null) {
            stop();
        }
    }

    public static void main(String[] args) throws Exception {
        IngebouwdeKafka kafka = IngebouwdeKafka.start(Path.of(args[0]), Integer.parseInt(args[1]), 5 * 1024 * 1024);
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        new CountDownLatch(1).await();
    }
}
