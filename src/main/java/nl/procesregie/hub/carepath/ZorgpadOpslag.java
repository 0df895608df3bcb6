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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import nl.procesregie.hub.opslag.Kolommen;

/**
 * The care path in PostgreSQL. Every method works on the caller's connection: the unit of work owns the transaction,
 * so applying a message, its signals and its "already processed" record commit or roll back together.
 */
public final class ZorgpadOpslag {

    /** The stored facts of a youth that the signal rules need, read under a row lock. */
    public record JeugdigeStand(String pseudoniem, int hoogwatermerk, String voorletters, LocalDate geboortedatum) {
    }

    /**
     * A youth's row as the ingest batch holds it: the rule facts, where they came from, and whether procesregie runs.
     *
     * @param gegevensDagtekening the Dagtekening the facts came from: an older message does not overwrite them
     */
    public record JeugdigeRij(String pseudoniem, int hoogwatermerk, String voorletters, LocalDate geboortedatum,
                              String laatsteGemeente, LocalDate gegevensDagtekening, boolean onderRegie) {

        public JeugdigeStand stand() {
            return new JeugdigeStand(pseudoniem, hoogwatermerk, voorletters, geboortedatum);
        }

        /** What a message dated {@code dagtekening} tells, as {@link #werkJeugdigeBij} stores it. */
        public JeugdigeRij na(String voorletters, LocalDate geboortedatum, String gemeente, LocalDate dagtekening) {
            if (gegevensDagtekening != null && gegevensDagtekening.isAfter(dagtekening)) {
                return this;
            }
            return new JeugdigeRij(pseudoniem, hoogwatermerk, voorletters != null ? voorletters : this.voorletters,
                    geboortedatum != null ? geboortedatum : this.geboortedatum, gemeente, dagtekening, onderRegie);
        }

        public JeugdigeRij metHoogwatermerk(int merk) {
            return new JeugdigeRij(pseudoniem, merk, voorletters, geboortedatum, laatsteGemeente, gegevensDagtekening,
                    onderRegie);
        }

        public JeugdigeRij metOnderRegie(boolean onder) {
            return new JeugdigeRij(pseudoniem, hoogwatermerk, voorletters, geboortedatum, laatsteGemeente,
                    gegevensDagtekening, onder);
        }
    }

    /**
     * Creates missing youths and locks all of them, in pseudonym order so that concurrent transactions (other hub
     * instances, other partitions) wait for each other instead of deadlocking. Serialising per youth is what keeps two
     * instances from both firing, or both missing, a signal.
     */
    public Map<String, JeugdigeStand> vergrendel(Connection c, Collection<String> pseudoniemen, Instant nu) throws SQLException {
        Map<String, JeugdigeStand> standen = new HashMap<>();
        vergrendelRijen(c, pseudoniemen, nu).forEach((p, rij) -> standen.put(p, rij.stand()));
        return standen;
    }

