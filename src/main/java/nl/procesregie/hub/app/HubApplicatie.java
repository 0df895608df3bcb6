package nl.procesregie.hub.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.config.HubInstellingen;

/** Starts the hub from the environment (and -D system properties) and runs it until the process is stopped. */
public final class HubApplicatie {

    private HubApplicatie() {
    }

    public static void main(String[] args) throws Exception {
        HubInstellingen instellingen = HubInstellingen.uitOmgeving();
        Hub hub = Hub.start(instellingen, infrastructuur(instellingen), Clock.systemUTC());
        CountDownLatch gestopt = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            gestopt.countDown();
        }, "hub-stop"));
        gestopt.await();
    }

    static Hub.Infrastructuur infrastructuur(HubInstellingen i) {
        List<String> ontbreekt = new ArrayList<>();
        if (i.kafkaBootstrapServers().isEmpty()) {
            ontbreekt.add("KAFKA_BOOTSTRAP_SERVERS: ontbreekt");
        }
        if (i.dbUrl().isEmpty()) {
            ontbreekt.add("HUB_DB_URL: ontbreekt");
        }
        if (i.smtpHost().isEmpty()) {
            ontbreekt.add("SMTP_HOST: ontbreekt");
        }
        if (!ontbreekt.isEmpty()) {
            throw new ConfiguratieFout(ontbreekt);
        }
        return new Hub.Infrastructuur(i.kafkaBootstrapServers().get(), i.dbUrl().get(), i.dbUser().orElse(null),
                i.dbPassword().orElse(null), i.smtpHost().get(), i.smtpPort().orElse(25));
    }
}
