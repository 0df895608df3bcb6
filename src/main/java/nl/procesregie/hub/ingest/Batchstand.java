package nl.procesregie.hub.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.procesregie.hub.carepath.LeveringStand;
import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeRij;
import nl.procesregie.hub.ijw.BerichtIdentiteit;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.opslag.Kolommen;
import nl.procesregie.hub.signals.RegieOpslag;
import nl.procesregie.hub.signals.SignaalOpslag;
import nl.procesregie.hub.signals.SignaalOpslag.Geschiedenis;

/**
 * What one batch holds of its youths: read in a handful of round trips at the start, under the youths' locks, then
 * kept current in memory while the batch's messages apply one by one. The care path's writes (youth facts and mark,
 * allocations, starts and stops, trajectories, the processed-message log) collect here and reach PostgreSQL together
 * in {@link #schrijfWeg}, at the end of the batch's transaction, so the usual allocation or start/stop costs no round
 * trip at all.
 * <p>
 * So, within an ingest transaction, no other code may read those tables: the signal code gets the care path from the
 * caller ({@code Regieplanning.Beeld}) and reads only its own tables (signals, crises, handovers, deadlines, outbox).
 * What it changes of a youth that the batch holds (its signals, its crises' trajectories, procesregie) is read again
 * with {@link #herlees}.
 */
final class Batchstand {

    private final ZorgpadOpslag zorgpaden;
    private final SignaalOpslag signalen;
    private final RegieOpslag regie;
    private final Instant nu;

    private final Map<String, JeugdigeRij> jeugdigen;
    private final Map<String, Map<String, ToewijzingStand>> toewijzingen = new HashMap<>();
    /** Every allocation the batch's JW301s name, whichever youth it belongs to: the conflict check reads it. */
    private final Map<String, ToewijzingStand> perNummer = new HashMap<>();
    private final Map<String, Map<String, LeveringStand>> leveringen = new HashMap<>();
    private final Map<String, Set<TrajectSleutel>> tellend;
    private final Map<String, Geschiedenis> geschiedenis;
    private final Map<String, Set<TrajectSleutel>> crisisTrajecten;
    private final Map<BerichtIdentiteit, byte[]> verwerkt;

    private final Set<String> gewijzigd = new LinkedHashSet<>();
    /** In key order: two instances writing the same numbers then wait for each other instead of deadlocking. */
    private final Map<String, ToewijzingStand> teBewarenToewijzingen = new TreeMap<>();
    private final Map<String, LeveringStand> teBewarenLeveringen = new LinkedHashMap<>();
    private final Map<String, Zorgpad> teBewarenZorgpaden = new LinkedHashMap<>();
    private final List<Registratie> teRegistreren = new ArrayList<>();

    private record Registratie(BerichtIdentiteit identiteit, byte[] hash, String jeugdige) {
    }

    /** Locks the youths (creating those not known yet) and reads what their messages will need. */
    Batchstand(Connection c, ZorgpadOpslag zorgpaden, SignaalOpslag signalen, RegieOpslag regie,
               List<IjwBericht> berichten, List<String> pseudoniemen, Instant nu) throws SQLException {
        this.zorgpaden = zorgpaden;
        this.signalen = signalen;
        this.regie = regie;
        this.nu = nu;
        this.jeugdigen = new HashMap<>(zorgpaden.vergrendelRijen(c, pseudoniemen, nu));
        Set<String> wie = jeugdigen.keySet();
        for (String j : wie) {
            toewijzingen.put(j, new HashMap<>());
            leveringen.put(j, new HashMap<>());
        }
        for (ToewijzingStand t : zorgpaden.toewijzingenVan(c, wie)) {
            toewijzingen.get(t.jeugdige()).put(nummerSleutel(t.gemeente(), t.toewijzingNummer()), t);
            perNummer.put(nummerSleutel(t.gemeente(), t.toewijzingNummer()), t);
        }
        List<List<String>> nummers = berichten.stream().filter(b -> b.soort() == BerichtSoort.JW301)
                .flatMap(b -> b.toewijzingen().stream().map(t -> List.of(b.gemeente(), t.toewijzingNummer())))
                .filter(p -> !perNummer.containsKey(nummerSleutel(p.get(0), p.get(1))))
                .distinct().toList();
        if (!nummers.isEmpty()) {
            for (ToewijzingStand t : zorgpaden.toewijzingenMetNummer(c, nummers)) {
                perNummer.put(nummerSleutel(t.gemeente(), t.toewijzingNummer()), t);
            }
        }
        for (LeveringStand l : zorgpaden.leveringenVan(c, wie)) {
            leveringen.get(l.jeugdige()).put(leveringSleutel(l), l);
        }
        this.tellend = new HashMap<>(zorgpaden.tellendeTrajecten(c, wie));
        this.geschiedenis = new HashMap<>(signalen.geschiedenis(c, wie));
        this.crisisTrajecten = new HashMap<>(regie.crisisTrajecten(c, wie));
        this.verwerkt = eerderVerwerkt(c, berichten);
    }

