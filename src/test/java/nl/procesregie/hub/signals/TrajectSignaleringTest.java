package nl.procesregie.hub.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.Zorgpad;

class TrajectSignaleringTest {

    static final LocalDate VANDAAG = LocalDate.of(2026, 11, 23);

    /** Simulates a youth's history one message at a time, as the hub stores it between messages. */
    static final class Jeugdige {
        final List<ToewijzingStand> toewijzingen = new ArrayList<>();
        int merk;
        Set<TrajectSleutel> tellend = Set.of();
        final List<TrajectSignalering.Signaal> signalen = new ArrayList<>();
        final java.util.Map<TrajectSleutel, Integer> oorzaken = new java.util.HashMap<>();
        int drempel = 4;
        Optional<Period> venster = Optional.empty();

        Optional<TrajectSignalering.Signaal> toewijzing(String nummer, String aanbieder, String code, String reden,
                                                       LocalDate van, LocalDate tot) {
            toewijzingen.removeIf(t -> t.toewijzingNummer().equals(nummer));
            toewijzingen.add(new ToewijzingStand("0632", nummer, "p", aanbieder, code.substring(0, 2), code, code,
                    LocalDateTime.of(2026, 1, 1, 0, 0), van, tot, reden));
            Zorgpad pad = Zorgpad.bereken(toewijzingen, List.of(), Zorgpad.Uitsluiting.GEEN);
            int hoogste = signalen.stream().mapToInt(TrajectSignalering.Signaal::volgnummer).max().orElse(0);
            TrajectSignalering.Besluit b = TrajectSignalering.beslis(new TrajectSignalering.Invoer(pad, merk, tellend,
                    oorzaken.keySet(), hoogste, drempel, venster, VANDAAG));
            merk = b.hoogwatermerk();
            tellend = pad.tellend().stream().map(t -> t.sleutel()).collect(Collectors.toSet());
            b.signaal().ifPresent(s -> {
                signalen.add(s);
                oorzaken.put(s.aanleiding().sleutel(), s.volgnummer());
            });
            return b.signaal();
        }

        Optional<TrajectSignalering.Signaal> nieuw(int n) {
            return toewijzing(String.valueOf(n), "1000000" + n % 10, "45A" + String.format("%02d", n), null,
                    VANDAAG.minusMonths(20 - n), null);
        }
    }

    @Test
    void fourthDistinctTrajectorySignalsOnceAndEachLaterOneFollowsUp() {
        Jeugdige j = new Jeugdige();
        assertTrue(j.nieuw(1).isEmpty());
        assertTrue(j.nieuw(2).isEmpty());
        assertTrue(j.nieuw(3).isEmpty());
        TrajectSignalering.Signaal vierde = j.nieuw(4).orElseThrow();
        assertEquals(SignaalSoort.VIERDE_TRAJECT, vierde.soort());
        assertEquals(4, vierde.volgnummer());
        assertFalse(vierde.hernieuwd());
        assertEquals(new TrajectSleutel("10000004", "45A04"), vierde.aanleiding().sleutel());

        TrajectSignalering.Signaal vijfde = j.nieuw(5).orElseThrow();
        assertEquals(SignaalSoort.VERVOLG_TRAJECT, vijfde.soort());
        assertEquals(5, vijfde.volgnummer());
    }

    @Test
    void resentSnapshotOrExtensionSendsNothing() {
        Jeugdige j = new Jeugdige();
        for (int i = 1; i <= 4; i++) {
            j.nieuw(i);
        }
        assertTrue(j.nieuw(4).isEmpty(), "same allocation again");
        assertTrue(j.toewijzing("44", "10000004", "45A04", "04", VANDAAG, null).isEmpty(), "extension: new number, same trajectory");
        assertEquals(1, j.signalen.size());
    }

    @Test
    void jumpFromThreeToFiveSendsOneThresholdSignalWithOrdinalFive() {
        Jeugdige j = new Jeugdige();
        j.nieuw(1);
        j.nieuw(2);
        j.nieuw(3);
        j.toewijzingen.add(new ToewijzingStand("0632", "4", "p", "10000004", "45", "45A04", "45A04",
                LocalDateTime.of(2026, 1, 1, 0, 0), VANDAAG.minusMonths(2), null, null));
        TrajectSignalering.Signaal s = j.nieuw(5).orElseThrow();
        assertEquals(SignaalSoort.VIERDE_TRAJECT, s.soort());
        assertEquals(5, s.volgnummer());
    }

