package nl.procesregie.hub.carepath;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;

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

    static LeveringStand levering(boolean ingetrokken, LocalDate tekening, String reden) {
        return new LeveringStand(LeveringStand.Soort.STOP, "11111111", "1", "45A03", DAG, "0632", "p", "45", "45A03",
                DAG.plusMonths(1), reden, ingetrokken, tekening);
    }

    @Test
    void retractionArrivingFirstIsRememberedAgainstTheLateOriginal() {
        LeveringStand intrekking = levering(true, DAG.plusMonths(1), "31");
        LeveringStand origineel = levering(false, DAG.plusMonths(1), "31");
        assertTrue(intrekking.volgende(origineel).ingetrokken());
        assertTrue(origineel.volgende(intrekking).ingetrokken());
    }

    @Test
    void correctedResendRevivesARetractedStop() {
        LeveringStand intrekking = levering(true, DAG.plusMonths(1), "31");
        assertFalse(intrekking.volgende(levering(false, DAG.plusMonths(1), "34")).ingetrokken(), "other content");
        assertFalse(intrekking.volgende(levering(false, DAG.plusMonths(2), "31")).ingetrokken(), "a later day");
    }

    @Test
    void olderVersionDoesNotOverwriteNewer() {
        LeveringStand nieuw = levering(false, DAG.plusMonths(2), "34");
        assertSame(nieuw, nieuw.volgende(levering(false, DAG.plusMonths(1), "31")));
    }
}
