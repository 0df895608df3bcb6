package nl.procesregie.hub.carepath;

import java.time.LocalDate;

/**
 * A start (JW305) or stop (JW307) as the hub holds it. Identified by soort + (aanbieder, ToewijzingNummer, product,
 * Begindatum): the stop of a delivery shares its start's identity, and retracting the stop must not retract the start.
 */
public record LeveringStand(
        Soort soort,
        String aanbieder,
        String toewijzingNummer,
        String product,
        LocalDate begindatum,
        String gemeente,
        String jeugdige,
        String categorie,
        String code,
        LocalDate einddatum,
        String redenBeeindiging,
        boolean ingetrokken,
        LocalDate dagtekening) {

    public enum Soort { START, STOP }

    /**
     * The state after a new version of this start/stop arrives. A retraction (StatusAanlevering 3) is remembered even
     * when it arrives before what it retracts; the retracted original arriving late must not revive it, but a real
     * resend (a later day, or other content) does.
     */
    public LeveringStand volgende(LeveringStand nieuw) {
        if (nieuw.ingetrokken) {
            if (ingetrokken && nieuw.dagtekening.isBefore(dagtekening)) {
                return this;
            }
            return withIngetrokken(nieuw.dagtekening.isAfter(dagtekening) ? nieuw.dagtekening : dagtekening);
        }
        if (ingetrokken) {
            boolean later = nieuw.dagtekening.isAfter(dagtekening);
            return later || !zelfdeInhoud(nieuw) ? nieuw : this;
        }
        return nieuw.dagtekening.isBefore(dagtekening) ? this : nieuw;
    }

    private boolean zelfdeInhoud(LeveringStand o) {
        return java.util.Objects.equals(einddatum, o.einddatum)
                && java.util.Objects.equals(redenBeeindiging, o.redenBeeindiging)
                && java.util.Objects.equals(categorie, o.categorie)
                && java.util.Objects.equals(code, o.code);
    }

    private LeveringStand withIngetrokken(LocalDate tekening) {
        return new LeveringStand(soort, aanbieder, toewijzingNummer, product, begindatum, gemeente, jeugdige, categorie,
                code, einddatum, redenBeeindiging, true, tekening);
    }
}
