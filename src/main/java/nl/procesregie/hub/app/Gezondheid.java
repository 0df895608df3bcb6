package nl.procesregie.hub.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import nl.procesregie.hub.ingest.IjwConsumer;

/**
 * Liveness and readiness for {@code /health}: ready when PostgreSQL answers and the consumer is not held up by an
 * outage. The outbox backlog is reported so an operator sees mail piling up (an SMTP outage) before anyone misses it.
 */
public final class Gezondheid {

    /** The report; {@code httpStatus} is 200 when ready, else 503. */
    public record Rapport(boolean gereed, boolean database, boolean kafka, long uitgaandWachtend,
                          long oudsteWachtendSeconden) {
        public int httpStatus() {
            return gereed ? 200 : 503;
        }

        public String json() {
            return "{\"status\":\"" + (gereed ? "UP" : "DOWN") + "\",\"database\":\"" + (database ? "UP" : "DOWN")
                    + "\",\"kafka\":\"" + (kafka ? "UP" : "DOWN") + "\",\"uitgaandWachtend\":" + uitgaandWachtend
                    + ",\"oudsteWachtendSeconden\":" + oudsteWachtendSeconden + "}";
        }
    }

    private final DataSource dataSource;
    private final IjwConsumer consumer;

    public Gezondheid(DataSource dataSource, IjwConsumer consumer) {
        this.dataSource = dataSource;
        this.consumer = consumer;
    }

    public Rapport rapport() {
        boolean kafka = !consumer.heeftStoring();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), coalesce(extract(epoch from now() - "
                     + "min(aangemaakt_op))::bigint, 0) from uitgaand where verzonden_op is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Rapport(kafka, true, kafka, rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            return new Rapport(false, false, kafka, -1, -1);
        }
    }
}
