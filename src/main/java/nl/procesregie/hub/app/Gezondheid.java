package nl.procesregie.hub.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.procesregie.hub.ingest.IjwConsumer;

/**
 * Liveness and readiness for {@code /health}: ready when PostgreSQL answers, the Kafka cluster answers and holds
 * every topic the hub reads and writes, and no consumer is held up by an outage. A missing topic is named: nothing
 * would be read from it, or written to it, until an operator creates it. During an outage the hub waits and loses nothing, and the report says which part
 * is out. SMTP is reported but does not make the hub unready: it keeps reading and mail waits in the outbox, shared by
 * every instance; "smtp" is DOWN while mail waits after a failed attempt that was no refusal of an address. The
 * outbox backlog is reported so an operator sees mail piling up, and so are rows that failed for good (a refused
 * recipient address), which no retry will deliver.
 */
public final class Gezondheid {

    /** The report; {@code httpStatus} is 200 when ready, else 503. */
    public record Rapport(boolean gereed, boolean database, boolean kafka, Optional<List<String>> ontbrekendeTopics,
                          boolean smtp, long uitgaandWachtend, long oudsteWachtendSeconden, long uitgaandMislukt) {
        public int httpStatus() {
            return gereed ? 200 : 503;
        }

        public String json() {
            return "{\"status\":\"" + (gereed ? "UP" : "DOWN") + "\",\"database\":\"" + (database ? "UP" : "DOWN")
                    + "\",\"kafka\":\"" + (kafka ? "UP" : "DOWN") + "\",\"topics\":\""
                    + ontbrekendeTopics.map(o -> o.isEmpty() ? "UP" : "DOWN").orElse("ONBEKEND")
                    + "\",\"ontbrekendeTopics\":[" + ontbrekendeTopics.orElse(List.of()).stream()
                    .map(t -> "\"" + t + "\"").collect(Collectors.joining(","))
                    + "],\"smtp\":\"" + (smtp ? "UP" : "DOWN")
                    + "\",\"uitgaandWachtend\":" + uitgaandWachtend
                    + ",\"oudsteWachtendSeconden\":" + oudsteWachtendSeconden
                    + ",\"uitgaandMislukt\":" + uitgaandMislukt + "}";
        }
    }

    private final DataSource dataSource;
    private final List<IjwConsumer> consumers;
    private final BrokerWacht broker;

    public Gezondheid(DataSource dataSource, List<IjwConsumer> consumers, BrokerWacht broker) {
        this.dataSource = dataSource;
        this.consumers = List.copyOf(consumers);
        this.broker = broker;
    }

    public Rapport rapport() {
        boolean kafka = broker.bereikbaar() && consumers.stream().noneMatch(IjwConsumer::heeftStoring);
        Optional<List<String>> ontbrekend = broker.ontbrekendeTopics();
        boolean gereed = kafka && ontbrekend.map(List::isEmpty).orElse(false);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) filter (where status = 'WACHTEND'), "
                     + "coalesce(extract(epoch from now() - min(aangemaakt_op) filter (where status = 'WACHTEND'))"
                     + "::bigint, 0), count(*) filter (where status = 'MISLUKT'), "
                     + "coalesce(bool_or(kanaal = 'MAIL' and laatste_fout is not null and weigeringen = 0) "
                     + "filter (where status = 'WACHTEND'), false) from uitgaand "
                     + "where status in ('WACHTEND', 'MISLUKT')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Rapport(gereed, true, kafka, ontbrekend, !rs.getBoolean(4), rs.getLong(1), rs.getLong(2),
                    rs.getLong(3));
        } catch (SQLException e) {
            return new Rapport(false, false, kafka, ontbrekend, true, -1, -1, -1);
        }
    }
}
