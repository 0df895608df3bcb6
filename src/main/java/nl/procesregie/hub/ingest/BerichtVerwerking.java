package nl.procesregie.hub.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import nl.procesregie.hub.carepath.LeveringStand;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeRij;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.Levering;
import nl.procesregie.hub.ijw.Toewijzing;
import nl.procesregie.hub.ijw.VerzochtProduct;
import nl.procesregie.hub.signals.RegieOpslag;
import nl.procesregie.hub.signals.SignaalOpslag;
import nl.procesregie.hub.signals.SignaalRij;
import nl.procesregie.hub.signals.SignaalUitgifte;
import nl.procesregie.hub.signals.TrajectSignalering;
import nl.procesregie.hub.signals.Regieplanning;
import nl.procesregie.hub.signals.Regiesignalering;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.opslag.Transactie;

/**
 * The unit of work: applies a batch of parsed messages to the care path, decides their signals and fills the outbox,
 * in ONE PostgreSQL transaction together with the record of which messages were processed. Either all of it commits
 * or none of it does; the caller commits Kafka offsets only afterwards, so a redelivery finds the messages recorded and
 * changes nothing.
 */
public final class BerichtVerwerking {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** What became of one message of the batch. */
    public sealed interface Uitkomst {
        record Verwerkt(List<SignaalRij> signalen) implements Uitkomst {
        }

        record AlVerwerkt() implements Uitkomst {
        }

        record Conflict(String reden) implements Uitkomst {
        }
    }

    private final DataSource dataSource;
    private final ZorgpadOpslag zorgpaden;
    private final SignaalOpslag signalen;
    private final RegieOpslag regie;
    private final SignaalUitgifte uitgifte;
    private final RegioConfiguratie regio;
    private final Pseudonimisering pseudonimisering;
    private final Regiesignalering regiesignalering;
    private final Regieplanning planning;
    private final Clock klok;

    public BerichtVerwerking(DataSource dataSource, ZorgpadOpslag zorgpaden, SignaalOpslag signalen, RegieOpslag regie,
                             SignaalUitgifte uitgifte, RegioConfiguratie regio, Pseudonimisering pseudonimisering,
                             Regiesignalering regiesignalering, Regieplanning planning, Clock klok) {
        this.dataSource = dataSource;
        this.zorgpaden = zorgpaden;
        this.signalen = signalen;
        this.regie = regie;
        this.uitgifte = uitgifte;
        this.regio = regio;
        this.pseudonimisering = pseudonimisering;
        this.regiesignalering = regiesignalering;
        this.planning = planning;
        this.klok = klok;
    }

    /** @return one outcome per message, in the order given */
    public List<Uitkomst> verwerk(List<IjwBericht> berichten) throws SQLException {
        Instant nu = klok.instant();
        List<String> pseudoniemen = berichten.stream().map(b -> pseudonimisering.pseudoniem(b.client().bsn())).toList();
        return Transactie.in(dataSource, c -> {
            Batchstand stand = new Batchstand(c, zorgpaden, signalen, regie, berichten, pseudoniemen, nu);
            List<Uitkomst> uitkomsten = new ArrayList<>(berichten.size());
            for (int i = 0; i < berichten.size(); i++) {
                uitkomsten.add(pasToe(c, stand, berichten.get(i), pseudoniemen.get(i), nu));
            }
            stand.schrijfWeg(c);
            return uitkomsten;
        });
    }

    /** Whether the database answers: a failure while it does not is an outage, never a reason to park a record. */
    public boolean databaseBereikbaar() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Uitkomst pasToe(Connection c, Batchstand stand, IjwBericht b, String jeugdige, Instant nu)
            throws SQLException {
        byte[] hash = inhoudHash(b, jeugdige);
        Optional<byte[]> eerder = stand.eerdereInhoud(b.identiteit());
        if (eerder.isPresent()) {
            return Arrays.equals(eerder.get(), hash) ? new Uitkomst.AlVerwerkt()
                    : new Uitkomst.Conflict("Bericht " + b.identiteit().identificatie() + " van " + b.afzender()
                    + " met dagtekening " + b.identiteit().dagtekening() + " is eerder ontvangen met een andere inhoud");
        }
        GemeenteInstellingen gemeente = regio.gemeente(b.gemeente())
                .orElseThrow(() -> new IllegalStateException("gemeente " + b.gemeente() + " is niet geconfigureerd"));

        Optional<String> conflict = switch (b.soort()) {
            case JW301 -> pasToewijzingenToe(stand, b, jeugdige);
            case JW305, JW307 -> {
                pasLeveringenToe(stand, b, jeugdige);
                yield Optional.empty();
            }
            case JW315 -> {
                for (VerzochtProduct p : b.verzochteProducten()) {
                    zorgpaden.bewaarVerzoek(c, jeugdige, b.aanbieder(), p.product().sleutel(), p.verwijzerType(),
                            b.identiteit().dagtekening());
                }
                yield Optional.empty();
            }
        };
        if (conflict.isPresent()) {
            return new Uitkomst.Conflict(conflict.get());
        }
        stand.werkBij(jeugdige, b);
        stand.registreer(b.identiteit(), hash, jeugdige);
        if (b.soort() == BerichtSoort.JW315) {
            return new Uitkomst.Verwerkt(List.of());
        }
        return herbereken(c, stand, b, gemeente, jeugdige, nu);
    }

