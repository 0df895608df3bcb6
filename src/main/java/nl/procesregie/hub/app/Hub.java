package nl.procesregie.hub.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.main.DefaultMainShutdownStrategy;
import org.apache.camel.main.Main;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.procesregie.hub.aanlevering.Aanlevering;
import nl.procesregie.hub.aanlevering.IjwHttp;
import nl.procesregie.hub.aanlevering.Invoermap;
import nl.procesregie.hub.aanlevering.Rustregel;
import nl.procesregie.hub.aanlevering.Snelheidsgrens;
import nl.procesregie.hub.aanlevering.Tokencontrole;
import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.Modus;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.XsdControle;
import nl.procesregie.hub.ingest.IjwConsumer;
import nl.procesregie.hub.ingest.IjwInname;
import nl.procesregie.hub.ingest.Inleestellers;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.ingest.RegieInname;
import nl.procesregie.hub.notify.BevestigingsPagina;
import nl.procesregie.hub.notify.InleesOverzichtPagina;
import nl.procesregie.hub.notify.MailVerzender;
import nl.procesregie.hub.signals.InleesOverzicht;
import nl.procesregie.hub.timers.Termijnplanning;
import nl.procesregie.hub.timers.Tijdplanner;

/**
 * One running hub: its database pool, the Camel routes (YAML, from {@code routes/}) with the hub's parts bound by
 * name, and the iJw consumer. Built from the typed settings and an injected clock.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    /** Where the infrastructure is: given by settings in production, started embedded in demo mode and tests. */
    public record Infrastructuur(String kafkaBootstrapServers, String dbUrl, String dbGebruiker, String dbWachtwoord,
                                 String smtpHost, int smtpPort) {
        @Override
        public String toString() {
            return "Infrastructuur[kafka=" + kafkaBootstrapServers + ", db=" + dbUrl + ", smtp=" + smtpHost + ":" + smtpPort + "]";
        }
    }

    /** What demo mode adds to a hub: beans by name and the route files that use them. */
    public record Uitbreiding(Map<String, Object> beans, List<String> routePatronen) {
        public static final Uitbreiding GEEN = new Uitbreiding(Map.of(), List.of());
    }

    private final HikariDataSource dataSource;
    private final Main main;
    private final IjwConsumer consumer;
    private final IjwConsumer regieConsumer;
    private final Tijdplanner tijdplanner;
    private final BrokerWacht brokerWacht;

    private Hub(HikariDataSource dataSource, Main main, IjwConsumer consumer, IjwConsumer regieConsumer,
                Tijdplanner tijdplanner, BrokerWacht brokerWacht) {
        this.dataSource = dataSource;
        this.main = main;
        this.consumer = consumer;
        this.regieConsumer = regieConsumer;
        this.tijdplanner = tijdplanner;
        this.brokerWacht = brokerWacht;
    }

    public static Hub start(HubInstellingen instellingen, Infrastructuur infra, Clock klok) throws Exception {
        return start(instellingen, infra, klok, Uitbreiding.GEEN);
    }

    public static Hub start(HubInstellingen instellingen, Infrastructuur infra, Clock klok, Uitbreiding uitbreiding)
            throws Exception {
        RegioConfiguratie regio = RegioConfiguratie.laad(instellingen.configLocaties(), instellingen.modus());
        controleerPoortVrij(instellingen.httpHost(), instellingen.httpPort());
        HikariDataSource dataSource = dataSource(instellingen, infra);
        Tijdplanner tijdplanner = null;
        BrokerWacht brokerWacht = null;
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();

            Onderdelen onderdelen = Onderdelen.bouw(dataSource, regio, instellingen, klok);
            Inleestellers tellers = new Inleestellers();
            Predicate<String> gemeenteBekend = code -> regio.gemeente(code).isPresent();
            IjwInlezer inlezer = new IjwInlezer(new IjwParser(), instellingen.xsdControle(),
                    instellingen.maxRecordBytes(), gemeenteBekend);
            // The on-ramps refuse what the consumer would park. A deviation that streng does not park is the consumer's
            // to count and log, once, so they skip the schema check then.
            Aanlevering aanlevering = new Aanlevering(new IjwInlezer(new IjwParser(),
                    instellingen.xsdControle() == XsdControle.STRENG ? XsdControle.STRENG : XsdControle.UIT,
                    instellingen.maxRecordBytes(), gemeenteBekend),
                    onderdelen.pseudonimisering(), Map.of(
                            BerichtSoort.JW301, instellingen.topicToewijzingen(),
                            BerichtSoort.JW305, instellingen.topicStartStop(),
                            BerichtSoort.JW307, instellingen.topicStartStop(),
                            BerichtSoort.JW315, instellingen.topicVerzoeken()));
            IjwInname inname = new IjwInname(inlezer, onderdelen.verwerking(), instellingen.maxPogingen(), tellers,
                    klok);
            RegieInname regieInname = new RegieInname(instellingen.topicMeldingen(), onderdelen.meldingen(),
                    onderdelen.bevestigingen(), instellingen.maxRecordBytes(), instellingen.maxPogingen(),
                    onderdelen.verwerking()::databaseBereikbaar, tellers, klok);
            MailVerzender mailVerzender = new MailVerzender(new MailVerzender.SmtpInstellingen(infra.smtpHost(),
                    infra.smtpPort(), instellingen.smtpUsername().orElse(null), instellingen.smtpPassword().orElse(null),
                    instellingen.smtpStarttls(), instellingen.smtpTruststore().orElse(null), instellingen.mailAfzender(),
                    instellingen.smtpTimeout()), klok);

            ProducerTemplateHouder template = new ProducerTemplateHouder();
            Map<String, String> kafkaClient = instellingen.kafkaBeveiliging().clientEigenschappen();
            Map<String, String> kafkaConsumer = new HashMap<>(kafkaClient);
            long sessie = instellingen.kafkaSessieTimeout().toMillis();
            kafkaConsumer.put("session.timeout.ms", String.valueOf(sessie));
            kafkaConsumer.put("heartbeat.interval.ms", String.valueOf(Math.min(3_000, sessie / 3)));
            IjwConsumer consumer = new IjwConsumer(infra.kafkaBootstrapServers(), instellingen.kafkaGroupId(),
                    instellingen.kafkaMaxPollRecords(), kafkaConsumer,
                    List.of(instellingen.topicToewijzingen(), instellingen.topicStartStop(), instellingen.topicVerzoeken()),
                    batch -> template.get().requestBody("direct:ijw-inname", batch));
            // A group of its own: a rebalance of one consumer does not interrupt the other, and lag is per kind.
            IjwConsumer regieConsumer = new IjwConsumer(infra.kafkaBootstrapServers(), instellingen.regieGroupId(),
                    instellingen.kafkaMaxPollRecords(), kafkaConsumer,
                    List.of(instellingen.topicMeldingen(), instellingen.topicActies()),
                    batch -> template.get().requestBody("direct:regie-inname", batch));
            tijdplanner = Tijdplanner.maak(new Tijdplanner.Database(infra.dbUrl(), infra.dbGebruiker(),
                    infra.dbWachtwoord()), instellingen.tijdplannerIncheckInterval(),
                    sleutel -> template.get().requestBody("direct:termijn-verlopen", sleutel));
            Termijnplanning termijnplanning = new Termijnplanning(dataSource, onderdelen.termijnen(), tijdplanner);
            termijnplanning.verzoen();

            Main main = new Main();
            main.bind("ijwInname", inname);
            main.bind("regieInname", regieInname);
            main.bind("aanlevering", aanlevering);
            IjwHttp ijwHttp = new IjwHttp(aanlevering, new Tokencontrole(regio.aanleveraars()),
                    new Snelheidsgrens(instellingen.invoerHttpLimiet(), klok), instellingen.maxRecordBytes());
            main.bind("ijwHttp", ijwHttp);
            main.bind("uitgaand", onderdelen.uitgaand());
            main.bind("mailVerzender", mailVerzender);
            main.bind("verwijzerBeslissing", onderdelen.verwijzerBeslissing());
            main.bind("termijnplanning", termijnplanning);
            main.bind("termijnAfhandeling", onderdelen.termijnAfhandeling());
            main.bind("bewaartermijn", onderdelen.bewaartermijn());
            main.bind("bevestigingsPagina", new BevestigingsPagina(onderdelen.tokens(), onderdelen.bevestigingen(),
                    code -> regio.gemeente(code).map(GemeenteInstellingen::naam), klok));
            brokerWacht = new BrokerWacht(infra.kafkaBootstrapServers(), kafkaClient, instellingen.topics(),
                    Duration.ofSeconds(5), Duration.ofSeconds(15));
            Gezondheid gezondheid = new Gezondheid(dataSource, List.of(consumer, regieConsumer), brokerWacht);
            main.bind("gezondheid", gezondheid);
            main.bind("meetwaarden", new Meetwaarden(gezondheid, dataSource, List.of(consumer, regieConsumer),
                    tellers));
            main.bind("inleesOverzicht", new InleesOverzichtPagina(new InleesOverzicht(dataSource, regio),
                    overzichtToegang(instellingen)));
            uitbreiding.beans().forEach(main::bind);
            List<String> routes = new java.util.ArrayList<>(List.of("classpath:routes/*.camel.yaml"));
            routes.addAll(uitbreiding.routePatronen());
            // The intake folder only where one is set: in production without HUB_INVOER_MAP no route, no folder.
            if (instellingen.invoerMap().isPresent()) {
                Path invoerMap = instellingen.invoerMap().get();
                main.bind("invoermap", Invoermap.maak(invoerMap, aanlevering, instellingen.maxRecordBytes(), klok));
                main.bind("invoerRust", new Rustfilter(new Rustregel(instellingen.invoerRusttijd(), klok)));
                main.bind("invoervolgorde", new Invoervolgorde());
                main.addInitialProperty("hub.invoer.map", invoerMap.toAbsolutePath().toString());
                routes.add("classpath:routes/invoer/*.yaml");
            }
            main.addInitialProperty("camel.main.name", "procesregie-hub");
            // The application stops the hub in order (consumer first, then Camel, then the pool); Camel's own hook
            // would stop Camel at the same time, under a consumer still handing it records.
            if (main.getShutdownStrategy() instanceof DefaultMainShutdownStrategy camelStop) {
                camelStop.disableHangupSupport();
            }
            main.addInitialProperty("camel.main.routes-include-pattern", String.join(",", routes));
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.host", instellingen.httpHost());
            main.addInitialProperty("camel.server.port", String.valueOf(instellingen.httpPort()));
            Beveiligingskoppen.installeer(main);
            Aanlevergrens.installeer(main, ijwHttp, instellingen.maxRecordBytes());
            main.addInitialProperty("camel.component.kafka.brokers", infra.kafkaBootstrapServers());
            // The producers of routes take the same TLS and SASL settings, handed over as objects rather than as
            // property strings, which Camel would read for placeholders (a password may hold '{{').
            KafkaComponent kafkaComponent = new KafkaComponent();
            kafkaComponent.getConfiguration().setAdditionalProperties(new HashMap<>(kafkaClient));
            // A publish held up by a broker outage gives up well within the outbox lease (a third for the wait on
            // metadata, a third for delivery): otherwise the next claim sends the event again while the first
            // attempt still runs, and both land.
            int deel = (int) Math.min(Integer.MAX_VALUE, instellingen.outboxLease().toMillis() / 3);
            kafkaComponent.getConfiguration().setMaxBlockMs(deel);
            kafkaComponent.getConfiguration().setDeliveryTimeoutMs(deel);
            kafkaComponent.getConfiguration().setRequestTimeoutMs(deel / 2);
            main.bind("kafka", kafkaComponent);
            main.addInitialProperty("camel.component.kafka.value-serializer",
                    "org.apache.kafka.common.serialization.ByteArraySerializer");
            main.addInitialProperty("hub.topic.ongeldig", instellingen.topicOngeldig());
            main.addInitialProperty("hub.topic.signalen", instellingen.topicSignalen());
            main.addInitialProperty("hub.uitgaand.interval", String.valueOf(instellingen.outboxInterval().toMillis()));
            main.start();

            template.zet(main.getCamelContext().createProducerTemplate());
            tijdplanner.start();
            consumer.start();
            regieConsumer.start();
            LOG.info("procesregie-hub gestart: {} gemeenten, groep {}, {}", regio.gemeenten().size(),
                    instellingen.kafkaGroupId(), infra);
            if (instellingen.modus() == Modus.PRODUCTIE && !instellingen.kafkaBeveiliging().tls()) {
                LOG.warn("Kafka zonder TLS (KAFKA_SECURITY_PROTOCOL={}): berichten met BSN gaan onversleuteld over het "
                        + "netwerk; alleen verantwoord op een afgeschermd netwerk", instellingen.kafkaBeveiliging().protocol());
            }
            return new Hub(dataSource, main, consumer, regieConsumer, tijdplanner, brokerWacht);
        } catch (Exception | Error e) {
            if (tijdplanner != null) {
                tijdplanner.close();
            }
            if (brokerWacht != null) {
                brokerWacht.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /**
     * Vert.x logs a taken port and runs on without HTTP, so health checks would reach whatever holds the port; refuse
     * to start instead, naming the setting.
     */
    private static void controleerPoortVrij(String host, int poort) {
        if (poort == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, poort));
        } catch (IOException e) {
            throw new ConfiguratieFout(List.of("HUB_HTTP_PORT: poort " + poort + " is al in gebruik"));
        }
    }

    /**
     * The overview names youths: with its password when one is set; open only in demo mode on the demo's own
     * database (fictional youths); else off.
     */
    private static InleesOverzichtPagina.Toegang overzichtToegang(HubInstellingen instellingen) {
        if (instellingen.overzichtWachtwoord().isPresent()) {
            return new InleesOverzichtPagina.Toegang.MetWachtwoord(instellingen.overzichtWachtwoord().get());
        }
        return instellingen.modus() == Modus.DEMO && instellingen.dbUrl().isEmpty()
                ? new InleesOverzichtPagina.Toegang.Open() : new InleesOverzichtPagina.Toegang.Uit();
    }

    /** The consumer is built before Camel (health reports on it) but uses Camel's template once Camel runs. */
    private static final class ProducerTemplateHouder {
        private volatile ProducerTemplate template;

        void zet(ProducerTemplate t) {
            this.template = t;
        }

        ProducerTemplate get() {
            return template;
        }
    }

    private static HikariDataSource dataSource(HubInstellingen instellingen, Infrastructuur infra) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(infra.dbUrl());
        config.setUsername(infra.dbGebruiker());
        config.setPassword(infra.dbWachtwoord());
        config.setMaximumPoolSize(instellingen.dbPoolSize());
        config.setPoolName("hub-db");
        // PostgreSQL's error detail repeats the failing row, which holds personal data; it must not reach a log line.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // The ingest batch reads and writes through arrays of 1 to HUB_KAFKA_MAX_POLL_RECORDS elements; a cached generic
        // plan cannot see the size and, made while the tables were small, kept scanning them whole as they grew.
        // (PostgreSQL 12 or later.)
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        // Fail fast during an outage: the consumer then rewinds and backs off instead of hanging on a connection.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public IjwConsumer consumer() {
        return consumer;
    }

    @Override
    public void close() {
        consumer.close();
        regieConsumer.close();
        // The rounds that hand deadlines to Quartz stop first; Quartz stops before the rest of Camel, as a firing
        // trigger hands its deadline to a Camel route.
        for (String route : List.of("termijnen-plannen", "termijnen-inhalen")) {
            try {
                main.getCamelContext().getRouteController().stopRoute(route);
            } catch (Exception e) {
                LOG.warn("Route {} stopte niet netjes: {}", route, e.toString());
            }
        }
        tijdplanner.close();
        try {
            main.stop();
        } catch (Exception e) {
            LOG.warn("Camel stopte niet netjes: {}", e.toString());
        }
        brokerWacht.close();
        dataSource.close();
    }
}
