package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.procesregie.hub.carepath.TrajectSleutel;

/** Signals in PostgreSQL, on the caller's connection and transaction. */
public final class SignaalOpslag {

    /** Trajectories that raised zorgstapeling signals for a youth, and the highest ordinal signalled. */
    public record Oorzaken(Set<TrajectSleutel> trajecten, int hoogsteOrdinaal) {
    }

    /**
     * What a youth's earlier signals mean for the next message: the zorgstapeling causes, and the trajectories whose
     * residential care was signalled.
     */
    public record Geschiedenis(Oorzaken zorgstapeling, Set<TrajectSleutel> verblijf) {
    }

    /** The history of each youth given, in one round trip; a youth without signals has an empty one. */
    public Map<String, Geschiedenis> geschiedenis(Connection c, Collection<String> jeugdigen) throws SQLException {
        Map<String, Set<TrajectSleutel>> trajecten = new HashMap<>();
        Map<String, Integer> hoogste = new HashMap<>();
        Map<String, Set<TrajectSleutel>> verblijf = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select jeugdige, soort, aanbieder, product, volgnummer "
                + "from signaal where jeugdige = any(?::text[]) "
                + "and soort in ('VIERDE_TRAJECT', 'VERVOLG_TRAJECT', 'VERBLIJF')")) {
            ps.setArray(1, c.createArrayOf("text", jeugdigen.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String jeugdige = rs.getString(1);
                    TrajectSleutel sleutel = new TrajectSleutel(rs.getString(3), rs.getString(4));
                    if (SignaalSoort.VERBLIJF.name().equals(rs.getString(2))) {
                        if (sleutel.aanbieder() != null && sleutel.product() != null) {
                            verblijf.computeIfAbsent(jeugdige, j -> new HashSet<>()).add(sleutel);
                        }
                    } else {
                        trajecten.computeIfAbsent(jeugdige, j -> new HashSet<>()).add(sleutel);
                        hoogste.merge(jeugdige, rs.getInt(5), Math::max);
                    }
                }
            }
        }
        Map<String, Geschiedenis> perJeugdige = new HashMap<>();
        for (String j : jeugdigen) {
            perJeugdige.put(j, new Geschiedenis(new Oorzaken(trajecten.getOrDefault(j, Set.of()),
                    hoogste.getOrDefault(j, 0)), verblijf.getOrDefault(j, Set.of())));
        }
        return perJeugdige;
    }

    /** @return false when a signal with this key exists already: the guard against signalling twice */
    public boolean voegToe(Connection c, SignaalRij s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into signaal (signaal_id, signaal_sleutel, soort, "
                + "volgnummer, gemeente, jeugdige, aanbieder, product, toewijzingnummer, hernieuwd, historisch, "
                + "verzonden, beslis_op, tijdstip, basis_signaal_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "on conflict (signaal_sleutel) do nothing")) {
            ps.setObject(1, s.signaalId());
            ps.setString(2, s.sleutel());
            ps.setString(3, s.soort().name());
            ps.setObject(4, s.volgnummer(), Types.INTEGER);
            ps.setString(5, s.gemeente());
            ps.setString(6, s.jeugdige());
            ps.setString(7, s.aanbieder());
            ps.setString(8, s.product());
            ps.setString(9, s.toewijzingNummer());
            ps.setBoolean(10, s.hernieuwd());
            ps.setBoolean(11, s.historisch());
            ps.setObject(12, s.verzonden(), Types.BOOLEAN);
            ps.setTimestamp(13, s.beslisOp() == null ? null : Timestamp.from(s.beslisOp()));
            ps.setTimestamp(14, Timestamp.from(s.tijdstip()));
            ps.setObject(15, s.basisSignaalId());
            return ps.executeUpdate() == 1;
        }
    }

    /** A signal whose referrer wait is over, as a candidate: it is decided only under its youth's lock. */
    public record Wachtend(UUID signaalId, String jeugdige) {
    }

    /** An undecided signal under lock, with the decisions that failed on it so far. */
    public record Onbeslist(SignaalRij signaal, int pogingen) {
    }

    /** Signals whose referrer wait is over, unlocked: another hub instance may be deciding them right now. */
    public List<Wachtend> teBeslissen(Connection c, Instant nu, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select signaal_id, jeugdige from signaal "
                + "where verzonden is null and beslis_op <= ? order by beslis_op, signaal_id limit ?")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setInt(2, max);
            List<Wachtend> lijst = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lijst.add(new Wachtend(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
            return lijst;
        }
    }

    /**
     * Locks the signal if it is still undecided and due; empty when another hub instance decided it meanwhile or
     * put it off after a failure. The caller holds the youth's lock already, so this waits for nobody in practice.
     */
    public Optional<Onbeslist> vergrendelOnbeslist(Connection c, UUID signaalId, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + ", beslispogingen from signaal where signaal_id = ? "
                + "and verzonden is null and beslis_op <= ? for no key update")) {
            ps.setObject(1, signaalId);
            ps.setTimestamp(2, Timestamp.from(nu));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Onbeslist(rij(rs), rs.getInt(16))) : Optional.empty();
            }
        }
    }

    public void legBeslissingVast(Connection c, UUID signaalId, boolean verzonden, String reden) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update signaal set verzonden = ?, beslis_reden = ? where signaal_id = ?")) {
            ps.setBoolean(1, verzonden);
            ps.setString(2, reden);
            ps.setObject(3, signaalId);
            ps.executeUpdate();
        }
    }

    /** Records a failed decision; the signal is tried again from {@code volgendeOp}. */
    public void legMislukkingVast(Connection c, UUID signaalId, int pogingen, Instant volgendeOp, String reden)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update signaal set beslispogingen = ?, beslis_op = ?, beslis_reden = ? where signaal_id = ?")) {
            ps.setInt(1, pogingen);
            ps.setTimestamp(2, Timestamp.from(volgendeOp));
            ps.setString(3, reden);
            ps.setObject(4, signaalId);
            ps.executeUpdate();
        }
    }

    public Optional<SignaalRij> lees(Connection c, UUID signaalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " from signaal where signaal_id = ?")) {
            ps.setObject(1, signaalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rij(rs)) : Optional.empty();
            }
        }
    }

    /** The (aanbieder, product) causes of a youth's earlier signals of one kind. */
    public Set<TrajectSleutel> oorzakenVan(Connection c, String jeugdige, SignaalSoort soort) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select aanbieder, product from signaal "
                + "where jeugdige = ? and soort = ? and aanbieder is not null and product is not null")) {
            ps.setString(1, jeugdige);
            ps.setString(2, soort.name());
            Set<TrajectSleutel> sleutels = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sleutels.add(new TrajectSleutel(rs.getString(1), rs.getString(2)));
                }
            }
            return sleutels;
        }
    }

    private static final String SELECT = "select signaal_id, signaal_sleutel, soort, volgnummer, gemeente, jeugdige, "
            + "aanbieder, product, toewijzingnummer, hernieuwd, historisch, verzonden, beslis_op, tijdstip, "
            + "basis_signaal_id";

    private static SignaalRij rij(ResultSet rs) throws SQLException {
        Object verzonden = rs.getObject(12);
        Timestamp beslisOp = rs.getTimestamp(13);
        Object volgnummer = rs.getObject(4);
        return new SignaalRij(rs.getObject(1, UUID.class), rs.getString(2), SignaalSoort.valueOf(rs.getString(3)),
                volgnummer == null ? null : ((Number) volgnummer).intValue(), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11),
                (Boolean) verzonden, beslisOp == null ? null : beslisOp.toInstant(), rs.getTimestamp(14).toInstant(),
                rs.getObject(15, UUID.class));
    }
}
