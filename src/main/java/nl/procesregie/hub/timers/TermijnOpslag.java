package nl.procesregie.hub.timers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deadlines in PostgreSQL, on the caller's connection and transaction. Every change that affects when (or whether) a
 * deadline fires clears {@code gepland}, so that {@link Termijnplanning} brings the Quartz trigger in line after the
 * transaction committed.
 */
public final class TermijnOpslag {

    public enum Status { OPEN, AFGEGAAN, VERVALLEN }

    /** A deadline row with its state. */
    public record Stand(Termijn termijn, Status status) {
    }

    /**
     * Records a deadline once per key. A deadline cancelled earlier (its youth left procesregie) opens again when its
     * moment still lies ahead: the youth is back under procesregie.
     *
     * @return whether the deadline is (again) open
     */
    public boolean plaats(Connection c, Termijn t, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into termijn (sleutel, soort, jeugdige, signaal_id, "
                + "overdracht_id, trede, vervalt_op, aangemaakt_op) values (?,?,?,?,?,?,?,?) "
                + "on conflict (sleutel) do update set status = 'OPEN', gepland = false, reden = null, "
                + "afgehandeld_op = null, vervalt_op = excluded.vervalt_op "
                + "where termijn.status = 'VERVALLEN' and excluded.vervalt_op > ?")) {
            ps.setString(1, t.sleutel());
            ps.setString(2, t.soort().name());
            ps.setString(3, t.jeugdige());
            ps.setObject(4, t.signaalId());
            ps.setObject(5, t.overdrachtId());
            ps.setObject(6, t.trede(), java.sql.Types.INTEGER);
            ps.setTimestamp(7, Timestamp.from(t.vervaltOp()));
            ps.setTimestamp(8, Timestamp.from(nu));
            ps.setTimestamp(9, Timestamp.from(nu));
            return ps.executeUpdate() == 1;
        }
    }

    /** Moves an open deadline, e.g. when a melding names another crisis route. */
    public boolean verzet(Connection c, String sleutel, Instant op) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update termijn set vervalt_op = ?, gepland = false "
                + "where sleutel = ? and status = 'OPEN' and vervalt_op <> ?")) {
            ps.setTimestamp(1, Timestamp.from(op));
            ps.setString(2, sleutel);
            ps.setTimestamp(3, Timestamp.from(op));
            return ps.executeUpdate() == 1;
        }
    }

    /** Cancels the open escalation of a signal: it was acknowledged. */
    public int vervalVoorSignaal(Connection c, UUID signaalId, String reden, Instant nu) throws SQLException {
        return verval(c, "signaal_id = ?", signaalId, reden, nu);
    }

    /** Cancels the open deadlines of a handover: the case closed. */
    public int vervalVoorOverdracht(Connection c, UUID overdrachtId, String reden, Instant nu) throws SQLException {
        return verval(c, "overdracht_id = ?", overdrachtId, reden, nu);
    }

    /** Cancels every open deadline of a youth: the youth left procesregie. */
    public int vervalVoorJeugdige(Connection c, String jeugdige, String reden, Instant nu) throws SQLException {
        return verval(c, "jeugdige = ?", jeugdige, reden, nu);
    }

    private int verval(Connection c, String waar, Object waarde, String reden, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update termijn set status = 'VERVALLEN', gepland = false, "
                + "reden = ?, afgehandeld_op = ? where status = 'OPEN' and " + waar)) {
            ps.setString(1, reden);
            ps.setTimestamp(2, Timestamp.from(nu));
            ps.setObject(3, waarde);
            return ps.executeUpdate();
        }
    }

    /** Locks a deadline row for the one transaction that may act on it. */
    public Optional<Stand> vergrendel(Connection c, String sleutel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where sleutel = ? for update")) {
            ps.setString(1, sleutel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stand(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Stand> lees(Connection c, String sleutel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where sleutel = ?")) {
            ps.setString(1, sleutel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stand(rs)) : Optional.empty();
            }
        }
    }

    public void afgegaan(Connection c, String sleutel, String reden, Instant nu) throws SQLException {
        sluit(c, sleutel, Status.AFGEGAAN, reden, nu);
    }

    public void vervallen(Connection c, String sleutel, String reden, Instant nu) throws SQLException {
        sluit(c, sleutel, Status.VERVALLEN, reden, nu);
    }

    private void sluit(Connection c, String sleutel, Status status, String reden, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update termijn set status = ?, gepland = false, "
                + "reden = ?, afgehandeld_op = ? where sleutel = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, reden);
            ps.setTimestamp(3, Timestamp.from(nu));
            ps.setString(4, sleutel);
            ps.executeUpdate();
        }
    }

    /** Asks for the trigger to be brought in line again, e.g. after a wake-up before the (moved) deadline. */
    public void planOpnieuw(Connection c, String sleutel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update termijn set gepland = false where sleutel = ?")) {
            ps.setString(1, sleutel);
            ps.executeUpdate();
        }
    }

    /**
     * Deadlines whose trigger must be created, moved or removed, locked for this caller; another hub instance skips
     * them meanwhile.
     */
    public List<Stand> teSynchroniseren(Connection c, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where not gepland order by aangemaakt_op, sleutel "
                + "limit ? for update skip locked")) {
            ps.setInt(1, max);
            return lijst(ps);
        }
    }

    public void gepland(Connection c, String sleutel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update termijn set gepland = true where sleutel = ?")) {
            ps.setString(1, sleutel);
            ps.executeUpdate();
        }
    }

    /** Open deadlines, soonest first, for the reconciliation with Quartz at start-up. */
    public List<Stand> open(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where status = 'OPEN' order by vervalt_op")) {
            return lijst(ps);
        }
    }

    /** Open deadlines that passed before {@code grens}: their trigger should have fired by now. */
    public List<Stand> achterstallig(Connection c, Instant grens, int max) throws SQLException {
        // A deadline that was already due when it was written (a crisis read late) is Quartz's to fire at once; only
        // when it has been overdue and known for the margin is it the catch-up round's.
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where status = 'OPEN' and vervalt_op <= ? "
                + "and aangemaakt_op <= ? order by vervalt_op limit ?")) {
            ps.setTimestamp(1, Timestamp.from(grens));
            ps.setTimestamp(2, Timestamp.from(grens));
            ps.setInt(3, max);
            return lijst(ps);
        }
    }

    private static final String SELECT = "select sleutel, soort, jeugdige, signaal_id, overdracht_id, trede, "
            + "vervalt_op, status from termijn";

    private static List<Stand> lijst(PreparedStatement ps) throws SQLException {
        List<Stand> lijst = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lijst.add(stand(rs));
            }
        }
        return lijst;
    }

    private static Stand stand(ResultSet rs) throws SQLException {
        Object trede = rs.getObject(6);
        return new Stand(new Termijn(rs.getString(1), TermijnSoort.valueOf(rs.getString(2)), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                trede == null ? null : ((Number) trede).intValue(), rs.getTimestamp(7).toInstant()),
                Status.valueOf(rs.getString(8)));
    }
}
