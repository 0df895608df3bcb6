package nl.procesregie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.TestKafka;

/**
 * A poll without any broker just returns nothing; the consumer must still say it is out, and must not while it has
 * a broker and nothing to read.
 */
class IjwConsumerTest {

    static boolean binnen(Duration maximaal, java.util.function.BooleanSupplier conditie) throws InterruptedException {
        long einde = System.nanoTime() + maximaal.toNanos();
        while (System.nanoTime() < einde) {
            if (conditie.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return conditie.getAsBoolean();
    }

    @Test
    void withoutABrokerTheConsumerReportsAnOutage() throws Exception {
        int poort;
        try (ServerSocket s = new ServerSocket(0)) {
            poort = s.getLocalPort();
        }
        try (IjwConsumer consumer = new IjwConsumer("localhost:" + poort, "geen-broker", 10, Map.of(),
                List.of("ijw.toewijzingen"), batch -> { })) {
            consumer.start();
            assertTrue(binnen(Duration.ofSeconds(30), consumer::heeftStoring), "an outage without a broker");
        }
    }

    @Test
    void withABrokerAndNothingToReadThereIsNoOutage() throws Exception {
        TestKafka kafka = TestKafka.shared();
        String topic = "leeg-" + System.nanoTime();
        kafka.createTopics(1, topic);
        try (IjwConsumer consumer = new IjwConsumer(kafka.bootstrapServers(), "met-broker-" + System.nanoTime(), 10,
                Map.of(), List.of(topic), batch -> { })) {
            consumer.start();
            assertTrue(binnen(Duration.ofSeconds(30), () -> consumer.achterstand().containsKey(
                    new org.apache.kafka.common.TopicPartition(topic, 0))), "the partition is assigned");
            // Past the grace an unreachable broker gets: still no outage.
            long sinds = System.nanoTime();
            assertFalse(binnen(Duration.ofSeconds(7), consumer::heeftStoring));
            assertTrue(System.nanoTime() - sinds >= Duration.ofSeconds(7).toNanos());
        }
    }
}
