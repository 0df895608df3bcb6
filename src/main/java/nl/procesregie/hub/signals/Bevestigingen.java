package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.opslag.Transactie;
import nl.procesregie.hub.timers.TermijnOpslag;

/**
 * Acknowledgements from the mail's confirmation page or from {@code regie.acties}. An acknowledgement of an
 * escalation counts for the signal it escalates. Recording it and its effect (the escalation stops, or procesregie
 * closes) is one transaction under the youth's lock, so it cannot cross a deadline firing for the same youth:
 * either the rung went out before, or it never will.
 */
public final class Bevestigingen {

    private static final Logger LOG = LoggerFactory.getLogger(Bevestigingen.class);

    public enum Via { LINK, KAFKA }

    public enum Uitkomst {
        BEVESTIGD,
        /** The same action was recorded before: harmless. */
        AL_BEVESTIGD,
        ONBEKEND_SIGNAAL,
        /** The action does not belong to this kind of signal (e.g. "check gedaan" for a crisis). */
        PAST_NIET
    }

    /** What was acknowledged, for the confirmation page; {@code signaal} is the escalated signal for an escalation. */
    public record Resultaat(Uitkomst uitkomst, SignaalRij signaal) {
    }

    private final DataSource dataSource;
    private final SignaalOpslag signalen;
    private final RegieOpslag regie;
    private final TermijnOpslag termijnen;
    private final ZorgpadOpslag zorgpaden;
    private final Regieplanning planning;
    private final Clock klok;

    public Bevestigingen(DataSource dataSource, SignaalOpslag signalen, RegieOpslag regie, TermijnOpslag termijnen,
                         ZorgpadOpslag zorgpaden, Regieplanning planning, Clock klok) {
        this.dataSource = dataSource;
        this.signalen = signalen;
        this.regie = regie;
        this.termijnen = termijnen;
        this.zorgpaden = zorgpaden;
        this.planning = planning;
        this.klok = klok;
    }

    /** The signal an acknowledgement of {@code signaalId} is about (the escalated one for an escalation). */
    public Optional<SignaalRij> onderwerp(UUID signaalId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return onderwerp(c, signaalId);
        }
    }

    public Resultaat bevestig(UUID signaalId, Actie actie, String door, Instant moment, Via via) throws SQLException {
        return Transactie.in(dataSource, c -> bevestig(c, signaalId, actie, door, moment, via));
    }

    private Resultaat bevestig(Connection c, UUID signaalId, Actie actie, String door, Instant moment, Via via)
            throws SQLException {
        Optional<SignaalRij> gevonden = onderwerp(c, signaalId);
        if (gevonden.isEmpty()) {
            return new Resultaat(Uitkomst.ONBEKEND_SIGNAAL, null);
        }
        SignaalRij s = gevonden.get();
        if (!s.soort().acties().contains(actie)) {
            return new Resultaat(Uitkomst.PAST_NIET, s);
        }
        Instant nu = klok.instant();
        zorgpaden.vergrendel(c, List.of(s.jeugdige()), nu);
        if (!regie.bevestig(c, s.signaalId(), actie, door, moment, via.name(), nu)) {
            return new Resultaat(Uitkomst.AL_BEVESTIGD, s);
        }
        switch (actie) {
            case RONDE_TAFEL_GEHOUDEN, CHECK_GEDAAN -> termijnen.vervalVoorSignaal(c, s.signaalId(),
                    "bevestigd: " + actie.knop(), nu);
            case AFGESLOTEN -> planning.sluitRegie(c, s.jeugdige(), "procesregie afgesloten", nu);
            case SIGNAAL_OPGEPAKT -> {
                // Recorded only: picking a signal up stops no deadline.
            }
        }
        LOG.info("Signaal {} ({}) in gemeente {}: {} via {}", s.referentie(), s.soort(), s.gemeente(), actie.knop(),
                via);
        return new Resultaat(Uitkomst.BEVESTIGD, s);
    }

    private Optional<SignaalRij> onderwerp(Connection c, UUID signaalId) throws SQLException {
        Optional<SignaalRij> s = signalen.lees(c, signaalId);
        if (s.isPresent() && s.get().basisSignaalId() != null) {
            return signalen.lees(c, s.get().basisSignaalId());
        }
        return s;
    }
}
