package nl.procesregie.hub.timers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A deadline as the hub keeps it: a row written in the business transaction that creates it. Its key names the cause
 * (e.g. {@code ESCALATIE|<signal>|2}), so the same cause can never get a second deadline, and the Quartz trigger that
 * wakes the hub for it carries the same key.
 *
 * @param signaalId    ESCALATIE: the signal that waits for an acknowledgement; else null
 * @param overdrachtId OPVOLGING, WAAKVLAM: the handover; else null
 * @param trede        ESCALATIE: the rung, 0-based; else null
 */
public record Termijn(String sleutel, TermijnSoort soort, String jeugdige, UUID signaalId, UUID overdrachtId,
                      Integer trede, Instant vervaltOp) {

    public Termijn {
        Objects.requireNonNull(sleutel, "sleutel");
        Objects.requireNonNull(soort, "soort");
        Objects.requireNonNull(jeugdige, "jeugdige");
        Objects.requireNonNull(vervaltOp, "vervaltOp");
        // Quartz counts in milliseconds: a moment between two would fire a fraction early and be found not yet due.
        if (vervaltOp.getNano() % 1_000_000 != 0) {
            vervaltOp = vervaltOp.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        }
    }

    public static Termijn escalatie(String jeugdige, UUID signaalId, int trede, Instant op) {
        return new Termijn("ESCALATIE|" + signaalId + "|" + trede, TermijnSoort.ESCALATIE, jeugdige, signaalId, null,
                trede, op);
    }

    public static Termijn opvolging(String jeugdige, UUID overdrachtId, Instant op) {
        return new Termijn("OPVOLGING|" + overdrachtId, TermijnSoort.OPVOLGING, jeugdige, null, overdrachtId, null, op);
    }

    public static Termijn waakvlam(String jeugdige, UUID overdrachtId, Instant op) {
        return new Termijn("WAAKVLAM|" + overdrachtId, TermijnSoort.WAAKVLAM, jeugdige, null, overdrachtId, null, op);
    }

    public static Termijn leeftijd(TermijnSoort soort, String jeugdige, Instant op) {
        if (soort != TermijnSoort.LEEFTIJD_16 && soort != TermijnSoort.LEEFTIJD_18) {
            throw new IllegalArgumentException(soort + " is geen leeftijdstermijn");
        }
        return new Termijn(soort.name() + "|" + jeugdige, soort, jeugdige, null, null, null, op);
    }
}
