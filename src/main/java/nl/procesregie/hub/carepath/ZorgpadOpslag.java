package nl.procesregie.hub.carepath;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The care path in PostgreSQL. Every method works on the caller's connection: the unit of work owns the transaction,
 * so applying a message, its signals and its "already processed" record commit or roll back together.
 */
public final class ZorgpadOpslag {

    /** The stored facts of a youth that the signal rules need, read under a row lock. */
    public record JeugdigeStand(String pseudoniem, int hoogwatermerk, String voorletters, LocalDate geboortedatum) {
    }

    /**
     * Creates missing youths and locks all of them, in pseudonym order so that concurrent transactions (other hub
     * instances, other partitions) wait for each other instead of deadlocking. Serialising per youth is what keeps two
     * instances from both firing, or both missing, a signal.
     */
    public Map<String, JeugdigeStand> vergrendel(Connection c, Collection<String> pseudoniemen, Instant nu) throws SQLException {
        String[] gesorteerd = new TreeSet<>(pseudoniemen).toArray(String[]::new);
        Array array = c.createArrayOf("text", gesorteerd);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into jeugdige (pseudoniem, aangemaakt_op) select p, ? from unnest(?::text[]) as p "
                        + "order by p on conflict (pseudoniem) do nothing")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setArray(2, array);
            ps.executeUpdate();
        }
        Map<String, JeugdigeStand> standen = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select pseudoniem, hoogwatermerk, voorletters, geboortedatum from jeugdige "
                        + "where pseudoniem = any(?::text[]) order by pseudoniem for update")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    standen.put(rs.getString(1), new JeugdigeStand(rs.getString(1), rs.getInt(2), rs.getString(3),
                            toLocalDate(rs.getDate(4))));
                }
            }
        }
        return standen;
    }

    /**
     * Records what a message told about the youth and returns the youth's facts afterwards. Facts follow the message
     * with the latest Dagtekening, whatever the arrival order; a message silent on a fact keeps the known one.
     */
    public JeugdigeStand werkJeugdigeBij(Connection c, String pseudoniem, String voorletters, LocalDate geboortedatum,
                                         String gemeente, LocalDate dagtekening, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update jeugdige set "
                        + "voorletters = case when nieuwer then coalesce(?, voorletters) else voorletters end, "
                        + "geboortedatum = case when nieuwer then coalesce(?, geboortedatum) else geboortedatum end, "
                        + "laatste_gemeente = case when nieuwer then ? else laatste_gemeente end, "
                        + "gegevens_dagtekening = greatest(gegevens_dagtekening, ?), laatste_bericht_op = ? "
                        + "from (select gegevens_dagtekening is null or gegevens_dagtekening <= ? as nieuwer "
                        + "      from jeugdige where pseudoniem = ?) v "
                        + "where pseudoniem = ? "
                        + "returning pseudoniem, hoogwatermerk, voorletters, geboortedatum")) {
            ps.setString(1, voorletters);
            ps.setDate(2, toSqlDate(geboortedatum));
            ps.setString(3, gemeente);
            ps.setDate(4, toSqlDate(dagtekening));
            ps.setTimestamp(5, Timestamp.from(nu));
            ps.setDate(6, toSqlDate(dagtekening));
            ps.setString(7, pseudoniem);
            ps.setString(8, pseudoniem);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("jeugdige ontbreekt terwijl die vergrendeld is");
                }
                return new JeugdigeStand(rs.getString(1), rs.getInt(2), rs.getString(3), toLocalDate(rs.getDate(4)));
            }
        }
    }

    public void zetHoogwatermerk(Connection c, String pseudoniem, int merk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update jeugdige set hoogwatermerk = ? where pseudoniem = ?")) {
            ps.setInt(1, merk);
            ps.setString(2, pseudoniem);
            ps.executeUpdate();
        }
    }

    /** @return true when the youth came under procesregie just now (it was not under it) */
    public boolean markeerOnderRegie(Connection c, String pseudoniem, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update jeugdige set onder_regie_sinds = ?, "
                + "regie_afgesloten_op = null where pseudoniem = ? and onder_regie_sinds is null")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setString(2, pseudoniem);
            return ps.executeUpdate() == 1;
        }
    }

    /** The youth leaves procesregie (waakvlam end, AFGESLOTEN). @return false when it was not under procesregie */
    public boolean sluitRegie(Connection c, String pseudoniem, Instant nu) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update jeugdige set onder_regie_sinds = null, "
                + "regie_afgesloten_op = ? where pseudoniem = ? and onder_regie_sinds is not null")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setString(2, pseudoniem);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * What procesregie needs to know of a youth beyond the care path.
     *
     * @param onderRegieSinds null when the youth is not under procesregie
     * @param laatsteGemeente the gemeente of the youth's most recent message: timer-driven signals go there
     */
    public record Regiestand(Instant onderRegieSinds, String laatsteGemeente) {
        public boolean onderRegie() {
            return onderRegieSinds != null;
        }
    }

    public Regiestand regiestand(Connection c, String pseudoniem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select onder_regie_sinds, laatste_gemeente from jeugdige where pseudoniem = ?")) {
            ps.setString(1, pseudoniem);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Regiestand(null, null);
                }
                Timestamp sinds = rs.getTimestamp(1);
                return new Regiestand(sinds == null ? null : sinds.toInstant(), rs.getString(2));
            }
        }
    }

    public Optional<ToewijzingStand> toewijzing(Connection c, String gemeente, String nummer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOEWIJZING_SELECT + " where gemeente = ? and toewijzingnummer = ?")) {
            ps.setString(1, gemeente);
            ps.setString(2, nummer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toewijzing(rs)) : Optional.empty();
            }
        }
    }

    public List<ToewijzingStand> toewijzingen(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOEWIJZING_SELECT
                + " where jeugdige = ? order by toewijzingsmoment, gemeente, toewijzingnummer")) {
            ps.setString(1, jeugdige);
            List<ToewijzingStand> lijst = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lijst.add(toewijzing(rs));
                }
            }
            return lijst;
        }
    }

    public void bewaar(Connection c, ToewijzingStand t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into toewijzing (gemeente, toewijzingnummer, jeugdige, aanbieder, categorie, code, product, "
                        + "toewijzingsmoment, ingangsdatum, einddatum, reden_wijziging) values (?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict (gemeente, toewijzingnummer) do update set jeugdige = excluded.jeugdige, "
                        + "aanbieder = excluded.aanbieder, categorie = excluded.categorie, code = excluded.code, "
                        + "product = excluded.product, toewijzingsmoment = excluded.toewijzingsmoment, "
                        + "ingangsdatum = excluded.ingangsdatum, einddatum = excluded.einddatum, "
                        + "reden_wijziging = excluded.reden_wijziging "
                        // Never move an allocation to another youth: that is a conflict, decided before this write.
                        + "where toewijzing.jeugdige = excluded.jeugdige")) {
            ps.setString(1, t.gemeente());
            ps.setString(2, t.toewijzingNummer());
            ps.setString(3, t.jeugdige());
            ps.setString(4, t.aanbieder());
            ps.setString(5, t.categorie());
            ps.setString(6, t.code());
            ps.setString(7, t.product());
            // A LocalDateTime as such: Timestamp.valueOf would shift a time in the spring-forward gap.
            ps.setObject(8, t.toewijzingsmoment());
            ps.setDate(9, toSqlDate(t.ingangsdatum()));
            ps.setDate(10, toSqlDate(t.einddatum()));
            ps.setString(11, t.redenWijziging());
            if (ps.executeUpdate() == 0) {
                // Another instance stored this number for another youth after our conflict check read it: retry the
                // whole unit of work, which then sees the other youth and parks the message as a conflict.
                throw new SQLException("toewijzing " + t.gemeente() + "/" + t.toewijzingNummer()
                        + " is tegelijk voor een andere jeugdige opgeslagen", "40001");
            }
        }
    }

    public Optional<LeveringStand> levering(Connection c, LeveringStand.Soort soort, String jeugdige, String aanbieder,
                                            String nummer, String product, LocalDate begindatum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEVERING_SELECT + " where soort = ? and jeugdige = ? "
                + "and aanbieder = ? and toewijzingnummer = ? and product = ? and begindatum = ?")) {
            ps.setString(1, soort.name());
            ps.setString(2, jeugdige);
            ps.setString(3, aanbieder);
            ps.setString(4, nummer);
            ps.setString(5, product);
            ps.setDate(6, toSqlDate(begindatum));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(levering(rs)) : Optional.empty();
            }
        }
    }

    public List<LeveringStand> leveringen(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEVERING_SELECT
                + " where jeugdige = ? order by begindatum, soort, aanbieder, toewijzingnummer, product")) {
            ps.setString(1, jeugdige);
            List<LeveringStand> lijst = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lijst.add(levering(rs));
                }
            }
            return lijst;
        }
    }

    public void bewaar(Connection c, LeveringStand l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into levering (soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum, gemeente, "
                        + "categorie, code, einddatum, reden_beeindiging, inhoud_dagtekening, intrekking_dagtekening, "
                        + "intrekking_inhoud, ingetrokken) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "on conflict (soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum) do update set "
                        + "gemeente = excluded.gemeente, categorie = excluded.categorie, code = excluded.code, "
                        + "einddatum = excluded.einddatum, reden_beeindiging = excluded.reden_beeindiging, "
                        + "inhoud_dagtekening = excluded.inhoud_dagtekening, "
                        + "intrekking_dagtekening = excluded.intrekking_dagtekening, "
                        + "intrekking_inhoud = excluded.intrekking_inhoud, ingetrokken = excluded.ingetrokken")) {
            ps.setString(1, l.soort().name());
            ps.setString(2, l.jeugdige());
            ps.setString(3, l.aanbieder());
            ps.setString(4, l.toewijzingNummer());
            ps.setString(5, l.product());
            ps.setDate(6, toSqlDate(l.begindatum()));
            ps.setString(7, l.gemeente());
            ps.setString(8, l.categorie());
            ps.setString(9, l.code());
            ps.setDate(10, toSqlDate(l.einddatum()));
            ps.setString(11, l.redenBeeindiging());
            ps.setDate(12, toSqlDate(l.inhoudDagtekening()));
            ps.setDate(13, toSqlDate(l.intrekkingDagtekening()));
            ps.setString(14, l.intrekkingInhoud());
            ps.setBoolean(15, l.ingetrokken());
            ps.executeUpdate();
        }
    }

    /** The latest JW315 for a trajectory decides its referrer. */
    public void bewaarVerzoek(Connection c, String jeugdige, String aanbieder, String product, String verwijzerType,
                              LocalDate dagtekening) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into verzoek (jeugdige, aanbieder, product, verwijzer_type, dagtekening) values (?,?,?,?,?) "
                        + "on conflict (jeugdige, aanbieder, product) do update set "
                        + "verwijzer_type = excluded.verwijzer_type, dagtekening = excluded.dagtekening "
                        + "where verzoek.dagtekening <= excluded.dagtekening")) {
            ps.setString(1, jeugdige);
            ps.setString(2, aanbieder);
            ps.setString(3, product);
            ps.setString(4, verwijzerType);
            ps.setDate(5, toSqlDate(dagtekening));
            ps.executeUpdate();
        }
    }

    public Optional<String> verwijzerType(Connection c, String jeugdige, String aanbieder, String product) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select verwijzer_type from verzoek where jeugdige = ? and aanbieder = ? and product = ?")) {
            ps.setString(1, jeugdige);
            ps.setString(2, aanbieder);
            ps.setString(3, product);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The keys of the counting trajectories, with the keys their care counted under before it was linked: a signal's
     * cause keeps its own key after it merged, and must still be found when that trajectory stops counting.
     */
    public Set<TrajectSleutel> tellendeTrajecten(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select aanbieder, product, herkomst from traject where jeugdige = ? and telt")) {
            ps.setString(1, jeugdige);
            Set<TrajectSleutel> sleutels = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sleutels.add(new TrajectSleutel(rs.getString(1), rs.getString(2)));
                    for (String eerder : (String[]) rs.getArray(3).getArray()) {
                        int streep = eerder.indexOf('|');
                        sleutels.add(new TrajectSleutel(eerder.substring(0, streep), eerder.substring(streep + 1)));
                    }
                }
            }
            return sleutels;
        }
    }

    public void vervangTrajecten(Connection c, String jeugdige, Zorgpad zorgpad) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from traject where jeugdige = ?")) {
            ps.setString(1, jeugdige);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into traject (jeugdige, aanbieder, product, gemeente, categorie, code, telt, eerste_datum, "
                        + "laatste_datum, herkomst) values (?,?,?,?,?,?,?,?,?,?)")) {
            for (Traject t : zorgpad.trajecten()) {
                ps.setString(1, jeugdige);
                ps.setString(2, t.sleutel().aanbieder());
                ps.setString(3, t.sleutel().product());
                ps.setString(4, t.gemeente());
                ps.setString(5, t.categorie());
                ps.setString(6, t.code());
                ps.setBoolean(7, t.telt());
                ps.setDate(8, toSqlDate(t.eersteDatum()));
                ps.setDate(9, toSqlDate(t.laatsteDatum()));
                ps.setArray(10, c.createArrayOf("text", t.herkomst().stream()
                        .map(h -> h.aanbieder() + "|" + h.product()).sorted().toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static final String TOEWIJZING_SELECT = "select gemeente, toewijzingnummer, jeugdige, aanbieder, categorie, "
            + "code, product, toewijzingsmoment, ingangsdatum, einddatum, reden_wijziging from toewijzing";

    private static ToewijzingStand toewijzing(ResultSet rs) throws SQLException {
        return new ToewijzingStand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, java.time.LocalDateTime.class), toLocalDate(rs.getDate(9)),
                toLocalDate(rs.getDate(10)), rs.getString(11));
    }

    private static final String LEVERING_SELECT = "select soort, aanbieder, toewijzingnummer, product, begindatum, "
            + "gemeente, jeugdige, categorie, code, einddatum, reden_beeindiging, inhoud_dagtekening, "
            + "intrekking_dagtekening, intrekking_inhoud from levering";

    private static LeveringStand levering(ResultSet rs) throws SQLException {
        return new LeveringStand(LeveringStand.Soort.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), toLocalDate(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), toLocalDate(rs.getDate(10)), rs.getString(11), toLocalDate(rs.getDate(12)),
                toLocalDate(rs.getDate(13)), rs.getString(14));
    }

    static Date toSqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static LocalDate toLocalDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
