package nl.procesregie.hub.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the table in CONTRACTS.md "Deadlines", and the dates around handovers and birthdays. */
class TermijnkalenderTest {

    static final Duration ETMAAL = Duration.ofHours(24);
    final Termijnkalender kalender = new Termijnkalender(List.of());

    static Instant t(String metOffset) {
        return OffsetDateTime.parse(metOffset).toInstant();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "2026-11-18T09:00+01:00, veilig-thuis,   2026-11-19T09:00+01:00",
            "2026-11-20T15:00+01:00, veilig-thuis,   2026-11-23T15:00+01:00",
            "2026-11-21T10:00+01:00, veilig-thuis,   2026-11-24T00:00+01:00",
            "2026-03-27T15:00+01:00, veilig-thuis,   2026-03-30T15:00+02:00",
            "2026-03-28T12:00+01:00, lokale-toegang, 2026-03-29T13:00+02:00",
            "2026-10-24T12:00+02:00, gi,             2026-10-25T11:00+01:00",
            "2027-03-27T20:00+01:00, lokale-toegang, 2027-03-28T21:00+02:00",
            "2027-10-29T15:00+02:00, veilig-thuis,   2027-11-01T15:00+01:00",
    })
    void deTabelVanDeContracten(String plaatsing, String route, String termijn) {
        Instant uitkomst = route.equals("veilig-thuis") ? kalender.naWerkdagTijd(t(plaatsing), ETMAAL)
                : kalender.naVerstrekenTijd(t(plaatsing), ETMAAL);
        assertEquals(t(termijn), uitkomst);
    }

    @Test
    void eenFeestdagTeltAlsWeekend() {
        Termijnkalender metKerst = new Termijnkalender(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
        assertFalse(metKerst.isWerkdag(LocalDate.of(2026, 12, 25)));
        assertTrue(metKerst.isWerkdag(LocalDate.of(2026, 12, 24)));
        // Thursday 24 December 15:00: nine hours that day, then Friday (Christmas), the weekend and Monday 28 (a
        // configured holiday) do not count: the remaining fifteen hours run on Tuesday 29 December.
        assertEquals(t("2026-12-29T15:00+01:00"), metKerst.naWerkdagTijd(t("2026-12-24T15:00+01:00"), ETMAAL));
        assertEquals(t("2026-12-25T15:00+01:00"), kalender.naWerkdagTijd(t("2026-12-24T15:00+01:00"), ETMAAL));
    }

    @Test
    void eenWerkdagTermijnKanMiddernachtRaken() {
        // Friday 00:00 plus 24 working hours is Saturday 00:00: the weekend then does not need to count.
        assertEquals(t("2026-11-21T00:00+01:00"), kalender.naWerkdagTijd(t("2026-11-20T00:00+01:00"), ETMAAL));
        assertEquals(t("2026-11-23T14:00+01:00"), kalender.naWerkdagTijd(t("2026-11-20T10:00+01:00"), Duration.ofHours(28)));
    }

    @Test
    void deOpvolgingsCheckValtOpEenWerkdag() {
        LocalTime negen = LocalTime.of(9, 0);
        // 21 October + 1 month = Saturday 21 November → Monday 23 November 09:00.
        assertEquals(t("2026-11-23T09:00+01:00"), kalender.opvolgingsCheck(LocalDate.of(2026, 10, 21), negen));
        // A month after 31 January is 28 February, a Saturday in 2026 → Monday 2 March.
        assertEquals(t("2026-03-02T09:00+01:00"), kalender.opvolgingsCheck(LocalDate.of(2026, 1, 31), negen));
        // The check across the spring clock change stays at 09:00 local time.
        assertEquals(t("2026-03-30T09:00+02:00"), kalender.opvolgingsCheck(LocalDate.of(2026, 2, 28), negen));
        // Five working days after the check (Monday 23 November) is Monday 30 November.
        assertEquals(t("2026-11-30T09:00+01:00"), kalender.werkdagenNa(t("2026-11-23T09:00+01:00"), 5, negen));
        assertEquals(t("2026-12-21T09:00+01:00"), kalender.waakvlamEinde(LocalDate.of(2026, 10, 21), negen));
    }

    @Test
    void verjaardagenOpHetTijdstipVanDeHerinnering() {
        LocalTime negen = LocalTime.of(9, 0);
        assertEquals(t("2026-05-17T09:00+02:00"), kalender.verjaardag(LocalDate.of(2010, 5, 17), 16, negen));
        assertEquals(t("2027-03-01T09:00+01:00"), kalender.verjaardag(LocalDate.of(2008, 2, 29), 19, negen));
        assertEquals(t("2024-02-29T09:00+01:00"), kalender.verjaardag(LocalDate.of(2008, 2, 29), 16, negen));
        assertEquals(t("2027-11-17T09:00+01:00"), kalender.achttienNadert(LocalDate.of(2010, 5, 17), Period.ofMonths(6), negen));
    }

    @Test
    void eenTijdstipInHetGatVanDeZomertijdSchuiftOp() {
        // 02:30 on 29 March 2026 does not exist in Amsterdam; the clock reads 03:30 then.
        assertEquals(t("2026-03-29T03:30+02:00"), kalender.waakvlamEinde(LocalDate.of(2026, 1, 29), LocalTime.of(2, 30)));
        // 02:30 on 25 October 2026 happens twice; the first one counts.
        assertEquals(t("2026-10-25T02:30+02:00"), kalender.waakvlamEinde(LocalDate.of(2026, 8, 25), LocalTime.of(2, 30)));
    }
}
