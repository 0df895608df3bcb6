package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.config.Regietermijnen;
import nl.procesregie.hub.notify.RegieMail;
import nl.procesregie.hub.notify.ZorgpadRegel;
import nl.procesregie.hub.opslag.Foutspoor;
import nl.procesregie.hub.opslag.Transactie;
import nl.procesregie.hub.timers.Termijn;
import nl.procesregie.hub.timers.TermijnOpslag;
import nl.procesregie.hub.timers.TermijnSoort;
import nl.procesregie.hub.timers.Termijnkalender;

/**
 * What happens when a deadline passes: an escalation rung, the one-month reminder, the waakvlam's end, the 16th
 * birthday or 18 approaching. Each deadline is handled in one transaction under its youth's lock, which also marks it
 * handled: a trigger that fires twice, on two instances, or late after downtime acts exactly once.
 */
public final class TermijnAfhandeling {

    private static final Logger LOG = LoggerFactory.getLogger(TermijnAfhandeling.class);
    private static final ZoneId ZONE = Termijnkalender.AMSTERDAM;
    private static final Duration VROEG = Duration.ofMillis(100);

    private final DataSource dataSource;
    private final TermijnOpslag termijnen;
    private final ZorgpadOpslag zorgpaden;
    private final SignaalOpslag signalen;
    private final SignaalUitgifte uitgifte;
    private final RegieOpslag regie;
    private final Regieplanning planning;
    private final RegioConfiguratie regio;
    private final Duration inhaalmarge;
    private final Clock klok;

    public TermijnAfhandeling(DataSource dataSource, TermijnOpslag termijnen, ZorgpadOpslag zorgpaden,
                              SignaalOpslag signalen, SignaalUitgifte uitgifte, RegieOpslag regie,
                              Regieplanning planning, RegioConfiguratie regio, Duration inhaalmarge, Clock klok) {
        this.dataSource = dataSource;
        this.termijnen = termijnen;
        this.zorgpaden = zorgpaden;
        this.signalen = signalen;
        this.uitgifte = uitgifte;
        this.regie = regie;
        this.planning = planning;
        this.regio = regio;
        this.inhaalmarge = inhaalmarge;
        this.klok = klok;
    }

    /**
     * Handles the deadline with this key if it is open and due; a wake-up before its moment (it was moved) asks for
     * the trigger to be planned again.
     *
     * @return whether this call handled it
     */
    public boolean verloop(String sleutel) throws SQLException {
        return Transactie.in(dataSource, c -> verloop(c, sleutel));
    }

    /**
     * The catch-up round: deadlines Quartz should have fired a while ago (a failed job, a trigger lost with a crash
     * between commit and planning) are handled here.
     */
    public int haalIn() throws SQLException {
        List<TermijnOpslag.Stand> achterstallig;
        try (Connection c = dataSource.getConnection()) {
            achterstallig = termijnen.achterstallig(c, klok.instant().minus(inhaalmarge), 100);
        }
        int afgehandeld = 0;
        SQLException storing = null;
        for (TermijnOpslag.Stand s : achterstallig) {
            // One deadline that keeps failing must not hold back the others behind it.
            try {
                if (verloop(s.termijn().sleutel())) {
                    LOG.warn("Termijn {} ({}) ingehaald: de tijdplanner had hem niet afgehandeld",
                            s.termijn().sleutel(), s.termijn().vervaltOp());
                    afgehandeld++;
                }
            } catch (SQLException e) {
                storing = e;
            } catch (RuntimeException e) {
                LOG.error("Termijn {} kon niet worden afgehandeld: {}", s.termijn().sleutel(), Foutspoor.van(e));
            }
        }
        if (storing != null) {
            throw storing;
        }
        return afgehandeld;
    }

