package nl.procesregie.hub.notify;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import nl.procesregie.hub.config.GemeenteInstellingen;

/**
 * What a procesregie mail other than a trajectory signal may show (verblijf, crisis, opvolging, 16/18, escalation):
 * like {@link SignaalMail} no BSN and no pseudonym, only what lets the regisseur recognise the youth in the
 * gemeente's own systems and act.
 *
 * @param signaalReferentie e.g. "PRH-7F3A2C91"
 * @param voorletters       may be null
 * @param geboortedatum     may be null
 * @param toewijzingNummers of this gemeente for this youth
 * @param zorgpad           all trajectories of the youth, in any order (empty when none is known yet)
 * @param knop              the acknowledgement link; null when nothing is to be confirmed
 */
public record RegieMail(
        Aanleiding aanleiding,
        String signaalReferentie,
        GemeenteInstellingen gemeente,
        String voorletters,
        LocalDate geboortedatum,
        List<String> toewijzingNummers,
        List<ZorgpadRegel> zorgpad,
        ZonedDateTime tijdstip,
        Actieknop knop) {

    /** Why the mail is sent, with the facts that only that kind of mail shows. */
    public sealed interface Aanleiding {
    }

    /**
     * Residential care starts. The flags make it a case for extra attention (DOMAIN.md signal 2).
     *
     * @param traject the residential trajectory (marked {@code aanleiding} in the care path)
     */
    public record Verblijf(ZorgpadRegel traject, boolean onderTwaalf, boolean naPleegzorg, boolean naCrisis)
            implements Aanleiding {
    }

    /**
     * A crisis placement: a Ronde Tafel is due by {@code termijn}.
     *
     * @param route       "lokale-toegang", "gi" or "veilig-thuis"; null when only iJw told of the crisis
     * @param referentie  the back office's case reference from regie.meldingen; may be null
     * @param traject     the crisis product's trajectory when iJw told of it; may be null
     */
    public record Crisis(ZonedDateTime plaatsing, String route, ZonedDateTime termijn, String referentie,
                         ZorgpadRegel traject) implements Aanleiding {
    }

    /**
     * The one-month check after a handover ("hoe gaat het?").
     *
     * @param reden          what the handover was, in words for the regisseur, e.g. "overdracht gemeld door de
     *                       backoffice", "start perspectiefbiedende pleegzorg", "alle trajecten beëindigd"
     * @param checkUiterlijk when the check escalates if it was not confirmed
     * @param waakvlamEinde  when the hub closes the case
     */
    public record Opvolging(LocalDate overdracht, String reden, ZonedDateTime checkUiterlijk, LocalDate waakvlamEinde)
            implements Aanleiding {
    }

    /**
     * Turning 16 (prepare 18+: domain determination, the Big 5) or 18 approaching with care still running.
     *
     * @param leeftijd 16 or 18
     */
    public record Leeftijd(int leeftijd, LocalDate verjaardag) implements Aanleiding {
    }

    /**
     * Rung {@code trede} (0-based) of the escalation of an unconfirmed crisis table or check.
     *
     * @param basis           the crisis or follow-up the escalation is about, with its facts
     * @param basisReferentie the reference of the signal that was not confirmed
     * @param termijn         the deadline that passed
     * @param volgende        when the next rung follows if still nobody confirms
     */
    public record Escalatie(Aanleiding basis, String basisReferentie, int trede, ZonedDateTime termijn,
                            ZonedDateTime volgende) implements Aanleiding {
        public Escalatie {
            if (!(basis instanceof Crisis) && !(basis instanceof Opvolging)) {
                throw new IllegalArgumentException("alleen een crisis of opvolging escaleert");
            }
        }
    }

    public RegieMail {
        Objects.requireNonNull(aanleiding, "aanleiding");
        Objects.requireNonNull(signaalReferentie, "signaalReferentie");
        Objects.requireNonNull(gemeente, "gemeente");
        Objects.requireNonNull(tijdstip, "tijdstip");
        toewijzingNummers = List.copyOf(toewijzingNummers);
        zorgpad = List.copyOf(zorgpad);
    }

    /** Never prints the youth: records end up in exception messages and debug output. */
    @Override
    public String toString() {
        return "RegieMail[" + aanleiding.getClass().getSimpleName() + ", signaalReferentie=" + signaalReferentie
                + ", gemeente=" + gemeente.code() + "]";
    }
}
