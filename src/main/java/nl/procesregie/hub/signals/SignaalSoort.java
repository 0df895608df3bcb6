package nl.procesregie.hub.signals;

import java.util.Optional;
import java.util.Set;

/**
 * The kinds of signal on {@code regie.signalen} (CONTRACTS.md), each with what a regisseur can confirm about it. A new
 * kind says here which actions it accepts: there is no catch-all to fall into.
 */
public enum SignaalSoort {
    VIERDE_TRAJECT(null),
    VERVOLG_TRAJECT(null),
    VERBLIJF(null),
    /** The Ronde Tafel within 24 hours: its confirmation stops the escalation. */
    CRISIS(Actie.RONDE_TAFEL_GEHOUDEN),
    /** The check one month after a handover: its confirmation stops the escalation. */
    OPVOLGING(Actie.CHECK_GEDAAN),
    LEEFTIJD_16(null),
    LEEFTIJD_18(null),
    ESCALATIE(null);

    private final Actie bevestiging;
    private final Set<Actie> acties;

    SignaalSoort(Actie bevestiging) {
        this.bevestiging = bevestiging;
        this.acties = bevestiging == null ? Set.of(Actie.SIGNAAL_OPGEPAKT, Actie.AFGESLOTEN)
                : Set.of(bevestiging, Actie.SIGNAAL_OPGEPAKT, Actie.AFGESLOTEN);
    }

    /** The actions a signal of this kind accepts, from the mail's link or on {@code regie.acties}. */
    public Set<Actie> acties() {
        return acties;
    }

    /** The action that meets this kind's deadline and so stops its escalation; empty for a kind without one. */
    public Optional<Actie> bevestiging() {
        return Optional.ofNullable(bevestiging);
    }
}