    private boolean verloop(Connection c, String sleutel) throws SQLException {
        Optional<TermijnOpslag.Stand> vooraf = termijnen.lees(c, sleutel);
        if (vooraf.isEmpty() || vooraf.get().status() != TermijnOpslag.Status.OPEN) {
            return false;
        }
        Instant nu = klok.instant();
        // The youth's lock first, as every unit of work takes it, then the deadline's own row.
        JeugdigeStand jeugdige = zorgpaden.vergrendel(c, List.of(vooraf.get().termijn().jeugdige()), nu)
                .get(vooraf.get().termijn().jeugdige());
        Optional<TermijnOpslag.Stand> stand = termijnen.vergrendel(c, sleutel);
        if (stand.isEmpty() || stand.get().status() != TermijnOpslag.Status.OPEN) {
            return false;
        }
        Termijn t = stand.get().termijn();
        // Quartz may fire a few milliseconds early; a wake-up well before the moment means the deadline was moved.
        if (t.vervaltOp().isAfter(nu.plus(VROEG))) {
            termijnen.planOpnieuw(c, sleutel);
            return false;
        }
        String reden = switch (t.soort()) {
            case ESCALATIE -> escaleer(c, t, jeugdige, nu);
            case OPVOLGING -> herinner(c, t, jeugdige, nu);
            case WAAKVLAM -> sluitWaakvlam(c, t, nu);
            case LEEFTIJD_16, LEEFTIJD_18 -> leeftijd(c, t, jeugdige, nu);
        };
        if (reden == null) {
            termijnen.afgegaan(c, sleutel, "afgehandeld", nu);
        } else {
            termijnen.vervallen(c, sleutel, reden, nu);
            LOG.info("Termijn {} vervallen: {}", sleutel, reden);
        }
        return true;
    }

    /** @return null when the rung was sent; else why it lapsed */
    private String escaleer(Connection c, Termijn t, JeugdigeStand jeugdige, Instant nu) throws SQLException {
        Optional<SignaalRij> basis = signalen.lees(c, t.signaalId());
        if (basis.isEmpty()) {
            return "het signaal bestaat niet meer";
        }
        SignaalRij b = basis.get();
        Actie stopt = b.soort().bevestiging().orElseThrow(
                () -> new IllegalStateException("een signaal " + b.soort() + " heeft geen termijn om te escaleren"));
        if (regie.isBevestigd(c, b.signaalId(), stopt)) {
            return "bevestigd: " + stopt.knop();
        }
        GemeenteInstellingen g = verantwoordelijk(c, t.jeugdige(), b.gemeente());
        Function<ZorgpadRegel, RegieMail.Aanleiding> basisAanleiding;
        Instant termijn;
        if (b.soort() == SignaalSoort.CRISIS) {
            RegieOpslag.Crisis crisis = regie.crisisVanSignaal(c, b.signaalId()).orElse(null);
            if (crisis == null || crisis.termijn() == null) {
                return "geen crisis met termijn bij dit signaal";
            }
            termijn = crisis.termijn();
            basisAanleiding = regel -> Crisisregie.mailAanleiding(crisis, regel);
        } else {
            RegieOpslag.Overdracht o = overdrachtVan(c, b).orElse(null);
            if (o == null || o.afgeslotenOp() != null) {
                return "de overdracht is afgesloten";
            }
            RegieMail.Opvolging opvolging = opvolging(g, o, b.tijdstip());
            termijn = opvolging.checkUiterlijk().toInstant();
            basisAanleiding = regel -> opvolging;
        }
        int trede = t.trede();
        // A rung handled late (downtime, a crisis learned after its deadline) counts its interval from now: the
        // rungs it missed are not sent in one burst.
        Instant opTijd = Regieplanning.volgendeTrede(g, t.vervaltOp(), trede + 1);
        Instant volgende = opTijd.isAfter(nu) ? opTijd : Regieplanning.volgendeTrede(g, nu, trede + 1);
        // The rung's signal has the rung's deadline key: one signal, one mail per rung.
        SignaalRij escalatie = new SignaalRij(SignaalRij.idVoor(t.sleutel()), t.sleutel(), SignaalSoort.ESCALATIE,
                trede + 1, g.code(), b.jeugdige(), b.aanbieder(), b.product(), b.toewijzingNummer(), false, false,
                true, null, nu, b.signaalId());
        if (!signalen.voegToe(c, escalatie)) {
            return "escalatie " + (trede + 1) + " was al gegeven";
        }
        termijnen.plaats(c, Termijn.escalatie(t.jeugdige(), b.signaalId(), trede + 1, volgende), nu);
        Regieplanning.Beeld beeld = planning.beeld(c, jeugdige);
        uitgifte.geefRegieUit(c, escalatie, g, g.termijnen().trede(trede).ontvangers(),
                regel -> new RegieMail.Escalatie(basisAanleiding.apply(regel), b.referentie(), trede,
                        termijn.atZone(ZONE), volgende.atZone(ZONE)),
                stopt, b.signaalId(), beeld.zorgpad(), beeld.toewijzingen(), jeugdige);
        LOG.info("Escalatie {} van signaal {} ({}) in gemeente {}; volgende op {}", trede + 1, b.referentie(), b.soort(),
                b.gemeente(), volgende);
        return null;
    }

