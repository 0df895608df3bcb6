package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.Traject;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.notify.RegieMail;
import nl.procesregie.hub.notify.ZorgpadRegel;
import nl.procesregie.hub.timers.Termijn;
import nl.procesregie.hub.timers.TermijnOpslag;
import nl.procesregie.hub.timers.Termijnkalender;

/**
 * Crisis placements and their Ronde Tafel deadline (CONTRACTS.md, "Deadlines"). One crisis per youth and gemeente
 * within 72 hours: its sources (a JW301/JW305 with a crisis product, a melding on regie.meldingen) merge, the earliest
 * moment wins, and a melding that names the route recomputes the deadline. A historical crisis (signal horizon) is
 * recorded and published but mails nobody and starts no deadline.
 */
public final class Crisisregie {

    private static final Logger LOG = LoggerFactory.getLogger(Crisisregie.class);
    static final Duration SAMENVOEGEN = Duration.ofHours(72);
    static final Duration RONDE_TAFEL = Duration.ofHours(24);
    public static final String VEILIG_THUIS = "veilig-thuis";
    private static final ZoneId ZONE = Termijnkalender.AMSTERDAM;

    /**
     * One source of a crisis.
     *
     * @param route      from a melding; null from iJw
     * @param referentie the back office's case reference; may be null
     * @param traject    the crisis trajectory iJw told of; null from a melding
     */
    public record Bron(Instant moment, String route, String referentie, Traject traject, boolean historisch) {
    }

    private final SignaalOpslag signalen;
    private final SignaalUitgifte uitgifte;
    private final RegieOpslag regie;
    private final TermijnOpslag termijnen;
    private final Regieplanning planning;

    public Crisisregie(SignaalOpslag signalen, SignaalUitgifte uitgifte, RegieOpslag regie, TermijnOpslag termijnen,
                       Regieplanning planning) {
        this.signalen = signalen;
        this.uitgifte = uitgifte;
        this.regie = regie;
        this.termijnen = termijnen;
        this.planning = planning;
    }

    /** The Ronde Tafel deadline: 24 elapsed hours, or 24 hours of working-day wall-clock time via Veilig Thuis. */
    public static Instant termijn(Termijnkalender kalender, Instant moment, String route) {
        return VEILIG_THUIS.equals(route) ? kalender.naWerkdagTijd(moment, RONDE_TAFEL)
                : kalender.naVerstrekenTijd(moment, RONDE_TAFEL);
    }

    /**
     * Applies one source of a crisis.
     *
     * @return the new crisis signal; empty when the source joined a known crisis
     */
    public Optional<SignaalRij> meld(Connection c, String jeugdige, GemeenteInstellingen g, Bron bron,
                                     Regieplanning.Beeld beeld, Instant nu) throws SQLException {
        if (bron.traject() != null) {
            Set<TrajectSleutel> bekend = regie.crisisTrajecten(c, List.of(jeugdige)).getOrDefault(jeugdige, Set.of());
            if (bekend.stream().anyMatch(bron.traject()::omvat)) {
                return Optional.empty();
            }
        }
        Optional<RegieOpslag.Crisis> bestaand = regie.crisisRond(c, jeugdige, g.code(), bron.moment(), SAMENVOEGEN);
        if (bestaand.isPresent()) {
            voegSamen(c, g, bestaand.get(), bron, nu);
            return Optional.empty();
        }
        RegieOpslag.Crisis crisis = nieuw(g, jeugdige, bron);
        String sleutel = sleutel(crisis.crisisId());
        Traject t = bron.traject();
        String nummer = t == null || t.toewijzingNummers().isEmpty() ? null
                : t.toewijzingNummers().get(t.toewijzingNummers().size() - 1);
        SignaalRij signaal = new SignaalRij(crisis.signaalId(), sleutel, SignaalSoort.CRISIS, null, g.code(), jeugdige,
                t == null ? null : t.sleutel().aanbieder(), t == null ? null : t.sleutel().product(), nummer, false,
                bron.historisch(), !bron.historisch(), null, nu, null);
        signalen.voegToe(c, signaal);
        regie.bewaar(c, crisis, nu);
        if (t != null) {
            regie.koppelTraject(c, jeugdige, t.sleutel(), crisis.crisisId());
        }
        if (!crisis.historisch()) {
            termijnen.plaats(c, Termijn.escalatie(jeugdige, crisis.signaalId(), 0,
                    Regieplanning.volgendeTrede(g, crisis.termijn(), 0)), nu);
        }
        uitgifte.geefRegieUit(c, signaal, g, List.of(g.regisseurEmail()), regel -> mailAanleiding(crisis, regel),
                Actie.RONDE_TAFEL_GEHOUDEN, crisis.signaalId(), beeld.zorgpad(), beeld.toewijzingen(), beeld.jeugdige());
        if (!crisis.historisch()) {
            planning.nieuweAanleiding(c, jeugdige, beeld.jeugdige().geboortedatum(), g, "een crisisplaatsing", nu);
        }
        LOG.info("Crisisplaatsing {} in gemeente {} ({}): Ronde Tafel uiterlijk {}", signaal.referentie(), g.code(),
                bron.route() == null ? "uit iJw" : bron.route(), crisis.termijn() == null ? "-" : crisis.termijn());
        return Optional.of(signaal);
    }

