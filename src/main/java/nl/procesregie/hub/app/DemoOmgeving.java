package nl.procesregie.hub.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.demo.DemoFeed;

/**
 * Demo mode's infrastructure: a real Kafka broker, PostgreSQL and SMTP server in this JVM, each started only when the
 * settings do not name a real one, with their state under {@code HUB_DATA_DIR} so a restart continues; and the demo
 * feed, which publishes only to that embedded broker.
 */
public final class DemoOmgeving implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOmgeving.class);

    private final HubInstellingen instellingen;
    private IngebouwdeKafka kafka;
    private IngebouwdePostgres postgres;
    private IngebouwdeSmtp smtp;
    private MailArchief archief;
    private String feedFout;

    private DemoOmgeving(HubInstellingen instellingen) {
        this.instellingen = instellingen;
    }

    public static DemoOmgeving start(HubInstellingen i) throws IOException {
        DemoOmgeving demo = new DemoOmgeving(i);
        try {
            Path data = i.dataDir().toAbsolutePath();
            if (i.kafkaBootstrapServers().isEmpty()) {
                demo.kafka = IngebouwdeKafka.start(data.resolve("kafka"), i.ingebouwdeKafkaPoort(), i.maxRecordBytes());
                demo.kafka.maakTopics(i.topics());
            }
            if (i.dbUrl().isEmpty()) {
                demo.postgres = IngebouwdePostgres.start(data.resolve("postgres"));
            }
            if (i.smtpHost().isEmpty()) {
                demo.archief = new MailArchief(data.resolve("mail"));
                demo.smtp = IngebouwdeSmtp.start(i.ingebouwdeSmtpPoort(), demo.archief);
            }
            return demo;
        } catch (IOException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** True when this demo runs its own broker: the demo feed publishes only there, never to a real one. */
    public boolean heeftEigenKafka() {
        return kafka != null;
    }

    public Hub.Infrastructuur infrastructuur() {
        HubInstellingen i = instellingen;
        return new Hub.Infrastructuur(
                kafka != null ? kafka.bootstrapServers() : i.kafkaBootstrapServers().orElseThrow(),
                postgres != null ? postgres.jdbcUrl() : i.dbUrl().orElseThrow(),
                postgres != null ? postgres.gebruiker() : i.dbUser().orElse(null),
                postgres != null ? null : i.dbPassword().orElse(null),
                smtp != null ? smtp.host() : i.smtpHost().orElseThrow(),
                smtp != null ? smtp.poort() : i.smtpPort().orElse(25));
    }

    /** The mail page and its archiving route, when the mail stays inside the demo. */
    public Hub.Uitbreiding uitbreiding() {
        if (smtp == null) {
            return Hub.Uitbreiding.GEEN;
        }
        return new Hub.Uitbreiding(Map.of("mailArchief", archief, "ingebouwdeSmtp", smtp),
                List.of("classpath:routes/demo/*.yaml"));
    }

    public MailArchief archief() {
        return archief;
    }

    /**
     * Starts the demo feed when it is on and this demo runs its own broker; a demo on a real broker never gets fake
     * youths from it, whatever the settings say. A feed that cannot start leaves the hub running without it.
     */
    public Optional<DemoFeed> startFeed(Clock klok) {
        HubInstellingen i = instellingen;
        if (!i.demoFeed()) {
            return Optional.empty();
        }
        if (!heeftEigenKafka()) {
            LOG.warn("De demofeed staat uit: deze demo gebruikt de Kafka van KAFKA_BOOTSTRAP_SERVERS en de demofeed "
                    + "publiceert alleen naar de ingebouwde broker");
            return Optional.empty();
        }
        Path data = i.dataDir().toAbsolutePath();
        DemoFeed.Instellingen feed = new DemoFeed.Instellingen(i.demoFeedZaad(), i.demoFeedJeugdigenPerJaar(),
                i.demoFeedHistorie(), i.demoFeedLive(), i.demoFeedTempo(), i.demoFeedMap().orElse(null),
                data.resolve("demo-feed"),
                DemoFeed.topics(i.topicToewijzingen(), i.topicStartStop(), i.topicVerzoeken()), i.kafkaGroupId());
        try {
            return Optional.of(DemoFeed.start(feed, kafka.bootstrapServers(), klok));
        } catch (IOException | RuntimeException e) {
            feedFout = e.getMessage();
            LOG.error("De demofeed kon niet starten: {}", feedFout);
            return Optional.empty();
        }
    }

    /** Why {@link #startFeed} gave no feed, for the start-up banner. */
    public String feedUitReden() {
        if (!instellingen.demoFeed()) {
            return "uit (HUB_DEMO_FEED=false)";
        }
        if (feedFout != null) {
            return "uit: kon niet starten: " + feedFout;
        }
        return "uit: de demofeed publiceert alleen naar de ingebouwde Kafka, niet naar KAFKA_BOOTSTRAP_SERVERS";
    }

    @Override
    public void close() {
        List<AutoCloseable> delen = new ArrayList<>();
        delen.add(smtp);
        delen.add(postgres);
        delen.add(kafka);
        for (AutoCloseable deel : delen) {
            if (deel != null) {
                try {
                    deel.close();
                } catch (Exception e) {
                    LOG.warn("Stoppen van {} mislukt: {}", deel.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
