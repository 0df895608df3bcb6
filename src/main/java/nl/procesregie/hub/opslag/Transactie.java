package nl.procesregie.hub.opslag;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One unit of work in one database transaction, and a rollback that never hides why the transaction failed. */
public final class Transactie {

    /** The work done inside the transaction. */
    @FunctionalInterface
    public interface Werk<T> {
        T voerUit(Connection c) throws SQLException;
    }

    private Transactie() {
    }

    /** Runs {@code werk} in a transaction of its own: committed when it returns, rolled back when it throws. */
    public static <T> T in(DataSource dataSource, Werk<T> werk) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T uitkomst = werk.voerUit(c);
                c.commit();
                return uitkomst;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        }
    }

    /**
     * Rolls back after {@code oorzaak}. When the connection died (the usual reason during an outage) the rollback
     * itself fails; that failure is attached to the cause instead of replacing it, so the caller still sees the
     * outage's SQLState.
     */
    public static void rollback(Connection c, Throwable oorzaak) {
        try {
            c.rollback();
        } catch (SQLException e) {
            oorzaak.addSuppressed(e);
        }
    }
}
