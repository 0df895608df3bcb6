package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.procesregie.hub.carepath.TrajectSleutel;

/** Crises, handovers, acknowledgements and applied meldingen, on the caller's connection and transaction. */
public final class RegieOpslag {

    /**
     * A crisis placement as the hub knows it.
     *
     * @param route   null while only iJw told of the crisis
     * @param termijn null for a historical crisis
     */
    public record Crisis(UUID crisisId, String jeugdige, String gemeente, Instant moment, String route,
                         Instant routeMoment, String referentie, Instant termijn, boolean historisch, UUID signaalId) {
    }

    public enum OverdrachtReden { MELDING, PLEEGZORG, ZORG_BEEINDIGD }

    public record Overdracht(UUID overdrachtId, String jeugdige, String gemeente, LocalDate datum, OverdrachtReden reden,
                             String referentie, Instant afgeslotenOp) {
    }

    /** The crisis of this youth and gemeente whose moment lies nearest to {@code moment}, within {@code venster}. */
    public Optional<Crisis> crisisRond(Connection c, String jeugdige, String gemeente, Instant moment, Duration venster)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CRISIS + " where jeugdige = ? and gemeente = ? "
                + "and moment between ? and ? order by abs(extract(epoch from moment - ?)), crisis_id limit 1")) {
            ps.setString(1, jeugdige);
            ps.setString(2, gemeente);
            ps.setTimestamp(3, Timestamp.from(moment.minus(venster)));
            ps.setTimestamp(4, Timestamp.from(moment.plus(venster)));
            ps.setTimestamp(5, Timestamp.from(moment));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(crisis(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Crisis> crisisVanSignaal(Connection c, UUID signaalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CRISIS + " where signaal_id = ?")) {
            ps.setObject(1, signaalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(crisis(rs)) : Optional.empty();
            }
        }
    }

    public boolean heeftCrisisVoor(Connection c, String jeugdige, Instant moment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from crisis where jeugdige = ? and moment <= ?")) {
            ps.setString(1, jeugdige);
            ps.setTimestamp(2, Timestamp.from(moment));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void bewaar(Connection c, Crisis k, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into crisis (crisis_id, jeugdige, gemeente, moment, "
                + "route, route_moment, referentie, termijn, historisch, signaal_id, aangemaakt_op) "
                + "values (?,?,?,?,?,?,?,?,?,?,?) on conflict (crisis_id) do update set moment = excluded.moment, "
                + "route = excluded.route, route_moment = excluded.route_moment, referentie = excluded.referentie, "
                + "termijn = excluded.termijn")) {
            ps.setObject(1, k.crisisId());
            ps.setString(2, k.jeugdige());
            ps.setString(3, k.gemeente());
            ps.setTimestamp(4, Timestamp.from(k.moment()));
            ps.setString(5, k.route());
            ps.setTimestamp(6, k.routeMoment() == null ? null : Timestamp.from(k.routeMoment()));
            ps.setString(7, k.referentie());
            ps.setTimestamp(8, k.termijn() == null ? null : Timestamp.from(k.termijn()));
            ps.setBoolean(9, k.historisch());
            ps.setObject(10, k.signaalId());
            ps.setTimestamp(11, Timestamp.from(nu));
            ps.executeUpdate();
        }
    }

    /** Per youth, the iJw trajectories that already raised or joined one of its crises; a youth without any is left out. */
    public Map<String, Set<TrajectSleutel>> crisisTrajecten(Connection c, Collection<String> jeugdigen)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select jeugdige, aanbieder, product from crisis_traject where jeugdige = any(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", jeugdigen.toArray()));
            Map<String, Set<TrajectSleutel>> perJeugdige = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perJeugdige.computeIfAbsent(rs.getString(1), j -> new HashSet<>())
                            .add(new TrajectSleutel(rs.getString(2), rs.getString(3)));
                }
            }
            return perJeugdige;
        }
    }

    public void koppelTraject(Connection c, String jeugdige, TrajectSleutel traject, UUID crisisId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into crisis_traject (jeugdige, aanbieder, product, "
                + "crisis_id) values (?,?,?,?) on conflict do nothing")) {
            ps.setString(1, jeugdige);
            ps.setString(2, traject.aanbieder());
            ps.setString(3, traject.product());
            ps.setObject(4, crisisId);
            ps.executeUpdate();
        }
    }

    public Optional<Overdracht> openOverdracht(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OVERDRACHT + " where jeugdige = ? and afgesloten_op is null")) {
            ps.setString(1, jeugdige);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(overdracht(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Overdracht> overdracht(Connection c, UUID overdrachtId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OVERDRACHT + " where overdracht_id = ?")) {
            ps.setObject(1, overdrachtId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(overdracht(rs)) : Optional.empty();
            }
        }
    }

    public void bewaar(Connection c, Overdracht o, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into overdracht (overdracht_id, jeugdige, gemeente, "
                + "datum, reden, referentie, aangemaakt_op) values (?,?,?,?,?,?,?)")) {
            ps.setObject(1, o.overdrachtId());
            ps.setString(2, o.jeugdige());
            ps.setString(3, o.gemeente());
            ps.setObject(4, o.datum());
            ps.setString(5, o.reden().name());
            ps.setString(6, o.referentie());
            ps.setTimestamp(7, Timestamp.from(nu));
            ps.executeUpdate();
        }
    }

    public void sluitOverdrachten(Connection c, String jeugdige, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update overdracht set afgesloten_op = ? where jeugdige = ? and afgesloten_op is null")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setString(2, jeugdige);
            ps.executeUpdate();
        }
    }

    /** @return false when this action was recorded for the signal before: acknowledging twice is harmless */
    public boolean bevestig(Connection c, UUID signaalId, Actie actie, String door, Instant moment, String via,
                            Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into bevestiging (signaal_id, actie, door, moment, via, "
                + "ontvangen_op) values (?,?,?,?,?,?) on conflict (signaal_id, actie) do nothing")) {
            ps.setObject(1, signaalId);
            ps.setString(2, actie.name());
            ps.setString(3, door);
            ps.setTimestamp(4, Timestamp.from(moment));
            ps.setString(5, via);
            ps.setTimestamp(6, Timestamp.from(nu));
            return ps.executeUpdate() == 1;
        }
    }

    public boolean isBevestigd(Connection c, UUID signaalId, Actie actie) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from bevestiging where signaal_id = ? and actie = ?")) {
            ps.setObject(1, signaalId);
            ps.setString(2, actie.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return false when this melding (by content) was applied before */
    public boolean registreerMelding(Connection c, byte[] hash, String jeugdige, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into verwerkte_melding (inhoud_hash, jeugdige, "
                + "verwerkt_op) values (?,?,?) on conflict do nothing")) {
            ps.setBytes(1, hash);
            ps.setString(2, jeugdige);
            ps.setTimestamp(3, Timestamp.from(nu));
            return ps.executeUpdate() == 1;
        }
    }

    private static final String CRISIS = "select crisis_id, jeugdige, gemeente, moment, route, route_moment, "
            + "referentie, termijn, historisch, signaal_id from crisis";

    private static Crisis crisis(ResultSet rs) throws SQLException {
        Timestamp routeMoment = rs.getTimestamp(6);
        Timestamp termijn = rs.getTimestamp(8);
        return new Crisis(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getString(5), routeMoment == null ? null : routeMoment.toInstant(),
                rs.getString(7), termijn == null ? null : termijn.toInstant(), rs.getBoolean(9),
                rs.getObject(10, UUID.class));
    }

    private static final String OVERDRACHT = "select overdracht_id, jeugdige, gemeente, datum, reden, referentie, "
            + "afgesloten_op from overdracht";

    private static Overdracht overdracht(ResultSet rs) throws SQLException {
        Timestamp afgesloten = rs.getTimestamp(7);
        return new Overdracht(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), OverdrachtReden.valueOf(rs.getString(5)), rs.getString(6),
                afgesloten == null ? null : afgesloten.toInstant());
    }
}