    /**
     * Checks every product before writing any, so a conflicting message leaves no trace; versions of one allocation
     * within the message fold one after another, as they would across messages.
     */
    private static Optional<String> pasToewijzingenToe(Batchstand stand, IjwBericht b, String jeugdige) {
        Map<String, ToewijzingStand> nieuw = new LinkedHashMap<>();
        for (Toewijzing t : b.toewijzingen()) {
            ToewijzingStand versie = new ToewijzingStand(b.gemeente(), t.toewijzingNummer(), jeugdige, b.aanbieder(),
                    t.product().categorie(), t.product().code(), t.product().sleutel(),
                    LocalDateTime.of(t.toewijzingsdatum(), t.toewijzingstijd()), t.ingangsdatum(), t.einddatum(),
                    t.redenWijziging());
            Optional<ToewijzingStand> opgeslagen = stand.toewijzing(b.gemeente(), t.toewijzingNummer());
            if (opgeslagen.isPresent() && !opgeslagen.get().jeugdige().equals(jeugdige)) {
                return Optional.of("ToewijzingNummer " + t.toewijzingNummer() + " van gemeente " + b.gemeente()
                        + " hoort al bij een andere jeugdige");
            }
            ToewijzingStand beste = nieuw.containsKey(t.toewijzingNummer()) ? nieuw.get(t.toewijzingNummer())
                    : opgeslagen.orElse(null);
            if (beste == null || beste.wordtVervangenDoor(versie)) {
                nieuw.put(t.toewijzingNummer(), versie);
            }
        }
        nieuw.values().forEach(stand::bewaar);
        return Optional.empty();
    }

    /** Versions of one start/stop within the message fold one after another, as they would across messages. */
    private static void pasLeveringenToe(Batchstand stand, IjwBericht b, String jeugdige) {
        LeveringStand.Soort soort = b.soort() == BerichtSoort.JW305 ? LeveringStand.Soort.START : LeveringStand.Soort.STOP;
        Map<String, LeveringStand> nieuw = new LinkedHashMap<>();
        for (Levering l : b.leveringen()) {
            String nummer = l.toewijzingNummer() == null ? "" : l.toewijzingNummer();
            LeveringStand versie = LeveringStand.uitBericht(soort, b.aanbieder(), nummer, l.product().sleutel(),
                    l.begindatum(), b.gemeente(), jeugdige, l.product().categorie(), l.product().code(), l.einddatum(),
                    l.redenBeeindiging(), l.isIntrekking(), b.identiteit().dagtekening());
            String sleutel = String.join("\u0000", nummer, versie.product(), String.valueOf(l.begindatum()));
            LeveringStand huidig = nieuw.get(sleutel);
            if (huidig == null) {
                huidig = stand.levering(jeugdige, soort, b.aanbieder(), nummer, versie.product(), l.begindatum())
                        .orElse(null);
            }
            nieuw.put(sleutel, huidig == null ? versie : huidig.volgende(versie));
        }
        nieuw.values().forEach(stand::bewaar);
    }

    /**
     * The care path after the message, and its signals. The usual message raises none and costs no round trip; for one
     * that may, the signal code runs against its own tables (see {@link Batchstand}).
     */
    private Uitkomst herbereken(Connection c, Batchstand stand, IjwBericht b, GemeenteInstellingen gemeente,
                                String jeugdige, Instant nu) throws SQLException {
        JeugdigeRij rij = stand.jeugdige(jeugdige);
        Regieplanning.Beeld beeld = planning.beeld(stand.toewijzingen(jeugdige), stand.leveringen(jeugdige),
                rij.stand());
        Zorgpad zorgpad = beeld.zorgpad();
        SignaalOpslag.Oorzaken oorzaken = stand.geschiedenis(jeugdige).zorgstapeling();
        LocalDate vandaag = nu.atZone(ZONE).toLocalDate();
        TrajectSignalering.Besluit besluit = TrajectSignalering.beslis(new TrajectSignalering.Invoer(zorgpad,
                rij.hoogwatermerk(), stand.tellendeTrajecten(jeugdige), oorzaken.trajecten(),
                oorzaken.hoogsteOrdinaal(), gemeente.drempel(), gemeente.terugkijkperiode(), vandaag));
        stand.vervangTrajecten(jeugdige, zorgpad);
        if (besluit.hoogwatermerk() != rij.hoogwatermerk()) {
            rij = stand.zetHoogwatermerk(jeugdige, besluit.hoogwatermerk());
        }
        boolean historisch = b.identiteit().dagtekening().isBefore(vandaag.minus(gemeente.signaalhorizon()));
        List<SignaalRij> uit = new ArrayList<>();
        if (besluit.signaal().isPresent()) {
            trajectSignaal(c, besluit.signaal().get(), gemeente, historisch, zorgpad, beeld.toewijzingen(),
                    rij.stand(), nu).ifPresent(uit::add);
            // A sent signal brings the youth under procesregie, which decides what this same message does next.
            stand.herlees(c, jeugdige);
        }
        Regiesignalering.Soort soort = soort(b.soort());
        List<TrajectSleutel> trajecten = trajecten(b);
        if (Regiesignalering.heeftWerk(soort, trajecten, gemeente, historisch, beeld,
                stand.crisisTrajecten(jeugdige), stand.geschiedenis(jeugdige).verblijf(), stand.onderRegie(jeugdige))) {
            // What the message tells is known from when it was sent: a backlog or a replay must not move a crisis
            // placement to the moment it happens to be read. iJw gives only the Dagtekening, so its end is the bound.
            Instant bekend = Collections.min(List.of(nu,
                    b.identiteit().dagtekening().plusDays(1).atStartOfDay(ZONE).toInstant()));
            uit.addAll(regiesignalering.naBericht(c, soort, trajecten, gemeente, historisch, bekend, beeld, nu));
            stand.herlees(c, jeugdige);
        }
        return new Uitkomst.Verwerkt(uit);
    }

