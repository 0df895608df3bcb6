package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.procesregie.hub.carepath.Traject;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.Productsoorten;
import nl.procesregie.hub.notify.RegieMail;
import nl.procesregie.hub.timers.Termijnkalender;

/**
 * The signals an iJw message raises by the kind of care it shows (DOMAIN.md signals 2–4): residential care starting
 * (verblijf), a crisis product (crisisplaatsing), and for a youth under procesregie a handover (a perspective-offering
 * foster placement starts, or all care stopped). Only trajectories the message itself is about are looked at, so a
 * message about other care never raises a signal for an old trajectory. Runs in the unit of work's transaction.
 * <p>
 * In an ingest batch the care path's writes are still pending when this runs (see {@code ingest.Batchstand}): what it
 * needs of the care path comes in the {@link Regieplanning.Beeld}; it reads only the tables of signals, crises,
 * handovers, deadlines and the outbox, and of the youth only whether it is under procesregie.
 */
public final class Regiesignalering {

    private static final ZoneId ZONE = Termijnkalender.AMSTERDAM;

    /** What the message was. {@code trajecten}: the (aanbieder, product) keys it named. */
    public enum Soort { TOEWIJZING, START, STOP }

    private final SignaalOpslag signalen;
    private final SignaalUitgifte uitgifte;
    private final RegieOpslag regie;
    private final ZorgpadOpslag zorgpaden;
    private final Crisisregie crises;
    private final Regieplanning planning;

    public Regiesignalering(SignaalOpslag signalen, SignaalUitgifte uitgifte, RegieOpslag regie, ZorgpadOpslag zorgpaden,
                            Crisisregie crises, Regieplanning planning) {
        this.signalen = signalen;
        this.uitgifte = uitgifte;
        this.regie = regie;
        this.zorgpaden = zorgpaden;
        this.crises = crises;
        this.planning = planning;
    }

