package nl.procesregie.hub.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * Real infrastructure for one integration test class: the shared in-JVM Kafka broker with topics of its own, a fresh
 * PostgreSQL database, its own SMTP server; and hubs started on them exactly as production starts them.
 */
final class HubOmgeving implements AutoCloseable {

    final TestKafka kafka = TestKafka.shared();
    final TestPostgres postgres;
    final TestSmtp smtp = TestSmtp.start();
    final String dbUrl;
    final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final String toewijzingen = prefix + "ijw.toewijzingen";
    final String startStop = prefix + "ijw.start-stop";
    final String verzoeken = prefix + "ijw.verzoeken";
    final String meldingen = prefix + "regie.meldingen";
    final String acties = prefix + "regie.acties";
    final String signalen = prefix + "regie.signalen";
    final String ongeldig = prefix + "ijw.ongeldig";
    static final String BEVESTIG_SLEUTEL = "de-bevestigsleutel-van-de-integratietests";
    private final List<Hub> hubs = new ArrayList<>();
    private DataSource dataSource;

    HubOmgeving() {
        this(TestPostgres.shared());
    }

    HubOmgeving(TestPostgres postgres) {
        this(postgres, 1);
    }

    /** With {@code partities} partitions on the iJw topics, for tests of several instances in one group. */
    HubOmgeving(TestPostgres postgres, int partities) {
        this.postgres = postgres;
        this.dbUrl = postgres.newDatabase();
        kafka.createTopics(partities, toewijzingen, startStop, verzoeken);
        kafka.createTopics(1, meldingen, acties, signalen, ongeldig);
    }

    Map<String, String> instellingen(String groep) {
        Map<String, String> m = new HashMap<>();
        m.put("HUB_CONFIG", "classpath:config/test-regio.yaml");
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        m.put("HUB_KAFKA_GROUP_ID", groep);
        m.put("HUB_TOPIC_TOEWIJZINGEN", toewijzingen);
        m.put("HUB_TOPIC_START_STOP", startStop);
        m.put("HUB_TOPIC_VERZOEKEN", verzoeken);
        m.put("HUB_TOPIC_MELDINGEN", meldingen);
        m.put("HUB_TOPIC_ACTIES", acties);
        m.put("HUB_BEVESTIG_SLEUTEL", BEVESTIG_SLEUTEL);
        m.put("HUB_TOPIC_SIGNALEN", signalen);
        m.put("HUB_TOPIC_ONGELDIG", ongeldig);
        m.put("HUB_DB_URL", dbUrl);
        m.put("HUB_DB_USER", postgres.user());
        m.put("HUB_DB_PASSWORD", postgres.password());
        m.put("SMTP_HOST", smtp.host());
        m.put("SMTP_PORT", String.valueOf(smtp.port()));
        m.put("HUB_OUTBOX_INTERVAL", "PT0.1S");
        m.put("HUB_OUTBOX_MAX_WACHTTIJD", "PT1S");
        m.put("HUB_DEMO_FEED", "false");
        m.put("HUB_HTTP_PORT", "0");
        return m;
    }

    Hub start(String groep) throws Exception {
        return start(instellingen(groep));
    }

    Hub start(Map<String, String> instellingen) throws Exception {
        return start(instellingen, Clock.systemUTC());
    }

    Hub start(Map<String, String> instellingen, Clock klok) throws Exception {
        HubInstellingen hub = HubInstellingen.uit(instellingen);
        Hub h = Hub.start(hub, new Hub.Infrastructuur(kafka.bootstrapServers(), dbUrl, postgres.user(),
                postgres.password(), smtp.host(), smtp.port()), klok);
        hubs.add(h);
        return h;
    }

    void stop(Hub hub) {
        hub.close();
        hubs.remove(hub);
    }

    DataSource db() {
        if (dataSource == null) {
            dataSource = postgres.dataSource(dbUrl);
        }
        return dataSource;
    }

    long telling(String sql, Object... parameters) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Four allocations of ambulant care at four providers, today: the youth's fourth trajectory. */
    void vierTrajecten(String bsn, String prefix) {
        for (int i = 1; i <= 4; i++) {
            kafka.send(toewijzingen, Berichten.toewijzing("0632", "4000000" + i, bsn, LocalDate.now(),
                    Berichten.identificatie(), null, new Berichten.Product(prefix + i, "45", "45A2" + i)));
        }
    }

    /** {@link #telling} for a condition to wait on, where a checked exception cannot go. */
    long tel(String sql) {
        try {
            return telling(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the group has committed past the end of each input topic: everything published was handled. */
    void wachtTotVerwerkt(String groep, Duration timeout) {
        Map<String, Long> eind = new HashMap<>();
        for (String topic : List.of(toewijzingen, startStop, verzoeken, meldingen, acties)) {
            eind.put(topic, kafka.endOffset(topic, 0));
        }
        wachtTot("alle records verwerkt door " + groep, timeout, () -> eind.entrySet().stream()
                .allMatch(e -> e.getValue() == 0 || kafka.committedOffset(e.getKey().equals(meldingen)
                        || e.getKey().equals(acties) ? HubInstellingen.regieGroep(groep) : groep, e.getKey(), 0)
                        >= e.getValue()));
    }

    List<String> signaalEvents(int verwacht, Duration timeout) {
        List<String> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(signalen, verwacht, timeout)) {
            events.add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return events;
    }

    static void wachtTot(String wat, Duration timeout, BooleanSupplier conditie) {
        long einde = System.nanoTime() + timeout.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new AssertionError("Niet binnen " + timeout + ": " + wat);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("onderbroken", e);
            }
        }
    }

    @Override
    public void close() {
        for (Hub h : List.copyOf(hubs)) {
            h.close();
        }
        smtp.close();
    }
}
