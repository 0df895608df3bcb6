package nl.procesregie.hub.config;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the hub needs to know about one gemeente, with the regio defaults and the gemeente's overrides already
 * merged, so that no caller has to know the YAML's inheritance rules.
 *
 * @param terugkijkperiode   look-back window for counting trajectories; empty = no window
 * @param signaalhorizon     a Period, not a Duration, because it is compared with a message's Dagtekening, a date
 * @param verwijzerwachttijd how long a referrer-dependent decision waits for a JW315
 * @param verwijzers         referrer types (Verwijzer Type) whose trajectories lead to a sent signal; empty = all
 * @param termijnen          reminder time, check and 18+ lead times, holidays and the escalation ladder
 */
public record GemeenteInstellingen(
        String code,
        String naam,
        String regioNaam,
        String regisseurNaam,
        String regisseurEmail,
        String teamEmail,
        String contactpersoonWoord,
        String planWoord,
        int drempel,
        Optional<Period> terugkijkperiode,
        Period signaalhorizon,
        Duration verwijzerwachttijd,
        Set<String> uitgeslotenCategorieen,
        Set<String> uitgeslotenCodes,
        Optional<Set<String>> verwijzers,
        Productsoorten productsoorten,
        Regietermijnen termijnen) {

    /** Referrer type assumed when no JW315 names one (CONTRACTS.md, rule 9). */
    public static final String VERWIJZER_GEMEENTE = "01";

    public GemeenteInstellingen {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(naam, "naam");
        Objects.requireNonNull(terugkijkperiode, "terugkijkperiode");
        Objects.requireNonNull(signaalhorizon, "signaalhorizon");
        Objects.requireNonNull(verwijzerwachttijd, "verwijzerwachttijd");
        Objects.requireNonNull(productsoorten, "productsoorten");
        Objects.requireNonNull(termijnen, "termijnen");
        uitgeslotenCategorieen = Set.copyOf(uitgeslotenCategorieen);
        uitgeslotenCodes = Set.copyOf(uitgeslotenCodes);
        verwijzers = verwijzers.map(Set::copyOf);
    }

    /** An excluded product never counts as a trajectory (CONTRACTS.md, rule 8). */
    public boolean isUitgesloten(String categorie, String code) {
        return (categorie != null && uitgeslotenCategorieen.contains(categorie))
                || (code != null && uitgeslotenCodes.contains(code));
    }

    /** Whether a signal decision must wait {@link #verwijzerwachttijd()} for a JW315 to name the referrer. */
    public boolean heeftVerwijzerregel() {
        return verwijzers.isPresent();
    }

    /** Whether a signal is sent for this referrer type; {@code null} (no JW315 seen) means 01 Gemeente. */
    public boolean verwijzerLeidtTotSignaal(String verwijzerType) {
        String type = verwijzerType == null ? VERWIJZER_GEMEENTE : verwijzerType;
        return verwijzers.map(v -> v.contains(type)).orElse(true);
    }
}
