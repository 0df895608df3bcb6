package nl.procesregie.hub.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The times of procesregie for one gemeente (CONTRACTS.md, "Deadlines"): the time of day of reminders, the working
 * days a one-month check may take, the lead time of the 18-approaching signal, the public holidays that are no
 * working days, and the escalation ladder for an unconfirmed crisis table or check.
 *
 * @param escalatie at least one rung; after the last rung its interval repeats, so the last {@code na} is positive
 */
public record Regietermijnen(
        LocalTime herinneringstijd,
        int checkwerkdagen,
        Period achttienVoorloop,
        Set<LocalDate> feestdagen,
        List<Escalatietrede> escalatie) {

    public static final LocalTime STANDAARD_HERINNERINGSTIJD = LocalTime.of(9, 0);
    public static final int STANDAARD_CHECKWERKDAGEN = 5;
    public static final Period STANDAARD_ACHTTIEN_VOORLOOP = Period.ofMonths(6);

    public Regietermijnen {
        Objects.requireNonNull(herinneringstijd, "herinneringstijd");
        Objects.requireNonNull(achttienVoorloop, "achttienVoorloop");
        feestdagen = Set.copyOf(feestdagen);
        escalatie = List.copyOf(escalatie);
        if (escalatie.isEmpty()) {
            throw new IllegalArgumentException("een escalatieladder heeft minstens één trede");
        }
        Duration laatste = escalatie.get(escalatie.size() - 1).na();
        if (laatste.isZero() || laatste.isNegative()) {
            throw new IllegalArgumentException("de laatste trede herhaalt zich; haar 'na' moet groter dan nul zijn");
        }
    }

    /** The default ladder: regisseur and team at the deadline, and again every 24 hours until confirmed. */
    public static List<Escalatietrede> standaardLadder(String regisseur, String team) {
        return List.of(new Escalatietrede(Duration.ZERO, List.of(regisseur, team)),
                new Escalatietrede(Duration.ofHours(24), List.of(regisseur, team)));
    }

    public static Regietermijnen standaard(String regisseur, String team) {
        return new Regietermijnen(STANDAARD_HERINNERINGSTIJD, STANDAARD_CHECKWERKDAGEN, STANDAARD_ACHTTIEN_VOORLOOP,
                Set.of(), standaardLadder(regisseur, team));
    }

    /** Rung {@code k} (0-based); beyond the ladder the last rung repeats. */
    public Escalatietrede trede(int k) {
        return escalatie.get(Math.min(k, escalatie.size() - 1));
    }
}
