package nl.procesregie.hub.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.TestKafka;

/** Readiness's view of the Kafka cluster: out when it stops answering, in while it answers. */
class BrokerWachtTest {

    /** Whether {@code conditie} held at some moment within {@code maximaal}. */
    static boolean binnen(Duration maximaal, BooleanSupplier conditie) throws InterruptedException {
        long einde = System.nanoTime() + maximaal.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void withoutAnAnsweringBrokerTheClusterIsOutAfterTheLimit() throws Exception {
        int poort;
        try (ServerSocket s = new ServerSocket(0)) {
            poort = s.getLocalPort();
        }
        try (BrokerWacht wacht = new BrokerWacht("localhost:" + poort, Map.of(), Duration.ofMillis(500),
                Duration.ofSeconds(2))) {
            assertTrue(wacht.bereikbaar(), "a starting hub is given the limit");
            assertTrue(binnen(Duration.ofSeconds(20), () -> !wacht.bereikbaar()), "out without an answer");
        }
    }

    @Test
    void anAnsweringBrokerKeepsItInPastTheLimit() throws Exception {
        try (BrokerWacht wacht = new BrokerWacht(TestKafka.shared().bootstrapServers(), Map.of(),
                Duration.ofMillis(500), Duration.ofSeconds(2))) {
            // Three times the limit: without answers it would have gone out within this window.
            assertFalse(binnen(Duration.ofSeconds(6), () -> !wacht.bereikbaar()), "stays in");
        }
    }
}
