package nl.procesregie.hub.opslag;

import java.sql.SQLException;

/**
 * What a log line may say about a processing failure: the exception classes along the cause chain and, for an
 * {@link SQLException}, its SQLState. Never an exception's message: a PostgreSQL error quotes the offending value (a
 * birth date, an identifier built from a BSN), and a parser's error quotes the document. For the same reason no stack
 * trace is logged with it, since a stack trace prints every message in the chain.
 */
public final class Foutspoor {

    /** Causes followed at most; a chain longer than this is cut, and a cycle ends it. */
    private static final int MAX_OORZAKEN = 8;

    private Foutspoor() {
    }

    /** For example {@code java.lang.IllegalStateException, oorzaak org.postgresql.util.PSQLException SQLState 23505}. */
    public static String van(Throwable fout) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (Throwable t = fout; t != null && i < MAX_OORZAKEN; t = t.getCause() == t ? null : t.getCause(), i++) {
            b.append(i == 0 ? "" : ", oorzaak ").append(t.getClass().getName());
            if (t instanceof SQLException s && s.getSQLState() != null) {
                b.append(" SQLState ").append(s.getSQLState());
            }
        }
        return b.toString();
    }
}
