package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.LeveringStand;
import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.config.Regietermijnen;
import nl.procesregie.hub.timers.Termijn;
import nl.procesregie.hub.timers.TermijnOpslag;
import nl.procesregie.hub.timers.TermijnSoort;
import nl.procesregie.hub.timers.Termijnkalender;

/**
 * Coming under procesregie and leaving it (CONTRACTS.md rule 12), and the deadlines that come with it: the 16th
 * birthday and 18-approaching, and after a handover the one-month check and the waakvlam's end. Everything in the
 * caller's transaction, under the youth's lock.
 */
public final class Regieplanning {

    private static final Logger LOG = LoggerFactory.getLogger(Regieplanning.class);

    private final ZorgpadOpslag zorgpaden;
    private final RegieOpslag regie;
    private final TermijnOpslag termijnen;
    private final RegioConfiguratie regio;

    public Regieplanning(ZorgpadOpslag zorgpaden, RegieOpslag regie, TermijnOpslag termijnen, RegioConfiguratie regio) {
        this.zorgpaden = zorgpaden;
        this.regie = regie;
        this.termijnen = termijnen;
        this.regio = regio;
    }

    /** The care path, allocations and facts of a youth, as a mail shows them. */
    public record Beeld(Zorgpad zorgpad, List<ToewijzingStand> toewijzingen, JeugdigeStand jeugdige) {
    }

    public Beeld beeld(Connection c, JeugdigeStand jeugdige) throws SQLException {
        return beeld(zorgpaden.toewijzingen(c, jeugdige.pseudoniem()), zorgpaden.leveringen(c, jeugdige.pseudoniem()),
                jeugdige);
    }

    /** The picture from allocations and starts/stops already at hand, in any order. */
    public Beeld beeld(List<ToewijzingStand> toewijzingen, List<LeveringStand> leveringen, JeugdigeStand jeugdige) {
        Zorgpad zorgpad = Zorgpad.bereken(toewijzingen, leveringen,
                (g, categorie, code) -> regio.gemeente(g).map(i -> i.isUitgesloten(categorie, code)).orElse(false));
        return new Beeld(zorgpad, toewijzingen, jeugdige);
    }

    public static Termijnkalender kalender(GemeenteInstellingen g) {
        return new Termijnkalender(g.termijnen().feestdagen());
    }

    /**
     * The youth comes under procesregie (a sent vierde-traject, verblijf or crisis signal, or a melding). The first
     * time, the 16th birthday and 18-approaching are planned; a moment already past sends nothing.
     */
    public void onderRegie(Connection c, String jeugdige, LocalDate geboortedatum, GemeenteInstellingen g, Instant nu)
            throws SQLException {
        if (!zorgpaden.markeerOnderRegie(c, jeugdige, nu) || geboortedatum == null) {
            return;
        }
        Regietermijnen t = g.termijnen();
        Termijnkalender kalender = kalender(g);
        Instant zestien = kalender.verjaardag(geboortedatum, 16, t.herinneringstijd());
        if (zestien.isAfter(nu)) {
            termijnen.plaats(c, Termijn.leeftijd(TermijnSoort.LEEFTIJD_16, jeugdige, zestien), nu);
        }
        Instant achttien = kalender.achttienNadert(geboortedatum, t.achttienVoorloop(), t.herinneringstijd());
        if (achttien.isAfter(nu)) {
            termijnen.plaats(c, Termijn.leeftijd(TermijnSoort.LEEFTIJD_18, jeugdige, achttien), nu);
        }
    }

    /**
     * A sent signal that needs the regisseur again (a trajectory, residential care, a crisis): the youth is under
     * procesregie, and a handover still in its waakvlam did not hold. That handover closes, so its reminder and its
     * waakvlam's end lapse when they come, and procesregie goes on with the new cause's deadlines.
     */
    public void nieuweAanleiding(Connection c, String jeugdige, LocalDate geboortedatum, GemeenteInstellingen g,
                                 String wat, Instant nu) throws SQLException {
        Optional<RegieOpslag.Overdracht> open = regie.openOverdracht(c, jeugdige);
        if (open.isPresent()) {
            regie.sluitOverdrachten(c, jeugdige, nu);
            LOG.info("Overdracht van {} in gemeente {} doorbroken door {}; de procesregie loopt door",
                    open.get().datum(), open.get().gemeente(), wat);
        }
        onderRegie(c, jeugdige, geboortedatum, g, nu);
    }

    /** The youth leaves procesregie: every open deadline lapses and an open handover closes. */
    public void sluitRegie(Connection c, String jeugdige, String reden, Instant nu) throws SQLException {
        zorgpaden.sluitRegie(c, jeugdige, nu);
        regie.sluitOverdrachten(c, jeugdige, nu);
        termijnen.vervalVoorJeugdige(c, jeugdige, reden, nu);
    }

    /**
     * Starts the follow-up after a handover: the one-month check and the waakvlam's end. One handover at a time per
     * youth: while one is open, another cause joins it. A handover whose waakvlam has already ended is only logged.
     *
     * @return the new handover, or empty when one was open already or it lies too far back
     */
    public Optional<RegieOpslag.Overdracht> startOverdracht(Connection c, String jeugdige, GemeenteInstellingen g,
            LocalDate datum, RegieOpslag.OverdrachtReden reden, String referentie, Instant nu) throws SQLException {
        if (regie.openOverdracht(c, jeugdige).isPresent()) {
            return Optional.empty();
        }
        Termijnkalender kalender = kalender(g);
        Instant check = kalender.opvolgingsCheck(datum, g.termijnen().herinneringstijd());
        Instant einde = kalender.waakvlamEinde(datum, g.termijnen().herinneringstijd());
        if (!einde.isAfter(nu)) {
            LOG.info("Overdracht ({}) in gemeente {} van {} ligt meer dan twee maanden terug; geen opvolging gepland",
                    reden, g.code(), datum);
            return Optional.empty();
        }
        RegieOpslag.Overdracht o = new RegieOpslag.Overdracht(UUID.randomUUID(), jeugdige, g.code(), datum, reden,
                referentie, null);
        regie.bewaar(c, o, nu);
        termijnen.plaats(c, Termijn.opvolging(jeugdige, o.overdrachtId(), check), nu);
        termijnen.plaats(c, Termijn.waakvlam(jeugdige, o.overdrachtId(), einde), nu);
        LOG.info("Overdracht ({}) in gemeente {} op {}: check op {}, waakvlam tot {}", reden, g.code(), datum, check,
                einde);
        return Optional.of(o);
    }

    /** The moment rung {@code trede} of an escalation fires, given the moment of the rung before it. */
    public static Instant volgendeTrede(GemeenteInstellingen g, Instant vorige, int trede) {
        return vorige.plus(g.termijnen().trede(trede).na());
    }
}
