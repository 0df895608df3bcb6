package nl.procesregie.hub.carepath;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A start (JW305) or stop (JW307) as the hub holds it. Identified by its kind, the youth and (aanbieder,
 * ToewijzingNummer, product, Begindatum), as the standard matches it by BSN + ToewijzingNummer + product; the stop of a
 * delivery shares its start's identity, and retracting the stop must not retract the start. ToewijzingNummer is ""
 * for care reported without an allocation.
 *
 * <p>The content version and the retraction are kept apart, each the latest by Dagtekening (ties broken by content),
 * so that the outcome does not depend on arrival order: a retraction is remembered even before what it retracts
 * arrives, an older version can neither revive nor retract a newer one, and a resend on a later day revives.
 *
 * @param inhoudDagtekening    Dagtekening of the content version held; null when only a retraction was seen
 * @param intrekkingDagtekening Dagtekening of the latest retraction (StatusAanlevering 3); null when none
 * @param intrekkingInhoud      the content that retraction named
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
        LocalDate inhoudDagtekening,
        LocalDate intrekkingDagtekening,
        String intrekkingInhoud) {

    public enum Soort { START, STOP }

    private static final Comparator<LocalDate> DATUM = Comparator.nullsFirst(Comparator.naturalOrder());

    /** A version as read from one message: content, or (when {@code intrekking}) a retraction of that content. */
    public static LeveringStand uitBericht(Soort soort, String aanbieder, String toewijzingNummer, String product,
                                           LocalDate begindatum, String gemeente, String jeugdige, String categorie,
                                           String code, LocalDate einddatum, String redenBeeindiging,
                                           boolean intrekking, LocalDate dagtekening) {
        LeveringStand inhoud = new LeveringStand(soort, aanbieder, toewijzingNummer, product, begindatum, gemeente,
                jeugdige, categorie, code, einddatum, redenBeeindiging, intrekking ? null : dagtekening, null, null);
        return intrekking ? inhoud.metIntrekking(dagtekening, inhoud.inhoud()) : inhoud;
    }

    /** Retracted when the latest retraction is newer than the content held, or names exactly that content. */
    public boolean ingetrokken() {
        if (intrekkingDagtekening == null) {
            return false;
        }
        if (inhoudDagtekening == null || intrekkingDagtekening.isAfter(inhoudDagtekening)) {
            return true;
        }
        return intrekkingDagtekening.equals(inhoudDagtekening) && inhoud().equals(intrekkingInhoud);
    }

    /** The state after another version of this start/stop; commutative, so arrival order does not matter. */
    public LeveringStand volgende(LeveringStand nieuw) {
        LeveringStand basis = this;
        if (nieuw.inhoudDagtekening != null && (inhoudDagtekening == null || vergelijkInhoud(nieuw, this) > 0)) {
            basis = new LeveringStand(soort, aanbieder, toewijzingNummer, product, begindatum, nieuw.gemeente, jeugdige,
                    nieuw.categorie, nieuw.code, nieuw.einddatum, nieuw.redenBeeindiging, nieuw.inhoudDagtekening,
                    intrekkingDagtekening, intrekkingInhoud);
        } else if (inhoudDagtekening == null && nieuw.inhoudDagtekening == null) {
            // Only retractions so far: keep the latest one's content for display.
            basis = vergelijkIntrekking(nieuw, this) > 0 ? nieuw.metIntrekking(intrekkingDagtekening, intrekkingInhoud) : this;
        }
        if (nieuw.intrekkingDagtekening != null && vergelijkIntrekking(nieuw, basis) > 0) {
            basis = basis.metIntrekking(nieuw.intrekkingDagtekening, nieuw.intrekkingInhoud);
        }
        return basis;
    }

    private static int vergelijkInhoud(LeveringStand a, LeveringStand b) {
        int c = DATUM.compare(a.inhoudDagtekening, b.inhoudDagtekening);
        return c != 0 ? c : a.inhoud().compareTo(b.inhoud());
    }

    private static int vergelijkIntrekking(LeveringStand a, LeveringStand b) {
        int c = DATUM.compare(a.intrekkingDagtekening, b.intrekkingDagtekening);
        return c != 0 ? c : Objects.toString(a.intrekkingInhoud, "").compareTo(Objects.toString(b.intrekkingInhoud, ""));
    }

    private LeveringStand metIntrekking(LocalDate dag, String inhoud) {
        return new LeveringStand(soort, aanbieder, toewijzingNummer, product, begindatum, gemeente, jeugdige, categorie,
                code, einddatum, redenBeeindiging, inhoudDagtekening, dag, inhoud);
    }

    /** What a version says beyond its identity; a retraction names the version it retracts by this. */
    String inhoud() {
        return String.join("|", String.valueOf(categorie), String.valueOf(code), String.valueOf(einddatum),
                String.valueOf(redenBeeindiging), String.valueOf(gemeente));
    }
}