    /**
     * @param bekend when the hub counts the message as known: when it was read, at the latest the end of its
     *               Dagtekening; a crisis placement told only by iJw is dated so
     * @return the signals raised, in order
     */
    public List<SignaalRij> naBericht(Connection c, Soort soort, Collection<TrajectSleutel> trajecten,
                                      GemeenteInstellingen g, boolean historisch, Instant bekend,
                                      Regieplanning.Beeld beeld, Instant nu)
            throws SQLException {
        String jeugdige = beeld.jeugdige().pseudoniem();
        Productsoorten soorten = g.productsoorten();
        LocalDate vandaag = nu.atZone(ZONE).toLocalDate();
        List<Traject> genoemd = genoemd(trajecten, beeld);
        List<SignaalRij> uit = new ArrayList<>();
        if (soort != Soort.STOP) {
            for (Traject t : genoemd) {
                if (soorten.isCrisis(t.categorie(), t.code())) {
                    crises.meld(c, jeugdige, g, new Crisisregie.Bron(bekend, null, null, t, historisch), beeld, nu)
                            .ifPresent(uit::add);
                }
            }
            Set<TrajectSleutel> gesignaleerd = signalen.oorzakenVan(c, jeugdige, SignaalSoort.VERBLIJF);
            for (Traject t : genoemd) {
                if (soorten.isVerblijf(t.categorie(), t.code()) && gesignaleerd.stream().noneMatch(t::omvat)) {
                    verblijf(c, t, g, historisch, beeld, nu).ifPresent(uit::add);
                    gesignaleerd.add(t.sleutel());
                }
            }
        }
        if (!historisch && zorgpaden.regiestand(c, jeugdige).onderRegie()) {
            if (soort == Soort.START) {
                for (Traject t : genoemd) {
                    if (soorten.isPerspectiefbiedend(t.categorie(), t.code()) && t.zorgVan() != null) {
                        planning.startOverdracht(c, jeugdige, g, t.zorgVan(), RegieOpslag.OverdrachtReden.PLEEGZORG,
                                null, nu);
                    }
                }
            } else if (soort == Soort.STOP) {
                List<Traject> geldig = beeld.zorgpad().trajecten().stream().filter(Traject::geldig).toList();
                if (!geldig.isEmpty() && geldig.stream().noneMatch(t -> t.loopt(vandaag))) {
                    LocalDate laatste = geldig.stream().map(Traject::laatsteDatum).filter(Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElse(vandaag);
                    planning.startOverdracht(c, jeugdige, g, laatste, RegieOpslag.OverdrachtReden.ZORG_BEEINDIGD,
                            null, nu);
                }
            }
        }
        return uit;
    }

    /**
     * Whether {@link #naBericht} could do anything for this message, decided from what the caller holds in memory: a
     * batch skips the database for the usual message, which names no new crisis or residential care and comes for a
     * youth not under procesregie. Errs towards yes; a yes only costs the reads of {@code naBericht}.
     *
     * @param crisisBekend         the trajectories the youth's known crises were told by
     * @param verblijfGesignaleerd the causes of the youth's earlier VERBLIJF signals
     * @param onderRegie           whether the youth is under procesregie
     */
    public static boolean heeftWerk(Soort soort, Collection<TrajectSleutel> trajecten, GemeenteInstellingen g,
                                    boolean historisch, Regieplanning.Beeld beeld, Set<TrajectSleutel> crisisBekend,
                                    Set<TrajectSleutel> verblijfGesignaleerd, boolean onderRegie) {
        if (!historisch && onderRegie && soort != Soort.TOEWIJZING) {
            return true;
        }
        if (soort == Soort.STOP) {
            return false;
        }
        Productsoorten soorten = g.productsoorten();
        return genoemd(trajecten, beeld).stream().anyMatch(t ->
                soorten.isCrisis(t.categorie(), t.code()) && crisisBekend.stream().noneMatch(t::omvat)
                || soorten.isVerblijf(t.categorie(), t.code()) && verblijfGesignaleerd.stream().noneMatch(t::omvat));
    }

    private static List<Traject> genoemd(Collection<TrajectSleutel> trajecten, Regieplanning.Beeld beeld) {
        return beeld.zorgpad().trajecten().stream()
                .filter(Traject::geldig)
                .filter(t -> trajecten.stream().anyMatch(t::omvat))
                .sorted(Comparator.comparing(Traject::eersteDatum, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Traject::sleutel))
                .toList();
    }

    private Optional<SignaalRij> verblijf(Connection c, Traject t, GemeenteInstellingen g, boolean historisch,
                                Regieplanning.Beeld beeld, Instant nu) throws SQLException {
        String jeugdige = beeld.jeugdige().pseudoniem();
        LocalDate begin = t.eersteDatum() != null ? t.eersteDatum() : nu.atZone(ZONE).toLocalDate();
        LocalDate geboren = beeld.jeugdige().geboortedatum();
        boolean onderTwaalf = geboren != null && Period.between(geboren, begin).getYears() < 12;
        Productsoorten soorten = g.productsoorten();
        boolean naPleegzorg = beeld.zorgpad().trajecten().stream().anyMatch(a -> a.geldig() && a != t
                && soorten.isPleegzorg(a.categorie(), a.code()) && eerder(a, begin));
        boolean naCrisis = beeld.zorgpad().trajecten().stream().anyMatch(a -> a.geldig() && a != t
                && soorten.isCrisis(a.categorie(), a.code()) && eerder(a, begin))
                || regie.heeftCrisisVoor(c, jeugdige, nu);
        String sleutel = String.join("|", "VERBLIJF", jeugdige, t.sleutel().aanbieder(), t.sleutel().product());
        String nummer = t.toewijzingNummers().isEmpty() ? null
                : t.toewijzingNummers().get(t.toewijzingNummers().size() - 1);
        SignaalRij signaal = new SignaalRij(SignaalRij.idVoor(sleutel), sleutel, SignaalSoort.VERBLIJF, null, g.code(),
                jeugdige, t.sleutel().aanbieder(), t.sleutel().product(), nummer, false, historisch, !historisch, null,
                nu, null);
        if (!signalen.voegToe(c, signaal)) {
            return Optional.empty();
        }
        uitgifte.geefRegieUit(c, signaal, g, List.of(g.regisseurEmail()),
                regel -> new RegieMail.Verblijf(regel, onderTwaalf, naPleegzorg, naCrisis), Actie.SIGNAAL_OPGEPAKT,
                signaal.signaalId(), beeld.zorgpad(), beeld.toewijzingen(), beeld.jeugdige());
        if (!historisch) {
            planning.nieuweAanleiding(c, jeugdige, geboren, g, "verblijf", nu);
        }
        return Optional.of(signaal);
    }

    private static boolean eerder(Traject a, LocalDate begin) {
        return a.eersteDatum() == null || !a.eersteDatum().isAfter(begin);
    }
}