    /** {@link #vergrendel}, returning the whole rows. */
    public Map<String, JeugdigeRij> vergrendelRijen(Connection c, Collection<String> pseudoniemen, Instant nu)
            throws SQLException {
        String[] gesorteerd = new TreeSet<>(pseudoniemen).toArray(String[]::new);
        Array array = c.createArrayOf("text", gesorteerd);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into jeugdige (pseudoniem, aangemaakt_op) select p, ? from unnest(?::text[]) as p "
                        + "order by p on conflict (pseudoniem) do nothing")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setArray(2, array);
            ps.executeUpdate();
        }
        Map<String, JeugdigeRij> rijen = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select pseudoniem, hoogwatermerk, voorletters, geboortedatum, laatste_gemeente, gegevens_dagtekening, "
                        + "onder_regie_sinds is not null from jeugdige "
                        + "where pseudoniem = any(?::text[]) order by pseudoniem for update")) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rijen.put(rs.getString(1), new JeugdigeRij(rs.getString(1), rs.getInt(2), rs.getString(3),
                            toLocalDate(rs.getDate(4)), rs.getString(5), toLocalDate(rs.getDate(6)), rs.getBoolean(7)));
                }
            }
        }
        return rijen;
    }

    /**
     * Writes what a batch changed of its youths' rows (facts and mark) in one statement. Leaves procesregie's own
     * columns alone: the batch may have brought a youth under procesregie meanwhile, through other statements.
     */
    public void bewaarJeugdigen(Connection c, Collection<JeugdigeRij> rijen, Instant nu) throws SQLException {
        var k = new Kolommen<>(c, rijen);
        try (PreparedStatement ps = c.prepareStatement("update jeugdige j set hoogwatermerk = v.merk, "
                + "voorletters = v.voorletters, geboortedatum = v.geboren, laatste_gemeente = v.gemeente, "
                + "gegevens_dagtekening = v.dag, laatste_bericht_op = ? "
                + "from unnest(?::text[], ?::text[]::int[], ?::text[], ?::text[]::date[], ?::text[], ?::text[]::date[]) "
                + "as v(pseudoniem, merk, voorletters, geboren, gemeente, dag) where j.pseudoniem = v.pseudoniem")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            k.zet(ps, 2, JeugdigeRij::pseudoniem, JeugdigeRij::hoogwatermerk, JeugdigeRij::voorletters,
                    JeugdigeRij::geboortedatum, JeugdigeRij::laatsteGemeente, JeugdigeRij::gegevensDagtekening);
            ps.executeUpdate();
        }
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

    /** The allocations stored under these (gemeente, ToewijzingNummer) pairs, whichever youth they belong to. */
    public List<ToewijzingStand> toewijzingenMetNummer(Connection c, Collection<List<String>> gemeenteEnNummer)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOEWIJZING_SELECT + " where (gemeente, toewijzingnummer) in "
                + "(select * from unnest(?::text[], ?::text[]))")) {
            ps.setArray(1, c.createArrayOf("text", gemeenteEnNummer.stream().map(p -> p.get(0)).toArray()));
            ps.setArray(2, c.createArrayOf("text", gemeenteEnNummer.stream().map(p -> p.get(1)).toArray()));
            return rijen(ps, ZorgpadOpslag::toewijzing);
        }
    }

    public List<ToewijzingStand> toewijzingenVan(Connection c, Collection<String> jeugdigen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOEWIJZING_SELECT + " where jeugdige = any(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", jeugdigen.toArray()));
            return rijen(ps, ZorgpadOpslag::toewijzing);
        }
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    private interface Rij<T> {
        T lees(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> rijen(PreparedStatement ps, Rij<T> rij) throws SQLException {
        List<T> lijst = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lijst.add(rij.lees(rs));
            }
        }
        return lijst;
    }

    public List<ToewijzingStand> toewijzingen(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TOEWIJZING_SELECT
                + " where jeugdige = ? order by toewijzingsmoment, gemeente, toewijzingnummer")) {
            ps.setString(1, jeugdige);
            return rijen(ps, ZorgpadOpslag::toewijzing);
        }
    }

    /**
     * Stores the latest versions of allocations, in one statement; each number at most once. Never moves an allocation
     * to another youth: that is a conflict, decided before this write.
     */
    public void bewaarToewijzingen(Connection c, Collection<ToewijzingStand> toewijzingen) throws SQLException {
        var k = new Kolommen<>(c, toewijzingen);
        Set<String> bewaard = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into toewijzing (gemeente, toewijzingnummer, jeugdige, aanbieder, categorie, code, product, "
                        + "toewijzingsmoment, ingangsdatum, einddatum, reden_wijziging) "
                        + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[], ?::text[]::timestamp[], ?::text[]::date[], ?::text[]::date[], ?::text[]) "
                        + "on conflict (gemeente, toewijzingnummer) do update set jeugdige = excluded.jeugdige, "
                        + "aanbieder = excluded.aanbieder, categorie = excluded.categorie, code = excluded.code, "
                        + "product = excluded.product, toewijzingsmoment = excluded.toewijzingsmoment, "
                        + "ingangsdatum = excluded.ingangsdatum, einddatum = excluded.einddatum, "
                        + "reden_wijziging = excluded.reden_wijziging "
                        + "where toewijzing.jeugdige = excluded.jeugdige "
                        + "returning gemeente, toewijzingnummer")) {
            // A LocalDateTime as text: Timestamp.valueOf would shift a time in the spring-forward gap.
            k.zet(ps, 1, ToewijzingStand::gemeente, ToewijzingStand::toewijzingNummer, ToewijzingStand::jeugdige,
                    ToewijzingStand::aanbieder, ToewijzingStand::categorie, ToewijzingStand::code,
                    ToewijzingStand::product, ToewijzingStand::toewijzingsmoment, ToewijzingStand::ingangsdatum,
                    ToewijzingStand::einddatum, ToewijzingStand::redenWijziging);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bewaard.add(rs.getString(1) + '\u0000' + rs.getString(2));
                }
            }
        }
        for (ToewijzingStand t : toewijzingen) {
            if (!bewaard.contains(t.gemeente() + '\u0000' + t.toewijzingNummer())) {
                // Another instance stored this number for another youth after our conflict check read it: retry the
                // whole unit of work, which then sees the other youth and parks the message as a conflict.
                throw new SQLException("toewijzing " + t.gemeente() + "/" + t.toewijzingNummer()
                        + " is tegelijk voor een andere jeugdige opgeslagen", "40001");
            }
        }
    }

    public List<LeveringStand> leveringenVan(Connection c, Collection<String> jeugdigen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEVERING_SELECT + " where jeugdige = any(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", jeugdigen.toArray()));
            return rijen(ps, ZorgpadOpslag::levering);
        }
    }

    public List<LeveringStand> leveringen(Connection c, String jeugdige) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEVERING_SELECT
                + " where jeugdige = ? order by begindatum, soort, aanbieder, toewijzingnummer, product")) {
            ps.setString(1, jeugdige);
            return rijen(ps, ZorgpadOpslag::levering);
        }
    }

    /** Stores the latest versions of starts and stops, in one statement; each at most once. */
    public void bewaarLeveringen(Connection c, Collection<LeveringStand> leveringen) throws SQLException {
        var k = new Kolommen<>(c, leveringen);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into levering (soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum, gemeente, "
                        + "categorie, code, einddatum, reden_beeindiging, inhoud_dagtekening, intrekking_dagtekening, "
                        + "intrekking_inhoud, ingetrokken) "
                        + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[]::date[], ?::text[], ?::text[], ?::text[], ?::text[]::date[], ?::text[], "
                        + "?::text[]::date[], ?::text[]::date[], ?::text[], ?::text[]::boolean[]) "
                        + "on conflict (soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum) do update set "
                        + "gemeente = excluded.gemeente, categorie = excluded.categorie, code = excluded.code, "
                        + "einddatum = excluded.einddatum, reden_beeindiging = excluded.reden_beeindiging, "
                        + "inhoud_dagtekening = excluded.inhoud_dagtekening, "
                        + "intrekking_dagtekening = excluded.intrekking_dagtekening, "
                        + "intrekking_inhoud = excluded.intrekking_inhoud, ingetrokken = excluded.ingetrokken")) {
            k.zet(ps, 1, LeveringStand::soort, LeveringStand::jeugdige, LeveringStand::aanbieder,
                    LeveringStand::toewijzingNummer, LeveringStand::product, LeveringStand::begindatum,
                    LeveringStand::gemeente, LeveringStand::categorie, LeveringStand::code, LeveringStand::einddatum,
                    LeveringStand::redenBeeindiging, LeveringStand::inhoudDagtekening,
                    LeveringStand::intrekkingDagtekening, LeveringStand::intrekkingInhoud, LeveringStand::ingetrokken);
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
     * The keys of the counting trajectories per youth, with the keys their care counted under before it was linked: a
     * signal's cause keeps its own key after it merged, and must still be found when that trajectory stops counting.
     */
    public Map<String, Set<TrajectSleutel>> tellendeTrajecten(Connection c, Collection<String> jeugdigen)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select jeugdige, aanbieder, product, herkomst from traject where jeugdige = any(?::text[]) and telt")) {
            ps.setArray(1, c.createArrayOf("text", jeugdigen.toArray()));
            Map<String, Set<TrajectSleutel>> perJeugdige = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<TrajectSleutel> sleutels = perJeugdige.computeIfAbsent(rs.getString(1), j -> new TreeSet<>());
                    sleutels.add(new TrajectSleutel(rs.getString(2), rs.getString(3)));
                    for (String eerder : (String[]) rs.getArray(4).getArray()) {
                        sleutels.add(herkomst(eerder));
                    }
                }
            }
            return perJeugdige;
        }
    }

    /** What {@link #tellendeTrajecten} reads back once {@code zorgpad} is stored. */
    public static Set<TrajectSleutel> tellendeTrajecten(Zorgpad zorgpad) {
        Set<TrajectSleutel> sleutels = new TreeSet<>();
        for (Traject t : zorgpad.tellend()) {
            sleutels.add(t.sleutel());
            sleutels.addAll(t.herkomst());
        }
        return sleutels;
    }

    private static String herkomst(TrajectSleutel h) {
        return h.aanbieder() + "|" + h.product();
    }

    private static TrajectSleutel herkomst(String opgeslagen) {
        int streep = opgeslagen.indexOf('|');
        return new TrajectSleutel(opgeslagen.substring(0, streep), opgeslagen.substring(streep + 1));
    }

    /** Replaces the stored trajectories of these youths by their care paths, in two statements. */
    public void vervangTrajecten(Connection c, Map<String, Zorgpad> zorgpaden) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from traject where jeugdige = any(?::text[])")) {
            ps.setArray(1, c.createArrayOf("text", zorgpaden.keySet().toArray()));
            ps.executeUpdate();
        }
        record Rij(String jeugdige, Traject t) {
        }
        List<Rij> rijen = new ArrayList<>();
        zorgpaden.forEach((j, z) -> z.trajecten().forEach(t -> rijen.add(new Rij(j, t))));
        if (rijen.isEmpty()) {
            return;
        }
        var k = new Kolommen<>(c, rijen);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into traject (jeugdige, aanbieder, product, gemeente, categorie, code, telt, eerste_datum, "
                        + "laatste_datum, herkomst) select j, a, p, g, cat, code, telt, eerste, laatste, "
                        + "string_to_array(h, chr(31)) "
                        + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[]::boolean[], ?::text[]::date[], ?::text[]::date[], ?::text[]) "
                        + "as v(j, a, p, g, cat, code, telt, eerste, laatste, h)")) {
            // One row's herkomst is a list of keys: it travels as one text, its keys apart by a unit separator.
            k.zet(ps, 1, Rij::jeugdige, r -> r.t().sleutel().aanbieder(), r -> r.t().sleutel().product(),
                    r -> r.t().gemeente(), r -> r.t().categorie(), r -> r.t().code(), r -> r.t().telt(),
                    r -> r.t().eersteDatum(), r -> r.t().laatsteDatum(),
                    r -> String.join("\u001f", r.t().herkomst().stream().map(ZorgpadOpslag::herkomst).sorted().toList()));
            ps.executeUpdate();
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
