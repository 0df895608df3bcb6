package nl.procesregie.hub.testinfra;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real KRaft broker (combined broker + controller) per test JVM, started on first use and stopped by a
 * shutdown hook. Topics are never created implicitly: tests call {@link #createTopics} so partition counts are
 * deterministic and a misspelt topic name fails loudly instead of silently creating a new topic.
 */
public final class TestKafka {

    private static final Logger LOG = LoggerFactory.getLogger(TestKafka.class);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_SLICE = Duration.ofMillis(100);
    /** The largest record the shared broker and this class's producer take. */
    public static final int MAX_RECORD = 12 * 1024 * 1024;

    private static final Map<String, String> BROKER_CONFIG = Map.ofEntries(
            // Internal topics: one replica, as a single broker cannot hold the default three, and one partition,
            // as creating the default 50 costs seconds on the first group join or transaction.
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            // The default 3 s delay would be paid by every first consumer group join in the tests.
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            // The machine has two cores; the broker's default thread pools are sized for real servers.
            Map.entry("num.network.threads", "1"),
            Map.entry("num.io.threads", "2"),
            Map.entry("background.threads", "2"),
            Map.entry("group.coordinator.threads", "1"),
            Map.entry("log.cleaner.threads", "1"),
            // Lets a retention or compaction test roll segments without writing a gigabyte first.
            Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
            // A 10 MB iJw file must reach the hub, to be parked with its reason, rather than be refused unseen.
            Map.entry("message.max.bytes", String.valueOf(MAX_RECORD)));

    private static TestKafka shared;

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    /** Security settings of every client this class makes; empty for the plain shared broker. */
    private final Map<String, String> clientConfig;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    private TestKafka(KafkaClusterTestKit cluster, String bootstrapServers, Map<String, String> clientConfig) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
        this.clientConfig = Map.copyOf(clientConfig);
        Map<String, Object> adminConfig = new HashMap<>(clientConfig);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        this.admin = Admin.create(adminConfig);
        Properties producerConfig = producerConfig(bootstrapServers);
        producerConfig.putAll(clientConfig);
        this.producer = new KafkaProducer<>(producerConfig);
    }

    /** The JVM-wide broker; the first call starts it (a few seconds). */
    public static synchronized TestKafka shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "test-kafka-shutdown"));
        }
        return shared;
    }

    /**
     * A broker of its own whose client listener speaks {@code protocol} (TLS, SASL), for a test of the hub's client
     * security; {@code brokerConfig} holds its key store and SASL users, {@code clientConfig} what its clients need.
     * The caller closes it.
     */
    public static TestKafka beveiligd(SecurityProtocol protocol, Map<String, String> brokerConfig,
                                      Map<String, String> clientConfig) {
        // The test kit builds plain (or SASL_PLAINTEXT) listeners only: the protocol map turns its plain client
        // listener into this protocol, with the TLS and SASL settings of brokerConfig; the controller's stays plain.
        Map<String, String> config = new HashMap<>(brokerConfig);
        config.put("listener.security.protocol.map", "EXTERNAL:" + protocol.name + ",CONTROLLER:PLAINTEXT");
        return start(SecurityProtocol.PLAINTEXT, config, clientConfig);
    }

    /**
     * Clients of a plain broker outside this JVM ({@link KindKafka}), for a test that stops and restarts it; closing
     * closes the clients only.
     */
    public static TestKafka vanBroker(String bootstrapServers) {
        return new TestKafka(null, bootstrapServers, Map.of());
    }

    private static TestKafka start() {
        return start(SecurityProtocol.PLAINTEXT, Map.of(), Map.of());
    }

    private static TestKafka start(SecurityProtocol protocol, Map<String, String> brokerConfig,
                                   Map<String, String> clientConfig) {
        long startNanos = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setBrokerSecurityProtocol(protocol)
                    // Without a directory of our own the test kit deletes its default one from a shutdown hook of
                    // its own, racing the broker shutdown in ours; KafkaClusterTestKit.close() removes this one.
                    .setBaseDirectory(Files.createTempDirectory("test-kafka-"))
                    // The test kit defaults to the newest, still unstable metadata version; test what production runs.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            BROKER_CONFIG.forEach(builder::setConfigProp);
            brokerConfig.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            TestKafka kafka = new TestKafka(cluster, cluster.bootstrapServers(), clientConfig);
            LOG.info("Kafka broker ready at {} in {} ms", kafka.bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            return kafka;
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet and returns once every partition has a leader. A topic that already
     * exists with another partition count is an error: a test relying on a partition count must get it.
     */
    public void createTopics(int partitions, String... topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : new HashSet<>(List.of(topics))) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Another test class may have created it between listTopics and createTopics.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(partitions, List.of(topics));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + List.of(topics), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + List.of(topics), e);
        }
    }

    /** The controller acknowledges a new topic before the broker can serve it; wait for the leaders. */
    private void awaitLeaders(int partitions, Collection<String> topics)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        String lastState = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                for (TopicDescription description : descriptions.values()) {
                    if (description.partitions().size() != partitions) {
                        throw new IllegalStateException("Topic " + description.name() + " already exists with "
                                + description.partitions().size() + " partitions, not " + partitions);
                    }
                }
                boolean allLed = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (allLed) {
                    return;
                }
                lastState = "some partitions have no leader yet";
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Could not describe topics " + topics, e);
                }
                lastState = e.getCause().getMessage();
            }
            Thread.sleep(POLL_SLICE.toMillis());
        }
        throw new TimeoutException("Topics " + topics + " not ready within " + ADMIN_TIMEOUT + ": " + lastState);
    }

    /** Sends synchronously, without key, and returns where the record landed. */
    public RecordMetadata send(String topic, byte[] value) {
        return send(topic, value, List.of());
    }

    public RecordMetadata send(String topic, byte[] value, Iterable<Header> headers) {
        return send(new ProducerRecord<>(topic, null, (byte[]) null, value, headers));
    }

    /** Sends synchronously with {@code key} (any bytes, or null) and returns where the record landed. */
    public RecordMetadata send(String topic, byte[] key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends synchronously to one partition: a test that spreads one youth's messages over instances. */
    public RecordMetadata send(String topic, int partition, byte[] value) {
        return send(new ProducerRecord<>(topic, partition, (byte[]) null, value));
    }

    private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
        String topic = record.topic();
        try {
            return producer.send(record).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to topic " + topic
                    + " (topics are not auto-created: call createTopics first)", e);
        }
    }

    /**
     * Reads the topic from the earliest offset of every partition with a throw-away consumer until at least
     * {@code expectedCount} records arrived. Records already fetched in the same poll are returned too, so callers
     * can assert that no more than expected were written. Partitions are assigned rather than subscribed: reading
     * back needs no group rebalance.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(consumerConfig("test-kafka-readall-" + UUID.randomUUID()))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (records.size() < expectedCount) {
                long remainingNanos = deadline - System.nanoTime();
                if (remainingNanos <= 0) {
                    throw new AssertionError("Expected " + expectedCount + " records on topic " + topic + " within "
                            + timeout + " but read " + records.size() + "; end offsets: "
                            + consumer.endOffsets(partitions, ADMIN_TIMEOUT));
                }
                Duration slice = Duration.ofNanos(Math.min(remainingNanos, POLL_SLICE.toNanos()));
                consumer.poll(slice).forEach(records::add);
            }
            return records;
        }
    }

    /** The log end offset of a partition: the offset the next record sent to it will get. */
    public long endOffset(String topic, int partition) {
        try {
            TopicPartition tp = new TopicPartition(topic, partition);
            return admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .partitionResult(tp).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the end offset of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the end offset of " + topic, e);
        }
    }

    /** The partition count of {@code topic}. */
    public int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(ADMIN_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS).get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe " + topic, e);
        }
    }

    /** The records of {@code topic} the group has committed, over all partitions. */
    public long committedTotal(String groupId, String topic) {
        return groupOffsets(groupId).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Whether the group has committed past the end of every partition of these topics (an empty one counts). */
    public boolean committedToEnd(String groupId, String... topics) {
        Map<TopicPartition, OffsetAndMetadata> committed = groupOffsets(groupId);
        for (String topic : topics) {
            for (int p = 0; p < partitions(topic); p++) {
                long end = endOffset(topic, p);
                OffsetAndMetadata c = committed.get(new TopicPartition(topic, p));
                if (end > 0 && (c == null || c.offset() < end)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sets an idle group back to the start of partition 0 of each topic: the same records delivered again. */
    public void resetOffsets(String groupId, String... topics) {
        Map<TopicPartition, OffsetAndMetadata> begin = new HashMap<>();
        for (String topic : topics) {
            begin.put(new TopicPartition(topic, 0), new OffsetAndMetadata(0));
        }
        try {
            admin.alterConsumerGroupOffsets(groupId, begin).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not reset group " + groupId, e);
        }
    }

    /** Per member of a consumer group, the partitions of {@code topic} it holds. */
    public List<Set<Integer>> groupMembers(String groupId, String topic) {
        try {
            return admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).members().stream()
                    .map(m -> m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                            .map(TopicPartition::partition).collect(Collectors.toSet()))
                    .collect(Collectors.toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing group " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe group " + groupId, e);
        }
    }

    /** The committed offset (the next offset to consume) of the group on that partition, or -1 if none. */
    public long committedOffset(String groupId, String topic, int partition) {
        OffsetAndMetadata committed = groupOffsets(groupId).get(new TopicPartition(topic, partition));
        return committed == null ? -1 : committed.offset();
    }

    private Map<TopicPartition, OffsetAndMetadata> groupOffsets(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // A partition the group never committed on may come back with a null value.
            Map<TopicPartition, OffsetAndMetadata> gezet = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    gezet.put(tp, o);
                }
            });
            return gezet;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets of group " + groupId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw new IllegalStateException("Could not read committed offsets of group " + groupId, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not read committed offsets of group " + groupId, e);
        }
    }

    private Properties consumerConfig(String groupId) {
        Properties config = new Properties();
        config.putAll(clientConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // An empty partition would otherwise hold every fetch for the default 500 ms.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // Fail within seconds on a missing topic rather than after the default minute.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_RECORD));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /** Stops a broker of {@link #beveiligd}, or the clients of {@link #vanBroker}; the shared one stops with the JVM. */
    public void close() {
        if (this == shared) {
            throw new IllegalStateException("the shared broker stops with the JVM");
        }
        shutdown();
    }

    private void shutdown() {
        long startNanos = System.nanoTime();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        if (cluster != null) {
            closeQuietly(cluster);
            LOG.info("Kafka broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Kafka broker did not close cleanly", e);
        }
    }
}
