package nl.procesregie.hub.opslag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Rows handed to PostgreSQL column by column, one text array each, for a statement over {@code unnest(...)}: one
 * statement and one round trip however many rows, where a JDBC batch still costs the server a statement per row.
 * Values travel in their text form (ISO dates and times, {@code true}/{@code false}, an enum's name); the statement
 * casts each array to its column's type.
 */
public final class Kolommen<R> {

    private final Connection c;
    private final List<R> rijen;

    public Kolommen(Connection c, Collection<R> rijen) {
        this.c = c;
        this.rijen = List.copyOf(rijen);
    }

    /** Binds one array per column, to the parameters from {@code eerste} on. */
    @SafeVarargs
    public final void zet(PreparedStatement ps, int eerste, Function<R, ?>... kolommen) throws SQLException {
        for (int k = 0; k < kolommen.length; k++) {
            Object[] waarden = new Object[rijen.size()];
            for (int i = 0; i < waarden.length; i++) {
                waarden[i] = tekst(kolommen[k].apply(rijen.get(i)));
            }
            ps.setArray(eerste + k, c.createArrayOf("text", waarden));
        }
    }

    private static String tekst(Object waarde) {
        if (waarde == null) {
            return null;
        }
        return waarde instanceof Enum<?> e ? e.name() : waarde.toString();
    }
}
