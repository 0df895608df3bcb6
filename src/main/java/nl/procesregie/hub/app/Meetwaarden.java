package nl.procesregie.hub.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;

import nl.procesregie.hub.ingest.IjwConsumer;
import nl.procesregie.hub.ingest.Inleestellers;

/**
 * {@code /metrics} in the Prometheus text format: readiness per part, records in and parked, messages read despite a
 * schema deviation, signals by kind, the outbox backlog and its age, consumer lag, and deadlines past due (timer
 * lateness). Counts only: no pseudonym, no gemeente-level detail of youths. Figures from the database are left out
 * while it does not answer; readiness says so.
 */
public final class Meetwaarden {

    private final Gezondheid gezondheid;
    private final DataSource dataSource;
    private final List<IjwConsumer> consumers;
    private final Inleestellers tellers;

    public Meetwaarden(Gezondheid gezondheid, DataSource dataSource, List<IjwConsumer> consumers,
                       Inleestellers tellers) {
        this.gezondheid = gezondheid;
        this.dataSource = dataSource;
        this.consumers = List.copyOf(consumers);
        this.tellers = tellers;
    }

    public String tekst() {
        StringBuilder b = new StringBuilder();
        Gezondheid.Rapport r = gezondheid.rapport();
        kop(b, "procesregie_gereed", "gauge", "1 als de hub gereed is: database, Kafka en mailserver bereikbaar");
        regel(b, "procesregie_gereed", Map.of(), r.gereed() ? 1 : 0);
        kop(b, "procesregie_bereikbaar", "gauge", "1 als het onderdeel bereikbaar is");
        regel(b, "procesregie_bereikbaar", Map.of("onderdeel", "database"), r.database() ? 1 : 0);
        regel(b, "procesregie_bereikbaar", Map.of("onderdeel", "kafka"), r.kafka() ? 1 : 0);
        regel(b, "procesregie_bereikbaar", Map.of("onderdeel", "smtp"), r.smtp() ? 1 : 0);

        kop(b, "procesregie_records_total", "counter", "Records afgehandeld sinds de start, per topic: verwerkt of "
                + "geparkeerd");
        Map<String, Long> geparkeerd = tellers.geparkeerd();
        tellers.ontvangen().forEach((topic, n) -> {
            long daarvanGeparkeerd = geparkeerd.getOrDefault(topic, 0L);
            regel(b, "procesregie_records_total", Map.of("topic", topic, "uitkomst", "verwerkt"), n - daarvanGeparkeerd);
            regel(b, "procesregie_records_total", Map.of("topic", topic, "uitkomst", "geparkeerd"), daarvanGeparkeerd);
        });

        kop(b, "procesregie_schema_afwijkingen_total", "counter", "iJw 3.2-berichten die afwijken van het schema en "
                + "toch gelezen zijn (HUB_XSD_CONTROLE=melden), per berichttype");
        tellers.schemaafwijkingen().forEach((soort, n) ->
                regel(b, "procesregie_schema_afwijkingen_total", Map.of("bericht", soort.name()), n));

        kop(b, "procesregie_consumer_achterstand", "gauge", "Records per partitie die nog gelezen moeten worden");
        for (IjwConsumer consumer : consumers) {
            for (Map.Entry<TopicPartition, Long> e : consumer.achterstand().entrySet()) {
                regel(b, "procesregie_consumer_achterstand", Map.of("topic", e.getKey().topic(), "partitie",
                        String.valueOf(e.getKey().partition())), e.getValue());
            }
        }

        if (r.database()) {
            kop(b, "procesregie_uitgaand_wachtend", "gauge", "Mails en events in de outbox die nog weg moeten");
            regel(b, "procesregie_uitgaand_wachtend", Map.of(), r.uitgaandWachtend());
            kop(b, "procesregie_uitgaand_oudste_seconden", "gauge", "Leeftijd van het oudste wachtende outbox-item");
            regel(b, "procesregie_uitgaand_oudste_seconden", Map.of(), r.oudsteWachtendSeconden());
            kop(b, "procesregie_uitgaand_mislukt", "gauge", "Outbox-items die definitief mislukten");
            regel(b, "procesregie_uitgaand_mislukt", Map.of(), r.uitgaandMislukt());
            try {
                uitDatabase(b);
            } catch (SQLException e) {
                // The database went away between the health check and these queries: the next scrape has them.
            }
        }
        return b.toString();
    }

    private void uitDatabase(StringBuilder b) throws SQLException {
        StringBuilder d = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            kop(d, "procesregie_signalen", "gauge", "Vastgelegde signalen per soort; verzonden = met mail");
            Map<String, long[]> perSoort = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("select soort, count(*), "
                    + "count(*) filter (where verzonden) from signaal group by soort");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perSoort.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            perSoort.forEach((soort, n) -> {
                regel(d, "procesregie_signalen", Map.of("soort", soort, "verzonden", "false"), n[0] - n[1]);
                regel(d, "procesregie_signalen", Map.of("soort", soort, "verzonden", "true"), n[1]);
            });
            try (PreparedStatement ps = c.prepareStatement("select count(*), "
                    + "count(*) filter (where vervalt_op < now()), "
                    + "coalesce(extract(epoch from now() - min(vervalt_op))::bigint, 0) "
                    + "from termijn where status = 'OPEN'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                kop(d, "procesregie_termijnen_open", "gauge", "Termijnen die nog moeten aflopen of afgehandeld worden");
                regel(d, "procesregie_termijnen_open", Map.of(), rs.getLong(1));
                kop(d, "procesregie_termijnen_verlopen", "gauge", "Open termijnen waarvan het moment voorbij is");
                regel(d, "procesregie_termijnen_verlopen", Map.of(), rs.getLong(2));
                kop(d, "procesregie_termijn_te_laat_seconden", "gauge", "Hoe lang de oudste open termijn al verlopen "
                        + "is (0 als er geen is): de vertraging van de tijdplanner");
                regel(d, "procesregie_termijn_te_laat_seconden", Map.of(), Math.max(0, rs.getLong(3)));
            }
        }
        b.append(d);
    }

    private static void kop(StringBuilder b, String naam, String type, String uitleg) {
        b.append("# HELP ").append(naam).append(' ').append(uitleg).append('\n');
        b.append("# TYPE ").append(naam).append(' ').append(type).append('\n');
    }

    private static void regel(StringBuilder b, String naam, Map<String, String> labels, long waarde) {
        b.append(naam);
        if (!labels.isEmpty()) {
            StringBuilder l = new StringBuilder();
            new TreeMap<>(labels).forEach((k, v) -> l.append(l.length() == 0 ? "" : ",").append(k).append("=\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"'));
            b.append('{').append(l).append('}');
        }
        b.append(' ').append(String.format(Locale.ROOT, "%d", waarde)).append('\n');
    }
}