    private RegieOpslag.Crisis nieuw(GemeenteInstellingen g, String jeugdige, Bron bron) {
        UUID id = UUID.randomUUID();
        Instant termijn = bron.historisch() ? null
                : termijn(Regieplanning.kalender(g), bron.moment(), bron.route());
        return new RegieOpslag.Crisis(id, jeugdige, g.code(), bron.moment(), bron.route(),
                bron.route() == null ? null : bron.moment(), bron.referentie(), termijn, bron.historisch(),
                SignaalRij.idVoor(sleutel(id)));
    }

    private static String sleutel(UUID crisisId) {
        return "CRISIS|" + crisisId;
    }

    private void voegSamen(Connection c, GemeenteInstellingen g, RegieOpslag.Crisis k, Bron bron, Instant nu)
            throws SQLException {
        Instant moment = bron.moment().isBefore(k.moment()) ? bron.moment() : k.moment();
        String route = k.route();
        Instant routeMoment = k.routeMoment();
        // Of two meldingen naming a route, the one about the earliest moment tells how the youth was placed.
        if (bron.route() != null && (route == null || bron.moment().isBefore(routeMoment))) {
            route = bron.route();
            routeMoment = bron.moment();
        }
        String referentie = k.referentie() != null ? k.referentie() : bron.referentie();
        Instant termijn = k.historisch() ? null : termijn(Regieplanning.kalender(g), moment, route);
        regie.bewaar(c, new RegieOpslag.Crisis(k.crisisId(), k.jeugdige(), k.gemeente(), moment, route, routeMoment,
                referentie, termijn, k.historisch(), k.signaalId()), nu);
        if (bron.traject() != null) {
            regie.koppelTraject(c, k.jeugdige(), bron.traject().sleutel(), k.crisisId());
        }
        if (termijn != null && !termijn.equals(k.termijn())) {
            String trede0 = Termijn.escalatie(k.jeugdige(), k.signaalId(), 0, termijn).sleutel();
            if (termijnen.verzet(c, trede0, Regieplanning.volgendeTrede(g, termijn, 0))) {
                LOG.info("Crisisplaatsing in gemeente {}: termijn herberekend naar {} ({})", g.code(), termijn,
                        route == null ? "24 uur" : route);
            }
        }
    }

    /** The crisis as the mail tells it; {@code regel} is the crisis trajectory's row when iJw told of it. */
    static RegieMail.Crisis mailAanleiding(RegieOpslag.Crisis k, ZorgpadRegel regel) {
        return new RegieMail.Crisis(k.moment().atZone(ZONE), k.route(),
                k.termijn() == null ? null : k.termijn().atZone(ZONE), k.referentie(), regel);
    }
}
