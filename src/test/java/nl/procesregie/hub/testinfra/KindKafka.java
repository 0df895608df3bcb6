package nl.procesregie.hub.testinfra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import nl.procesregie.hub.app.IngebouwdeKafka;

/**
 * A real Kafka broker (the demo's single-node KRaft broker) in a JVM of its own, on a fixed port and log folder, so a
 * test can kill it with -9 and start it again where it left off, as a broker restart does to the hub.
 */
public final class KindKafka implements AutoCloseable {

    private final Path map;
    private final int poort;
    private Process proces;

    private KindKafka(Path map, int poort) {
        this.map = map;
        this.poort = poort;
    }

    /** Starts a broker keeping its log in {@code map}; it answers once {@link TestKafka#vanBroker} clients can. */
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

    /** Starts it again on the same port and log. */
    public void herstart() throws IOException {
        proces = KindProces.start(KindKafka.class, "kafka", "512m", Map.of(), map.getParent(), map.toString(),
                String.valueOf(poort));
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
