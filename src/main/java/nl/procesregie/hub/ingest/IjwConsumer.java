package nl.procesregie.hub.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.opslag.Foutspoor;

/**
 * Reads the iJw topics with a plain KafkaConsumer so that the hub, not a framework, decides when an offset is
 * committed: only after the batch's database transaction committed and its parked records reached the dead-letter
 * topic, on this thread (CONTRACTS.md "Delivery"). camel-kafka 4.18.0 can commit offsets of records it did not finish
 * (CAMEL-23994, CAMEL-23997). An outage rewinds to the batch's first offsets and retries with back-off.
 */
public final class IjwConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IjwConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MIN_WACHT = Duration.ofMillis(500);
    private static final Duration MAX_WACHT = Duration.ofSeconds(30);

    /** Processes one polled batch completely (state and dead letters) or throws. */
    @FunctionalInterface
    public interface BatchVerwerker {
        void verwerk(List<OntvangenRecord> batch) throws Exception;
    }

    private final Properties eigenschappen;
    private final List<String> topics;
    private final BatchVerwerker verwerker;
    private final AtomicBoolean actief = new AtomicBoolean();
    private final CountDownLatch stopSignaal = new CountDownLatch(1);
    private final CountDownLatch gestopt = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean storing;
    /** A batch failed and was rewound: until it is processed, an empty poll says nothing about the outage. */
    private boolean teHerhalen;
    private volatile Map<TopicPartition, Long> achterstand = Map.of();
    private Thread draad;
    /** A fault injection point between the database commit and the offset commit, for the delivery tests. */
    private volatile Runnable voorOffsetCommit = () -> { };

    public IjwConsumer(String bootstrapServers, String groupId, int maxPollRecords, Map<String, String> extra,
                       List<String> topics, BatchVerwerker verwerker) {
        Properties p = new Properties();
        p.putAll(extra);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.eigenschappen = p;
        this.topics = List.copyOf(topics);
        this.verwerker = verwerker;
    }

    public void start() {
        if (!actief.compareAndSet(false, true)) {
            return;
        }
        consumer = new KafkaConsumer<>(eigenschappen);
        draad = new Thread(this::lus, "ijw-consumer");
        draad.start();
    }

    /**
     * True while an outage keeps the consumer from making progress (processing or a poll fails). A broker out of
     * reach does not show here, as a poll without one just returns nothing: {@code BrokerWacht} watches that.
     */
    public boolean heeftStoring() {
        return storing;
    }

    /** Records not yet read per partition this consumer holds, as of its last poll. */
    public Map<TopicPartition, Long> achterstand() {
        return achterstand;
    }

    public void setVoorOffsetCommit(Runnable haak) {
        this.voorOffsetCommit = haak;
    }

    /**
     * Ends only on {@link #close()} or an {@link Error} (the process is then in no state to go on). Everything else
     * (an outage while processing, a poll or commit that fails) rewinds to the batch's first offsets and backs off.
     */
    private void lus() {
        Duration wacht = MIN_WACHT;
        try {
            consumer.subscribe(topics);
            while (actief.get()) {
                Map<TopicPartition, Long> eerste = new HashMap<>();
                try {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    bewaak();
                    if (records.isEmpty()) {
                        // A poll that works and no batch to repeat: whatever held the consumer up is over.
                        if (!teHerhalen) {
                            storing = false;
                        }
                        continue;
                    }
                    List<OntvangenRecord> batch = new ArrayList<>(records.count());
                    Map<TopicPartition, OffsetAndMetadata> volgende = new HashMap<>();
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        batch.add(new OntvangenRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        eerste.putIfAbsent(tp, r.offset());
                        volgende.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                    verwerker.verwerk(batch);
                    voorOffsetCommit.run();
                    legVast(volgende);
                    storing = false;
                    teHerhalen = false;
                    wacht = MIN_WACHT;
                } catch (WakeupException e) {
                    if (actief.get()) {
                        throw e;
                    }
                } catch (Exception e) {
                    storing = true;
                    // Classes and SQLStates only: a database error quotes the values of the record it failed on.
                    LOG.warn("Verwerking onderbroken door een storing; opnieuw over {}: {}", wacht, Foutspoor.van(e));
                    terug(eerste);
                    teHerhalen = !eerste.isEmpty();
                    if (wachtOp(wacht)) {
                        break;
                    }
                    wacht = wacht.multipliedBy(2).compareTo(MAX_WACHT) > 0 ? MAX_WACHT : wacht.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("iJw-consumer gewekt om te stoppen");
        } catch (Error e) {
            LOG.error("De iJw-consumer is gestopt door een onherstelbare fout: {}", Foutspoor.van(e));
            storing = true;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            gestopt.countDown();
        }
    }

    /** On the consumer thread, after a poll: the lag, for metrics and for retention to wait on. */
    private void bewaak() {
        Map<TopicPartition, Long> lag = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            consumer.currentLag(tp).ifPresent(l -> lag.put(tp, l));
        }
        achterstand = Map.copyOf(lag);
    }

    private void legVast(Map<TopicPartition, OffsetAndMetadata> volgende) {
        try {
            consumer.commitSync(volgende);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved on; their new owner gets these records again and finds them processed.
            LOG.info("Offsets niet vastgelegd wegens herverdeling van partities; herlevering is onschadelijk");
        }
    }

    /** Rewinds the partitions this consumer still owns; records of partitions it lost go to their new owner. */
    private void terug(Map<TopicPartition, Long> eerste) {
        java.util.Set<TopicPartition> eigen = consumer.assignment();
        eerste.forEach((tp, offset) -> {
            if (eigen.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
    }

    /** @return true when the consumer is being stopped */
    private boolean wachtOp(Duration wacht) {
        try {
            return stopSignaal.await(wacht.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        if (!actief.compareAndSet(true, false)) {
            return;
        }
        stopSignaal.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (!gestopt.await(30, TimeUnit.SECONDS)) {
                LOG.warn("De iJw-consumer stopte niet binnen 30 seconden");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
