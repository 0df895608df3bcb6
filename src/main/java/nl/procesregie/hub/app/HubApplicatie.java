package nl.procesregie.hub.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.Modus;
import nl.procesregie.hub.demo.DemoFeed;

/**
 * Starts the hub from the environment (and -D system properties) and runs it until the process is stopped. In demo
 * mode it first starts whatever infrastructure the settings do not name.
 */
public final class HubApplicatie {

    private static final Logger LOG = LoggerFactory.getLogger(HubApplicatie.class);

    private HubApplicatie() {
    }

    public static void main(String[] args) throws Exception {
        HubInstellingen instellingen = HubInstellingen.uitOmgeving();
        List<AutoCloseable> teStoppen = new ArrayList<>();
        try {
            start(instellingen, teStoppen);
        } catch (Exception | Error e) {
            // The embedded servers run on non-daemon threads: without this the process would hang on a failed start.
            if (e instanceof ConfiguratieFout) {
                LOG.error("procesregie-hub start niet: {}", e.getMessage());
            } else {
                LOG.error("procesregie-hub start niet", e);
            }
            stop(teStoppen);
            System.exit(1);
        }

        CountDownLatch gestopt = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(teStoppen);
            gestopt.countDown();
        }, "hub-stop"));
        gestopt.await();
    }

    private static void start(HubInstellingen instellingen, List<AutoCloseable> teStoppen) throws Exception {
        Hub.Infrastructuur infra;
        Hub.Uitbreiding uitbreiding = Hub.Uitbreiding.GEEN;
        DemoOmgeving demo = null;
        if (instellingen.modus() == Modus.DEMO) {
            demo = DemoOmgeving.start(instellingen);
            teStoppen.add(demo);
            infra = demo.infrastructuur();
            uitbreiding = demo.uitbreiding();
        } else {
            infra = infrastructuur(instellingen);
        }
        Clock klok = Clock.systemUTC();
        Hub hub = Hub.start(instellingen, infra, klok, uitbreiding);
        teStoppen.add(0, hub);
        if (demo != null) {
            // Started only now that the hub consumes, and stopped first, before the hub and the broker it feeds.
            Optional<DemoFeed> feed = demo.startFeed(klok);
            feed.ifPresent(f -> teStoppen.add(0, f));
            meldWaarTeKijken(instellingen, infra, demo, feed);
        }
    }

    private static void stop(List<AutoCloseable> teStoppen) {
        for (AutoCloseable deel : teStoppen) {
            try {
                deel.close();
            } catch (Exception e) {
                LOG.warn("Stoppen van {} mislukt: {}", deel.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private static void meldWaarTeKijken(HubInstellingen i, Hub.Infrastructuur infra, DemoOmgeving demo,
                                         Optional<DemoFeed> feed) {
        StringBuilder s = new StringBuilder("\n\nprocesregie-hub draait in demomodus.\n");
        if (demo.archief() != null) {
            s.append("  Verzonden signalen (mail):  http://localhost:").append(i.httpPort()).append("/mail\n")
                    .append("  Mail als bestanden:         ").append(demo.archief().map()).append('\n');
        }
        s.append("  Gezondheid:                 http://localhost:").append(i.httpPort()).append("/health\n")
                .append("  Kafka (publiceer iJw-XML):  ").append(infra.kafkaBootstrapServers()).append(" → topics ")
                .append(i.topicToewijzingen()).append(", ").append(i.topicStartStop()).append(", ")
                .append(i.topicVerzoeken()).append('\n')
                .append(i.invoerMap().map(m -> "  Invoermap (*.xml, *.zip):   " + m.toAbsolutePath() + '\n').orElse(""))
                .append("  iJw via HTTP:               POST http://localhost:").append(i.httpPort())
                .append("/ijw (token per backoffice: aanleveraars in het regiobestand)\n")
                .append("  Signalen als JSON:          topic ").append(i.topicSignalen()).append('\n')
                .append("  Geparkeerde berichten:      topic ").append(i.topicOngeldig()).append('\n')
                .append("  Gegevens:                   ").append(i.dataDir().toAbsolutePath()).append('\n')
                .append("  Demofeed:                   ").append(feed.map(DemoFeed::beschrijving)
                        .orElse(demo.feedUitReden())).append('\n');
        LOG.info("{}", s);
    }

    /**
     * Production infrastructure: only what the settings name; nothing is started. Productie's validation has already
     * refused settings without a broker, a database or a mail relay (host and port).
     */
    public static Hub.Infrastructuur infrastructuur(HubInstellingen i) {
        return new Hub.Infrastructuur(i.kafkaBootstrapServers().orElseThrow(), i.dbUrl().orElseThrow(),
                i.dbUser().orElse(null), i.dbPassword().orElse(null), i.smtpHost().orElseThrow(),
                i.smtpPort().orElseThrow());
    }
}
