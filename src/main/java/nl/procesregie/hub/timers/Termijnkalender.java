package nl.procesregie.hub.timers;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * The one place where the hub's deadlines are computed (CONTRACTS.md, "Deadlines"), in Europe/Amsterdam with
 * java.time: elapsed time for crisis tables, wall-clock time on working days for Veilig Thuis, dates at a time of day
 * moved to the next working day for follow-up. Never cron: a cron expression across a daylight-saving change fires an
 * hour early, late or twice.
 */
public final class Termijnkalender {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Set<LocalDate> feestdagen;

    /** @param feestdagen configured public holidays; they count as weekend days */
    public Termijnkalender(Collection<LocalDate> feestdagen) {
        this.feestdagen = Set.copyOf(feestdagen);
    }

    public boolean isWerkdag(LocalDate dag) {
        DayOfWeek d = dag.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !feestdagen.contains(dag);
    }

    /** {@code duur} of elapsed time after {@code start}: 24 hours across a clock change is still 24 hours. */
    public Instant naVerstrekenTijd(Instant start, Duration duur) {
        return start.plus(duur);
    }

    /**
     * {@code duur} counted on the wall clock of working days only: time on a weekend day or holiday does not count,
     * so a Friday 15:00 start with 24 hours ends Monday 15:00, and a Saturday start counts from Monday 00:00.
     */
    public Instant naWerkdagTijd(Instant start, Duration duur) {
        LocalDateTime t = LocalDateTime.ofInstant(start, AMSTERDAM);
        Duration resterend = duur;
        while (true) {
            if (!isWerkdag(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            LocalDateTime eindeVanDag = t.toLocalDate().plusDays(1).atStartOfDay();
            Duration vandaag = Duration.between(t, eindeVanDag);
            if (resterend.compareTo(vandaag) <= 0) {
                return opKlok(t.plus(resterend));
            }
            resterend = resterend.minus(vandaag);
            t = eindeVanDag;
        }
    }

    /** {@code dag} at {@code tijd}, or the first working day after it. */
    public Instant opWerkdag(LocalDate dag, LocalTime tijd) {
        LocalDate d = dag;
        while (!isWerkdag(d)) {
            d = d.plusDays(1);
        }
        return opKlok(d.atTime(tijd));
    }

    /** {@code werkdagen} working days after the day of {@code na}, at {@code tijd}. */
    public Instant werkdagenNa(Instant na, int werkdagen, LocalTime tijd) {
        LocalDate d = LocalDate.ofInstant(na, AMSTERDAM);
        for (int i = 0; i < werkdagen; i++) {
            d = d.plusDays(1);
            while (!isWerkdag(d)) {
                d = d.plusDays(1);
            }
        }
        return opKlok(d.atTime(tijd));
    }

    /** The one-month check after a handover: a month later at the reminder time, on a working day. */
    public Instant opvolgingsCheck(LocalDate overdracht, LocalTime tijd) {
        return opWerkdag(overdracht.plusMonths(1), tijd);
    }

    /** The end of the waakvlam: two months after the handover at the reminder time, whatever the day. */
    public Instant waakvlamEinde(LocalDate overdracht, LocalTime tijd) {
        return opKlok(overdracht.plusMonths(2).atTime(tijd));
    }

    /**
     * The birthday on which a youth turns {@code leeftijd}, at {@code tijd}. Born on 29 February: 1 March in a common
     * year, the first day on which the youth has lived the full years.
     */
    public Instant verjaardag(LocalDate geboortedatum, int leeftijd, LocalTime tijd) {
        LocalDate dag = geboortedatum.plusYears(leeftijd);
        if (geboortedatum.getMonthValue() == 2 && geboortedatum.getDayOfMonth() == 29 && dag.getDayOfMonth() == 28) {
            dag = dag.plusDays(1);
        }
        return opKlok(dag.atTime(tijd));
    }

    /** {@code voorloop} before the 18th birthday, at {@code tijd}. */
    public Instant achttienNadert(LocalDate geboortedatum, Period voorloop, LocalTime tijd) {
        LocalDate achttien = LocalDate.ofInstant(verjaardag(geboortedatum, 18, LocalTime.NOON), AMSTERDAM);
        return opKlok(achttien.minus(voorloop).atTime(tijd));
    }

    /** A local time in a spring-forward gap moves forward by the gap, as a wall clock does; in an overlap, the first. */
    private static Instant opKlok(LocalDateTime lokaal) {
        return ZonedDateTime.ofLocal(lokaal, AMSTERDAM, null).toInstant();
    }
}