    private Optional<SignaalRij> trajectSignaal(Connection c, TrajectSignalering.Signaal s, GemeenteInstellingen gemeente,
                                                boolean historisch, Zorgpad zorgpad, List<ToewijzingStand> toewijzingen,
                                                JeugdigeStand stand, Instant nu) throws SQLException {
        String jeugdige = stand.pseudoniem();
        Boolean verzonden = historisch ? Boolean.FALSE : gemeente.verwijzers().isPresent() ? null : Boolean.TRUE;
        String sleutel = String.join("|", "TRAJECT", jeugdige, String.valueOf(s.volgnummer()),
                s.aanleiding().sleutel().aanbieder(), s.aanleiding().sleutel().product());
        String nummer = s.aanleiding().toewijzingNummers().isEmpty() ? null
                : s.aanleiding().toewijzingNummers().get(s.aanleiding().toewijzingNummers().size() - 1);
        SignaalRij rij = new SignaalRij(SignaalRij.idVoor(sleutel), sleutel, s.soort(), s.volgnummer(), gemeente.code(),
                jeugdige, s.aanleiding().sleutel().aanbieder(), s.aanleiding().sleutel().product(), nummer,
                s.hernieuwd(), historisch, verzonden, verzonden == null ? nu.plus(gemeente.verwijzerwachttijd()) : null, nu,
                null);
        if (!signalen.voegToe(c, rij)) {
            return Optional.empty();
        }
        if (verzonden != null) {
            uitgifte.geefUit(c, rij, gemeente, zorgpad, toewijzingen, stand);
        }
        if (historisch) {
            planning.onderRegie(c, jeugdige, stand.geboortedatum(), gemeente, nu);
        } else if (Boolean.TRUE.equals(verzonden)) {
            planning.nieuweAanleiding(c, jeugdige, stand.geboortedatum(), gemeente, "een nieuw traject", nu);
        }
        return Optional.of(rij);
    }

    private static Regiesignalering.Soort soort(BerichtSoort soort) {
        return switch (soort) {
            case JW301 -> Regiesignalering.Soort.TOEWIJZING;
            case JW305 -> Regiesignalering.Soort.START;
            case JW307 -> Regiesignalering.Soort.STOP;
            // A JW315 changes no trajectory: it is applied before the care path is recomputed.
            case JW315 -> throw new IllegalArgumentException("een JW315 wordt niet herberekend");
        };
    }

    /** The trajectories the message is about, by the keys its products name. */
    private static List<TrajectSleutel> trajecten(IjwBericht b) {
        List<TrajectSleutel> lijst = new ArrayList<>();
        b.toewijzingen().forEach(t -> lijst.add(new TrajectSleutel(b.aanbieder(), t.product().sleutel())));
        b.leveringen().forEach(l -> lijst.add(new TrajectSleutel(b.aanbieder(), l.product().sleutel())));
        return lijst;
    }

    /**
     * A digest of what the hub read from the message, not of its bytes: the same message re-serialised (other
     * prefixes, whitespace, products in another order) is the same message. The youth enters as its pseudonym; the BSN is never part of a record's
     * text form.
     */
    private static String gesorteerd(List<?> lijst) {
        return lijst.stream().map(String::valueOf).sorted().toList().toString();
    }

    static byte[] inhoudHash(IjwBericht b, String jeugdige) {
        String inhoud = String.join("\n", b.soort().name(), b.afzender(), b.ontvanger(), jeugdige,
                String.valueOf(b.client().geboortedatum()), String.valueOf(b.client().voorletters()),
                gesorteerd(b.toewijzingen()), gesorteerd(b.leveringen()), gesorteerd(b.verzochteProducten()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(inhoud.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