    @Test
    void droppingCountSendsNothingAndNonCauseDropDoesNotResignalTheOrdinal() {
        Jeugdige j = new Jeugdige();
        for (int i = 1; i <= 4; i++) {
            j.nieuw(i);
        }
        assertTrue(j.toewijzing("2", "10000002", "45A02", "13", VANDAAG.minusMonths(18), null).isEmpty(), "count drops");
        assertEquals(4, j.merk);
        assertTrue(j.nieuw(5).isEmpty(), "count back at 4, which was signalled already");
        assertEquals(SignaalSoort.VERVOLG_TRAJECT, j.nieuw(6).orElseThrow().soort());
    }

    @Test
    void voidedCauseLowersTheMarkSoTheNextRealTrajectoryIsARenewedSignal() {
        Jeugdige j = new Jeugdige();
        for (int i = 1; i <= 4; i++) {
            j.nieuw(i);
        }
        assertTrue(j.toewijzing("4", "10000004", "45A04", "13", VANDAAG.minusMonths(16), null).isEmpty());
        assertEquals(3, j.merk);
        TrajectSignalering.Signaal opnieuw = j.nieuw(5).orElseThrow();
        assertEquals(SignaalSoort.VIERDE_TRAJECT, opnieuw.soort());
        assertEquals(4, opnieuw.volgnummer());
        assertTrue(opnieuw.hernieuwd());
    }

    @Test
    void aCauseVoidedEarlierDoesNotLetLaterNonCauseDropsLowerTheMark() {
        Jeugdige j = new Jeugdige();
        for (int i = 1; i <= 5; i++) {
            j.nieuw(i);
        }
        j.toewijzing("4", "10000004", "45A04", "13", VANDAAG.minusMonths(16), null);
        assertEquals(4, j.merk, "the voided cause of the fourth lowers the mark");
        assertEquals(5, j.nieuw(6).orElseThrow().volgnummer(), "renewed fifth");
        j.toewijzing("1", "10000001", "45A01", "13", VANDAAG.minusMonths(19), null);
        assertEquals(5, j.merk, "a non-cause that stops counting never lowers the mark");
        assertTrue(j.nieuw(7).isEmpty(), "the count is back at five, which was signalled");
    }

    @Test
    void lookBackWindowLeavesOutTrajectoriesThatEndedLongBefore() {
        Jeugdige j = new Jeugdige();
        j.venster = Optional.of(Period.ofYears(2));
        for (int i = 1; i <= 3; i++) {
            j.toewijzing("o" + i, "2000000" + i, "45A1" + i, null, LocalDate.of(2015, i, 1), LocalDate.of(2016, i, 1));
        }
        assertTrue(j.toewijzing("n1", "30000001", "45A21", null, VANDAAG.minusMonths(1), null).isEmpty(),
                "three trajectories ended ten years ago: not a fourth within the window");

        Jeugdige zonder = new Jeugdige();
        for (int i = 1; i <= 3; i++) {
            zonder.toewijzing("o" + i, "2000000" + i, "45A1" + i, null, LocalDate.of(2015, i, 1), LocalDate.of(2016, i, 1));
        }
        assertEquals(4, zonder.toewijzing("n1", "30000001", "45A21", null, VANDAAG.minusMonths(1), null)
                .orElseThrow().volgnummer(), "without a window all history counts");
    }

    @Test
    void lookBackWindowCountsRunningAndRecentTrajectories() {
        Jeugdige j = new Jeugdige();
        j.venster = Optional.of(Period.ofYears(2));
        j.toewijzing("1", "20000001", "45A11", null, LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1));
        j.toewijzing("2", "20000002", "45A12", null, LocalDate.of(2018, 1, 1), null);
        j.toewijzing("3", "20000003", "45A13", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 1));
        j.toewijzing("4", "20000004", "45A14", null, LocalDate.of(2025, 7, 1), VANDAAG.plusYears(1));
        assertTrue(j.signalen.isEmpty(), "the 2015 trajectory is outside the window of the fourth");
        assertEquals(4, j.toewijzing("5", "20000005", "45A15", null, VANDAAG, null).orElseThrow().volgnummer());
    }

    @Test
    void thresholdIsConfigurable() {
        Jeugdige j = new Jeugdige();
        j.drempel = 2;
        j.nieuw(1);
        assertEquals(2, j.nieuw(2).orElseThrow().volgnummer());
    }
}