    private String herinner(Connection c, Termijn t, JeugdigeStand jeugdige, Instant nu) throws SQLException {
        RegieOpslag.Overdracht o = regie.overdracht(c, t.overdrachtId()).orElse(null);
        if (o == null || o.afgeslotenOp() != null) {
            return "de overdracht is afgesloten";
        }
        GemeenteInstellingen g = verantwoordelijk(c, t.jeugdige(), o.gemeente());
        String sleutel = t.sleutel();
        SignaalRij signaal = new SignaalRij(SignaalRij.idVoor(sleutel), sleutel, SignaalSoort.OPVOLGING, null,
                g.code(), t.jeugdige(), null, null, null, false, false, true, null, nu, null);
        if (!signalen.voegToe(c, signaal)) {
            return "de herinnering was al gegeven";
        }
        RegieMail.Opvolging aanleiding = opvolging(g, o, nu);
        termijnen.plaats(c, Termijn.escalatie(t.jeugdige(), signaal.signaalId(), 0,
                Regieplanning.volgendeTrede(g, aanleiding.checkUiterlijk().toInstant(), 0)), nu);
        Regieplanning.Beeld beeld = planning.beeld(c, jeugdige);
        uitgifte.geefRegieUit(c, signaal, g, List.of(g.regisseurEmail()), regel -> aanleiding, Actie.CHECK_GEDAAN,
                signaal.signaalId(), beeld.zorgpad(), beeld.toewijzingen(), jeugdige);
        return null;
    }

    private String sluitWaakvlam(Connection c, Termijn t, Instant nu) throws SQLException {
        RegieOpslag.Overdracht o = regie.overdracht(c, t.overdrachtId()).orElse(null);
        if (o == null || o.afgeslotenOp() != null) {
            return "de overdracht was al afgesloten";
        }
        // Closing lapses every other open deadline of the youth, this one excepted: it is marked handled below.
        termijnen.afgegaan(c, t.sleutel(), "afgehandeld", nu);
        planning.sluitRegie(c, t.jeugdige(), "waakvlam beëindigd", nu);
        LOG.info("Waakvlam beëindigd na overdracht van {} in gemeente {}; procesregie afgesloten", o.datum(),
                o.gemeente());
        return null;
    }

