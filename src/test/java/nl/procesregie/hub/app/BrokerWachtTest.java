package nl.procesregie.hub.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.LogVanger;
import nl.procesregie.hub.testinfra.TestKafka;

/**
 * Readiness's view of the Kafka cluster: out when it stops answering, in while it answers; a topic the hub needs and
 * the cluster lacks is named, in the log once.
 */
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
        try (BrokerWacht wacht = new BrokerWacht("localhost:" + poort, Map.of(), List.of(), Duration.ofMillis(500),
                Duration.ofSeconds(2))) {
            assertTrue(wacht.bereikbaar(), "a starting hub is given the limit");
            assertTrue(binnen(Duration.ofSeconds(20), () -> !wacht.bereikbaar()), "out without an answer");
            assertEquals(Optional.empty(), wacht.ontbrekendeTopics(), "without an answer the topics are not known");
        }
    }

    @Test
    void anAnsweringBrokerKeepsItInPastTheLimit() throws Exception {
        try (BrokerWacht wacht = new BrokerWacht(TestKafka.shared().bootstrapServers(), Map.of(), List.of(),
                Duration.ofMillis(500), Duration.ofSeconds(2))) {
            // Three times the limit: without answers it would have gone out within this window.
            assertFalse(binnen(Duration.ofSeconds(6), () -> !wacht.bereikbaar()), "stays in");
        }
    }

    @Test
    void aMissingTopicIsNamedOnceAndNoLongerOnceItExists() throws Exception {
        TestKafka kafka = TestKafka.shared();
        String bestaand = "t" + UUID.randomUUID() + ".er";
        String ontbrekend = "t" + UUID.randomUUID() + ".later";
        kafka.createTopics(1, bestaand);
        try (LogVanger log = LogVanger.vang();
             BrokerWacht wacht = new BrokerWacht(kafka.bootstrapServers(), Map.of(), List.of(bestaand, ontbrekend),
                     Duration.ofMillis(200), Duration.ofSeconds(10))) {
            assertTrue(binnen(Duration.ofSeconds(20), () -> wacht.ontbrekendeTopics().equals(Optional.of(List.of(ontbrekend)))),
                    "the missing topic is named, the existing one is not: " + wacht.ontbrekendeTopics());
            long rondes = wacht.antwoorden();
            assertTrue(binnen(Duration.ofSeconds(20), () -> wacht.antwoorden() >= rondes + 5), "five more answers");
            assertEquals(1, log.met(ontbrekend).size(), "named once, not at every answer: " + log.met(ontbrekend));
            assertEquals("WARN", log.met(ontbrekend).get(0).niveau().name());

            kafka.createTopics(1, ontbrekend);
            assertTrue(binnen(Duration.ofSeconds(20), () -> wacht.ontbrekendeTopics().equals(Optional.of(List.of()))),
                    "there now");
            assertEquals(2, log.met(ontbrekend).size(), "and once that it is there: " + log.met(ontbrekend));
            assertTrue(log.met(bestaand).isEmpty(), "an existing topic is not mentioned");
        }
    }
}
