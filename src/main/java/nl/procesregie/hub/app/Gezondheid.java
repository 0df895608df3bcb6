package nl.procesregie.hub.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import nl.procesregie.hub.ingest.IjwConsumer;

/**
 * Liveness and readiness for {@code /health}: ready when PostgreSQL answers, no consumer is held up by an outage or
 * without a broker, and the mail relay took the last mail. During an outage the hub waits and loses nothing, and
 * readiness says which part is out. The outbox backlog is reported so an operator sees mail piling up before anyone
 * misses it, and so are rows that failed for good (a refused recipient address), which no retry will deliver.
 */
public final class Gezondheid {

    /** The report; {@code httpStatus} is 200 when ready, else 503. */
    public record Rapport(boolean gereed, boolean database, boolean kafka, boolean smtp, long uitgaandWachtend,
                          long oudsteWachtendSeconden, long uitgaandMislukt) {
        public int httpStatus() {
            return gereed ? 200 : 503;
        }

        public String json() {
            return "{\"status\":\"" + (gereed ? "UP" : "DOWN") + "\",\"database\":\"" + (database ? "UP" : "DOWN")
                    + "\",\"kafka\":\"" + (kafka ? "UP" : "DOWN") + "\",\"smtp\":\"" + (smtp ? "UP" : "DOWN")
                    + "\",\"uitgaandWachtend\":" + uitgaandWachtend
                    + ",\"oudsteWachtendSeconden\":" + oudsteWachtendSeconden
                    + ",\"uitgaandMislukt\":" + uitgaandMislukt + "}";
        }
    }

    private final DataSource dataSource;
    private final List<IjwConsumer> consumers;
    private final BooleanSupplier smtpBereikbaar;

    public Gezondheid(DataSource dataSource, List<IjwConsumer> consumers, BooleanSupplier smtpBereikbaar) {
        this.dataSource = dataSource;
        this.consumers = List.copyOf(consumers);
        this.smtpBereikbaar = smtpBereikbaar;
    }

    public Rapport rapport() {
        boolean kafka = consumers.stream().noneMatch(IjwConsumer::heeftStoring);
        boolean smtp = smtpBereikbaar.getAsBoolean();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) filter (where status = 'WACHTEND'), "
                     + "coalesce(extract(epoch from now() - min(aangemaakt_op) filter (where status = 'WACHTEND'))"
                     + "::bigint, 0), count(*) filter (where status = 'MISLUKT') from uitgaand "
                     + "where status in ('WACHTEND', 'MISLUKT')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Rapport(kafka && smtp, true, kafka, smtp, rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            return new Rapport(false, false, kafka, smtp, -1, -1, -1);
        }
    }
}