    /** The content hash a message with this identity was processed with, by this batch or before it. */
    Optional<byte[]> eerdereInhoud(BerichtIdentiteit identiteit) {
        return Optional.ofNullable(verwerkt.get(identiteit));
    }

    void registreer(BerichtIdentiteit identiteit, byte[] hash, String jeugdige) {
        verwerkt.put(identiteit, hash);
        teRegistreren.add(new Registratie(identiteit, hash, jeugdige));
    }

    JeugdigeRij jeugdige(String pseudoniem) {
        return jeugdigen.get(pseudoniem);
    }

    /** Records what a message told of the youth (see {@link JeugdigeRij#na}). */
    JeugdigeRij werkBij(String pseudoniem, IjwBericht b) {
        return zet(jeugdigen.get(pseudoniem).na(b.client().voorletters(), b.client().geboortedatum(), b.gemeente(),
                b.identiteit().dagtekening()));
    }

    JeugdigeRij zetHoogwatermerk(String pseudoniem, int merk) {
        return zet(jeugdigen.get(pseudoniem).metHoogwatermerk(merk));
    }

    private JeugdigeRij zet(JeugdigeRij rij) {
        jeugdigen.put(rij.pseudoniem(), rij);
        gewijzigd.add(rij.pseudoniem());
        return rij;
    }

    /** The allocation stored under this number, whichever youth it belongs to. */
    Optional<ToewijzingStand> toewijzing(String gemeente, String nummer) {
        return Optional.ofNullable(perNummer.get(nummerSleutel(gemeente, nummer)));
    }

    void bewaar(ToewijzingStand t) {
        String sleutel = nummerSleutel(t.gemeente(), t.toewijzingNummer());
        perNummer.put(sleutel, t);
        toewijzingen.get(t.jeugdige()).put(sleutel, t);
        teBewarenToewijzingen.put(sleutel, t);
    }

    Optional<LeveringStand> levering(String jeugdige, LeveringStand.Soort soort, String aanbieder, String nummer,
                                     String product, LocalDate begindatum) {
        return Optional.ofNullable(leveringen.get(jeugdige)
                .get(String.join("\u0000", soort.name(), aanbieder, nummer, product, String.valueOf(begindatum))));
    }

    void bewaar(LeveringStand l) {
        String sleutel = leveringSleutel(l);
        leveringen.get(l.jeugdige()).put(sleutel, l);
        teBewarenLeveringen.put(l.jeugdige() + '\u0000' + sleutel, l);
    }

    List<ToewijzingStand> toewijzingen(String jeugdige) {
        return new ArrayList<>(toewijzingen.get(jeugdige).values());
    }

    List<LeveringStand> leveringen(String jeugdige) {
        return new ArrayList<>(leveringen.get(jeugdige).values());
    }

    /** The counting trajectories as last stored, before the message at hand: see ZorgpadOpslag.tellendeTrajecten. */
    Set<TrajectSleutel> tellendeTrajecten(String jeugdige) {
        return tellend.getOrDefault(jeugdige, Set.of());
    }

    void vervangTrajecten(String jeugdige, Zorgpad zorgpad) {
        tellend.put(jeugdige, ZorgpadOpslag.tellendeTrajecten(zorgpad));
        teBewarenZorgpaden.put(jeugdige, zorgpad);
    }

