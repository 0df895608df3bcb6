package nl.procesregie.hub.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Watches whether the Kafka cluster answers, for readiness: a consumer's poll without a broker just returns nothing,
 * and a broker behind a silent firewall keeps a connection attempt open for seconds. Asks the cluster for its nodes,
 * with a time limit, on a thread of its own; the cluster is out when it has not answered within {@code grens}.
 */
public final class BrokerWacht implements AutoCloseable {

    private final Admin admin;
    private final Duration grens;
    private final ScheduledExecutorService draad = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-wacht");
        t.setDaemon(true);
        return t;
    });
    /** System.nanoTime() of the last answer; the start counts as one, so a starting hub is not out at once. */
    private volatile long laatsteAntwoord = System.nanoTime();

    /**
     * @param client   the security settings every Kafka client of the hub uses
     * @param interval how often to ask
     * @param grens    how long without an answer means out
     */
    public BrokerWacht(String bootstrapServers, Map<String, String> client, Duration interval, Duration grens) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int wacht = (int) interval.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, wacht);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, wacht);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) wacht);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) wacht);
        this.admin = Admin.create(config);
        this.grens = grens;
        draad.scheduleWithFixedDelay(() -> vraag(interval), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void vraag(Duration interval) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) interval.toMillis())).nodes()
                    .get(interval.toMillis(), TimeUnit.MILLISECONDS);
            laatsteAntwoord = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // No answer this round; readiness goes down once the silence lasts longer than the limit.
        }
    }

    public boolean bereikbaar() {
        return System.nanoTime() - laatsteAntwoord <= grens.toNanos();
    }

    @Override
    public void close() {
        draad.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
