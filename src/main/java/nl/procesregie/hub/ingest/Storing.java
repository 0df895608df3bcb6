package nl.procesregie.hub.ingest;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells an outage (database, broker, network: try again later, park nothing) from a failure that the record itself
 * causes (retry a bounded number of times, then park).
 */
public final class Storing {

    private Storing() {
    }

    public static boolean isStoring(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof StoringUitzondering || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && isTijdelijk(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * 08: connection exceptions; 53: insufficient resources; 57P01–57P03: server shut down or starting; 57014:
     * statement cancelled or timed out; 55P03: lock not available; 25006: read-only transaction (a failover left us on
     * a replica); 40001/40P01: serialization failure and deadlock, resolved by trying again.
     */
    private static boolean isTijdelijk(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014")
                || state.equals("55P03") || state.equals("25006") || state.equals("40001") || state.equals("40P01");
    }
}
