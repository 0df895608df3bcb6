package nl.procesregie.hub.carepath;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class StandTest {

    static final LocalDate DAG = LocalDate.of(2026, 3, 2);

    static ToewijzingStand versie(LocalDateTime moment, LocalDate eind) {
        return new ToewijzingStand("0632", "1", "p", "11111111", "45", "45A03", "45A03", moment, DAG, eind, null);
    }

    @Test
    void latestAllocationVersionWinsWhateverTheArrivalOrder() {
        ToewijzingStand oud = versie(LocalDateTime.of(2026, 3, 1, 9, 0), DAG.plusMonths(3));
        ToewijzingStand nieuw = versie(LocalDateTime.of(2026, 3, 5, 9, 0), DAG.plusMonths(6));
        assertTrue(oud.wordtVervangenDoor(nieuw));
        assertFalse(nieuw.wordtVervangenDoor(oud));
        assertFalse(nieuw.wordtVervangenDoor(nieuw), "the same version again changes nothing");
    }

    @Test
    void equalMomentsAreOrderedByContentSoBothArrivalOrdersAgree() {
        LocalDateTime moment = LocalDateTime.of(2026, 3, 1, 9, 0);
        ToewijzingStand a = versie(moment, DAG.plusMonths(3));
        ToewijzingStand b = versie(moment, DAG.plusMonths(6));
        assertTrue(a.wordtVervangenDoor(b) != b.wordtVervangenDoor(a));
    }

    static LeveringStand levering(boolean intrekking, LocalDate tekening, String reden) {
        return LeveringStand.uitBericht(LeveringStand.Soort.STOP, "11111111", "1", "45A03", DAG, "0632", "p", "45",
                "45A03", DAG.plusMonths(1), reden, intrekking, tekening);
    }

    /** Folds the versions in the given order, as the store does message by message. */
    static LeveringStand vouw(LeveringStand... versies) {
        LeveringStand stand = versies[0];
        for (int i = 1; i < versies.length; i++) {
            stand = stand.volgende(versies[i]);
        }
        return stand;
    }

    @Test
    void retractionArrivingFirstIsRememberedAgainstTheLateOriginal() {
        LeveringStand intrekking = levering(true, DAG.plusMonths(1), "31");
        LeveringStand origineel = levering(false, DAG.plusMonths(1), "31");
        assertTrue(vouw(intrekking, origineel).ingetrokken());
        assertTrue(vouw(origineel, intrekking).ingetrokken());
    }

    @Test
    void correctedResendRevivesARetractedStopInEitherOrder() {
        LeveringStand intrekking = levering(true, DAG.plusMonths(1), "31");
        LeveringStand anders = levering(false, DAG.plusMonths(1), "34");
        LeveringStand later = levering(false, DAG.plusMonths(2), "31");
        assertFalse(vouw(intrekking, anders).ingetrokken(), "other content the same day");
        assertFalse(vouw(anders, intrekking).ingetrokken());
        assertFalse(vouw(intrekking, later).ingetrokken(), "a later day");
        assertFalse(vouw(later, intrekking).ingetrokken());
    }

    @Test
    void anOlderRetractionDoesNotRetractANewerResend() {
        LeveringStand origineel = levering(false, DAG.plusDays(1), "31");
        LeveringStand intrekking = levering(true, DAG.plusDays(5), "31");
        LeveringStand herzonden = levering(false, DAG.plusDays(6), "34");
        for (LeveringStand[] volgorde : new LeveringStand[][] {{origineel, intrekking, herzonden},
                {herzonden, intrekking, origineel}, {intrekking, herzonden, origineel}, {origineel, herzonden, intrekking}}) {
            LeveringStand stand = vouw(volgorde);
            assertFalse(stand.ingetrokken());
            assertEquals("34", stand.redenBeeindiging());
        }
    }

    @Test
    void anOlderVersionDoesNotReviveARetraction() {
        LeveringStand v1 = levering(false, DAG.plusDays(2), "31");
        LeveringStand v2 = levering(false, DAG.plusDays(3), "34");
        LeveringStand intrekking = levering(true, DAG.plusDays(5), "34");
        for (LeveringStand[] volgorde : new LeveringStand[][] {{v1, v2, intrekking}, {v2, intrekking, v1},
                {intrekking, v1, v2}, {v1, intrekking, v2}}) {
            assertTrue(vouw(volgorde).ingetrokken());
        }
    }

    @Test
    void sameDayVersionsAreOrderedByContentNotByArrival() {
        LeveringStand a = levering(false, DAG.plusDays(2), "31");
        LeveringStand b = levering(false, DAG.plusDays(2), "34");
        assertEquals(vouw(a, b).redenBeeindiging(), vouw(b, a).redenBeeindiging());
    }

    @Test
    void olderVersionDoesNotOverwriteNewer() {
        LeveringStand nieuw = levering(false, DAG.plusMonths(2), "34");
        assertEquals("34", vouw(nieuw, levering(false, DAG.plusMonths(1), "31")).redenBeeindiging());
    }

    @Test
    void allocationNumbersAreInNumberOrderNotTextOrder() {
        assertEquals(List.of("0", "378", "516", "1250", "2924", "999999999"),
                Stream.of("2924", "516", "999999999", "1250", "0", "378")
                        .sorted(ToewijzingStand.NUMMERVOLGORDE).toList());
    }
}
