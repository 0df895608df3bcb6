package nl.procesregie.hub.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches whether the Kafka cluster answers and holds every topic the hub reads and writes, for readiness: a
 * consumer's poll without a broker just returns nothing, and a broker behind a silent firewall keeps a connection
 * attempt open for seconds. Asks the cluster for its nodes and its topics, with a time limit, on a thread of its own;
 * the cluster is out when it has not answered within {@code grens}.
 *
 * <p>A missing topic is named once in the log when it goes missing and once when it is there again; the Kafka
 * clients' own warning about it, repeated at every metadata refresh, is filtered out in the log configuration.
 */
public final class BrokerWacht implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerWacht.class);

    private final Admin admin;
    private final Duration grens;
    private final List<String> topics;
    private final ScheduledExecutorService draad = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-wacht");
        t.setDaemon(true);
        return t;
    });
    /** System.nanoTime() of the last answer; the start counts as one, so a starting hub is not out at once. */
    private volatile long laatsteAntwoord = System.nanoTime();
    /**
     * The hub's topics the cluster did not list at its last answer, in the order of {@link #topics}; null until it
     * first answered, as a hub that has not yet seen its topics is not ready to say they are there.
     */
    private volatile List<String> ontbrekend;
    private final AtomicLong antwoorden = new AtomicLong();

    /**
     * @param client   the security settings every Kafka client of the hub uses
     * @param topics   the topics the hub needs; readiness names each one the cluster lacks
     * @param interval how often to ask
     * @param grens    how long without an answer means out
     */
    public BrokerWacht(String bootstrapServers, Map<String, String> client, List<String> topics, Duration interval,
                       Duration grens) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int wacht = (int) interval.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, wacht);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, wacht);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) wacht);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) wacht);
        this.admin = Admin.create(config);
        this.grens = grens;
        this.topics = List.copyOf(topics);
        draad.scheduleWithFixedDelay(() -> vraag(interval), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void vraag(Duration interval) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis())).nodes()
                    .get(interval.toMillis(), TimeUnit.MILLISECONDS);
            Set<String> bestaand = admin.listTopics(new ListTopicsOptions().timeoutMs((int) interval.toMillis()))
                    .names().get(interval.toMillis(), TimeUnit.MILLISECONDS);
            werkBij(topics.stream().filter(t -> !bestaand.contains(t)).toList());
            laatsteAntwoord = System.nanoTime();
            antwoorden.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // No answer this round; readiness goes down once the silence lasts longer than the limit.
        }
    }

    private void werkBij(List<String> nu) {
        List<String> eerder = ontbrekend == null ? List.of() : ontbrekend;
        for (String topic : nu) {
            if (!eerder.contains(topic)) {
                LOG.warn("Topic {} bestaat niet op het Kafka-cluster: de hub is niet gereed tot het is aangemaakt",
                        topic);
            }
        }
        for (String topic : eerder) {
            if (!nu.contains(topic)) {
                LOG.info("Topic {} bestaat nu op het Kafka-cluster", topic);
            }
        }
        ontbrekend = nu;
    }

    public boolean bereikbaar() {
        return System.nanoTime() - laatsteAntwoord <= grens.toNanos();
    }

    /** The hub's topics missing from the cluster at its last answer; empty until the cluster first answered. */
    public Optional<List<String>> ontbrekendeTopics() {
        return Optional.ofNullable(ontbrekend);
    }

    /** How often the cluster answered; for tests that wait for rounds instead of time. */
    long antwoorden() {
        return antwoorden.get();
    }

    @Override
    public void close() {
        draad.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