    Geschiedenis geschiedenis(String jeugdige) {
        return geschiedenis.get(jeugdige);
    }

    Set<TrajectSleutel> crisisTrajecten(String jeugdige) {
        return crisisTrajecten.getOrDefault(jeugdige, Set.of());
    }

    boolean onderRegie(String jeugdige) {
        return jeugdigen.get(jeugdige).onderRegie();
    }

    /** Writes everything collected, in the batch's transaction: a handful of round trips, whatever its size. */
    void schrijfWeg(Connection c) throws SQLException {
        if (!gewijzigd.isEmpty()) {
            zorgpaden.bewaarJeugdigen(c, gewijzigd.stream().map(jeugdigen::get).toList(), nu);
            gewijzigd.clear();
        }
        if (!teBewarenToewijzingen.isEmpty()) {
            zorgpaden.bewaarToewijzingen(c, teBewarenToewijzingen.values());
            teBewarenToewijzingen.clear();
        }
        if (!teBewarenLeveringen.isEmpty()) {
            zorgpaden.bewaarLeveringen(c, teBewarenLeveringen.values());
            teBewarenLeveringen.clear();
        }
        if (!teBewarenZorgpaden.isEmpty()) {
            zorgpaden.vervangTrajecten(c, teBewarenZorgpaden);
            teBewarenZorgpaden.clear();
        }
        if (!teRegistreren.isEmpty()) {
            registreer(c, teRegistreren);
            teRegistreren.clear();
        }
    }

    /** Reads again what the signal code may have changed of the youth. */
    void herlees(Connection c, String jeugdige) throws SQLException {
        geschiedenis.putAll(signalen.geschiedenis(c, List.of(jeugdige)));
        crisisTrajecten.put(jeugdige, regie.crisisTrajecten(c, List.of(jeugdige)).getOrDefault(jeugdige, Set.of()));
        jeugdigen.put(jeugdige, jeugdigen.get(jeugdige)
                .metOnderRegie(zorgpaden.regiestand(c, jeugdige).onderRegie()));
    }

    private static String nummerSleutel(String gemeente, String nummer) {
        return gemeente + '\u0000' + nummer;
    }

    private static String leveringSleutel(LeveringStand l) {
        return String.join("\u0000", l.soort().name(), l.aanbieder(), l.toewijzingNummer(), l.product(),
                String.valueOf(l.begindatum()));
    }

    private static Map<BerichtIdentiteit, byte[]> eerderVerwerkt(Connection c, List<IjwBericht> berichten)
            throws SQLException {
        Map<BerichtIdentiteit, byte[]> gevonden = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select afzender, identificatie, dagtekening, inhoud_hash "
                + "from verwerkt_bericht where (afzender, identificatie, dagtekening) in "
                + "(select * from unnest(?::text[], ?::text[], ?::text[]::date[]))")) {
            new Kolommen<>(c, berichten).zet(ps, 1, b -> b.identiteit().afzender(),
                    b -> b.identiteit().identificatie(), b -> b.identiteit().dagtekening());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gevonden.put(new BerichtIdentiteit(rs.getString(1), rs.getString(2),
                            rs.getObject(3, LocalDate.class)), rs.getBytes(4));
                }
            }
        }
        return gevonden;
    }

    private void registreer(Connection c, List<Registratie> registraties) throws SQLException {
        var k = new Kolommen<>(c, registraties);
        try (PreparedStatement ps = c.prepareStatement("insert into verwerkt_bericht (afzender, identificatie, "
                + "dagtekening, inhoud_hash, jeugdige, verwerkt_op) select a, i, d, decode(h, 'hex'), j, ? "
                + "from unnest(?::text[], ?::text[], ?::text[]::date[], ?::text[], ?::text[]) as v(a, i, d, h, j)")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            k.zet(ps, 2, r -> r.identiteit().afzender(), r -> r.identiteit().identificatie(),
                    r -> r.identiteit().dagtekening(), r -> HexFormat.of().formatHex(r.hash()), Registratie::jeugdige);
            ps.executeUpdate();
        }
    }
}