    private String leeftijd(Connection c, Termijn t, JeugdigeStand jeugdige, Instant nu) throws SQLException {
        ZorgpadOpslag.Regiestand stand = zorgpaden.regiestand(c, t.jeugdige());
        if (!stand.onderRegie()) {
            return "de jeugdige staat niet (meer) onder procesregie";
        }
        Regieplanning.Beeld beeld = planning.beeld(c, jeugdige);
        LocalDate vandaag = nu.atZone(ZONE).toLocalDate();
        if (beeld.zorgpad().trajecten().stream().noneMatch(tr -> tr.geldig() && tr.loopt(vandaag))) {
            return "er loopt geen zorg meer";
        }
        if (jeugdige.geboortedatum() == null || stand.laatsteGemeente() == null) {
            return "geboortedatum of gemeente onbekend";
        }
        GemeenteInstellingen g = gemeente(stand.laatsteGemeente());
        int leeftijd = t.soort() == TermijnSoort.LEEFTIJD_16 ? 16 : 18;
        LocalDate verjaardag = LocalDate.ofInstant(
                Regieplanning.kalender(g).verjaardag(jeugdige.geboortedatum(), leeftijd, g.termijnen().herinneringstijd()),
                ZONE);
        String sleutel = t.sleutel();
        SignaalRij signaal = new SignaalRij(SignaalRij.idVoor(sleutel), sleutel,
                leeftijd == 16 ? SignaalSoort.LEEFTIJD_16 : SignaalSoort.LEEFTIJD_18, null, g.code(), t.jeugdige(),
                null, null, null, false, false, true, null, nu, null);
        if (!signalen.voegToe(c, signaal)) {
            return "het signaal was al gegeven";
        }
        uitgifte.geefRegieUit(c, signaal, g, List.of(g.regisseurEmail()),
                regel -> new RegieMail.Leeftijd(leeftijd, verjaardag), Actie.SIGNAAL_OPGEPAKT, signaal.signaalId(),
                beeld.zorgpad(), beeld.toewijzingen(), jeugdige);
        return null;
    }

    /**
     * The moment an unconfirmed one-month check escalates: the configured working days after the reminder. A reminder
     * sent late (a handover reported weeks after the fact) leaves the regisseur those working days from when it came.
     */
    private static Instant checkUiterlijk(GemeenteInstellingen g, LocalDate overdracht, Instant herinnerdOp) {
        Regietermijnen t = g.termijnen();
        Termijnkalender kalender = Regieplanning.kalender(g);
        Instant gepland = kalender.opvolgingsCheck(overdracht, t.herinneringstijd());
        return kalender.werkdagenNa(herinnerdOp.isAfter(gepland) ? herinnerdOp : gepland, t.checkwerkdagen(),
                t.herinneringstijd());
    }

    private static RegieMail.Opvolging opvolging(GemeenteInstellingen g, RegieOpslag.Overdracht o,
                                                 Instant herinnerdOp) {
        Instant einde = Regieplanning.kalender(g).waakvlamEinde(o.datum(), g.termijnen().herinneringstijd());
        return new RegieMail.Opvolging(o.datum(), reden(o.reden()),
                checkUiterlijk(g, o.datum(), herinnerdOp).atZone(ZONE), LocalDate.ofInstant(einde, ZONE));
    }

    private static String reden(RegieOpslag.OverdrachtReden reden) {
        return switch (reden) {
            case MELDING -> "overdracht gemeld door de backoffice";
            case PLEEGZORG -> "start perspectiefbiedende pleegzorg";
            case ZORG_BEEINDIGD -> "alle trajecten beëindigd";
        };
    }

    /** A reminder's signal has its deadline's key, and that deadline names the handover. */
    private Optional<RegieOpslag.Overdracht> overdrachtVan(Connection c, SignaalRij opvolging) throws SQLException {
        Optional<UUID> overdracht = termijnen.lees(c, opvolging.sleutel()).map(s -> s.termijn().overdrachtId());
        return overdracht.isEmpty() ? Optional.empty() : regie.overdracht(c, overdracht.get());
    }

    /**
     * A signal a deadline raises goes to the gemeente of the youth's most recent message (CONTRACTS.md, counting rule
     * 1): the youth may have moved since the cause. A gemeente no longer configured leaves it with the cause's.
     */
    private GemeenteInstellingen verantwoordelijk(Connection c, String jeugdige, String vanAanleiding)
            throws SQLException {
        String laatste = zorgpaden.regiestand(c, jeugdige).laatsteGemeente();
        return Optional.ofNullable(laatste).flatMap(regio::gemeente).orElseGet(() -> gemeente(vanAanleiding));
    }

    private GemeenteInstellingen gemeente(String code) {
        return regio.gemeente(code).orElseThrow(
                () -> new IllegalStateException("gemeente " + code + " is niet meer geconfigureerd"));
    }
}
