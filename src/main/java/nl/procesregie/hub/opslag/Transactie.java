package nl.procesregie.hub.opslag;

import java.sql.Connection;
import java.sql.SQLException;

/** Rollback that never hides why the transaction failed. */
public final class Transactie {

    private Transactie() {
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
