package nl.procesregie.hub.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside the hub's JVM, for demo mode. Its log
 * lives under the data folder, so a restarted demo continues with the topics and offsets it had.
 */
public final class IngebouwdeKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngebouwdeKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private IngebouwdeKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** @param poort the port Kafka clients connect to; 0 picks a free one */
    public static IngebouwdeKafka start(Path map, int poort, int maxRecordBytes) throws IOException {
        Files.createDirectories(map);
        int clientPoort = poort == 0 ? vrijePoort() : poort;
        int controllerPoort = vrijePoort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPoort);
        p.put("listeners", "PLAINTEXT://localhost:" + clientPoort + ",CONTROLLER://localhost:" + controllerPoort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPoort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", map.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // Oversized iJw files must reach the hub to be parked with a reason, not be refused unseen by the broker.
        p.put("message.max.bytes", String.valueOf(Math.max(maxRecordBytes * 2, 1 << 20) + 1024));
        p.put("num.network.threads", "1");
        p.put("num.io.threads", "2");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));

        if (!Files.exists(map.resolve("meta.properties"))) {
            formatteer(map, p);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
        server.startup();
        IngebouwdeKafka kafka = new IngebouwdeKafka(server, "localhost:" + clientPoort);
        kafka.wachtTotGereed(Duration.ofSeconds(60));
        LOG.info("Ingebouwde Kafka-broker luistert op {} (gegevens in {})", kafka.bootstrapServers, map);
        return kafka;
    }

    private static void formatteer(Path map, Properties p) throws IOException {
        Path config = Files.createTempFile("kafka-demo", ".properties");
        try (OutputStream uit = Files.newOutputStream(config)) {
            p.store(uit, "procesregie-hub demo broker");
        }
        ByteArrayOutputStream melding = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(melding, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (code != 0) {
            throw new IOException("Kafka-opslag in " + map + " kon niet worden aangemaakt: " + melding.toString(StandardCharsets.UTF_8));
        }
    }

    private void wachtTotGereed(Duration maximaal) {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(maximaal.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("De ingebouwde Kafka-broker werd niet gereed binnen " + maximaal, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet (one partition each: one broker, one hub). */
    public void maakTopics(List<String> topics) {
        try (Admin admin = admin()) {
            Set<String> bestaand = new HashSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            List<NewTopic> nieuw = topics.stream().distinct().filter(t -> !bestaand.contains(t))
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList();
            if (!nieuw.isEmpty()) {
                admin.createTopics(nieuw).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Topics konden niet worden aangemaakt op de ingebouwde broker", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    static int vrijePoort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
