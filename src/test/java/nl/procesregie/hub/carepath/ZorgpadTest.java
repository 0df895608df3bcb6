package nl.procesregie.hub.carepath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ZorgpadTest {

    static final String JEUGDIGE = "p1";
    static final String GEMEENTE = "0632";

    static ToewijzingStand toewijzing(String nummer, String aanbieder, String categorie, String code, String reden,
                                      LocalDate van, LocalDate tot) {
        String product = code != null ? code : categorie != null ? categorie : "generiek";
        return new ToewijzingStand(GEMEENTE, nummer, JEUGDIGE, aanbieder, categorie, code, product,
                LocalDateTime.of(2026, 1, 1, 10, 0), van, tot, reden);
    }

    static LeveringStand start(String nummer, String aanbieder, String code, LocalDate begin, boolean ingetrokken) {
        return LeveringStand.uitBericht(LeveringStand.Soort.START, aanbieder, nummer, code, begin, GEMEENTE, JEUGDIGE,
                code.substring(0, 2), code, null, null, ingetrokken, begin);
    }

    static LeveringStand stop(String nummer, String aanbieder, String code, LocalDate begin, LocalDate eind, String reden) {
        return LeveringStand.uitBericht(LeveringStand.Soort.STOP, aanbieder, nummer, code, begin, GEMEENTE, JEUGDIGE,
                code.substring(0, 2), code, eind, reden, false, eind);
    }

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    @Test
    void trajectoryIsProviderAndProductSoExtensionsAreNotNew() {
        Zorgpad pad = Zorgpad.bereken(List.of(
                toewijzing("1", "11111111", "45", "45A03", null, JAN, JAN.plusMonths(3)),
                toewijzing("2", "11111111", "45", "45A03", "04", JAN.plusMonths(3), JAN.plusMonths(6)),
                toewijzing("3", "22222222", "45", "45A03", null, JAN, null),
                toewijzing("4", "11111111", "45", null, null, JAN, null),
                toewijzing("5", "11111111", null, null, null, JAN, null)), List.of(), Zorgpad.Uitsluiting.GEEN);

        assertEquals(4, pad.aantalTellend());
        Traject verlengd = pad.traject(new TrajectSleutel("11111111", "45A03"));
        assertEquals(List.of("1", "2"), verlengd.toewijzingNummers());
        assertEquals(JAN.plusMonths(6), verlengd.toewijzingTot());
        assertTrue(pad.traject(new TrajectSleutel("11111111", "45")).telt(), "category-only allocation is a trajectory");
        assertTrue(pad.traject(new TrajectSleutel("11111111", "generiek")).telt(), "allocation without product");
    }

    @Test
    void voidAllocationsDoNotCount() {
        Zorgpad pad = Zorgpad.bereken(List.of(
                toewijzing("1", "11111111", "45", "45A03", "13", JAN, JAN.plusMonths(3)),
                toewijzing("2", "11111111", "45", "45A06", "01", JAN, JAN),
                toewijzing("3", "11111111", "45", "45A07", "01", JAN, JAN.plusDays(1))), List.of(),
                Zorgpad.Uitsluiting.GEEN);

        assertFalse(pad.traject(new TrajectSleutel("11111111", "45A03")).telt(), "RedenWijziging 13");
        assertFalse(pad.traject(new TrajectSleutel("11111111", "45A06")).telt(), "01 with Einddatum = Ingangsdatum");
        assertTrue(pad.traject(new TrajectSleutel("11111111", "45A07")).telt(), "01 that still spans a day");
    }

    @Test
    void startJoinsItsAllocationsTrajectoryOnceLinkedAndStandsAloneBefore() {
        LeveringStand start = start("9", "11111111", "45A03", JAN.plusDays(3), false);

        Zorgpad alleen = Zorgpad.bereken(List.of(), List.of(start), Zorgpad.Uitsluiting.GEEN);
        assertEquals(1, alleen.aantalTellend());
        assertTrue(alleen.traject(new TrajectSleutel("11111111", "45A03")).telt());

        // An allocation by category only: the start belongs to it, not to a trajectory of its own code.
        Zorgpad gekoppeld = Zorgpad.bereken(List.of(toewijzing("9", "11111111", "45", null, null, JAN, null)),
                List.of(start), Zorgpad.Uitsluiting.GEEN);
        assertEquals(1, gekoppeld.aantalTellend());
        Traject t = gekoppeld.traject(new TrajectSleutel("11111111", "45"));
        assertEquals(JAN.plusDays(3), t.zorgVan());
    }

    @Test
    void startOfVoidAllocationAndRetractedStartDoNotCount() {
        Zorgpad pad = Zorgpad.bereken(List.of(toewijzing("9", "11111111", "45", "45A03", "13", JAN, null)),
                List.of(start("9", "11111111", "45A03", JAN, false), start("7", "22222222", "45A03", JAN, true)),
                Zorgpad.Uitsluiting.GEEN);
        assertEquals(0, pad.aantalTellend());
    }

    @Test
    void stopEndsCareUnlessCareRestartedAfterIt() {
        LocalDate begin = JAN.plusDays(3);
        Zorgpad gestopt = Zorgpad.bereken(List.of(), List.of(start("9", "11111111", "45A03", begin, false),
                stop("9", "11111111", "45A03", begin, JAN.plusMonths(2), "31")), Zorgpad.Uitsluiting.GEEN);
        Traject t = gestopt.trajecten().iterator().next();
        assertEquals(JAN.plusMonths(2), t.zorgTot());
        assertEquals("31", t.redenBeeindiging());
        assertFalse(t.loopt(JAN.plusMonths(3)));
        assertEquals(JAN.plusMonths(2), t.laatsteDatumOf(JAN.plusMonths(3)));

        Zorgpad herstart = Zorgpad.bereken(List.of(), List.of(start("9", "11111111", "45A03", begin, false),
                stop("9", "11111111", "45A03", begin, JAN.plusMonths(1), "20"),
                start("9", "11111111", "45A03", JAN.plusMonths(2), false)), Zorgpad.Uitsluiting.GEEN);
        Traject r = herstart.trajecten().iterator().next();
        assertNull(r.zorgTot());
        assertTrue(r.loopt(JAN.plusYears(1)));
    }

    @Test
    void careWithoutAStopEndsWithItsAllocation() {
        LocalDate eind = LocalDate.of(2016, 6, 30);
        Zorgpad pad = Zorgpad.bereken(List.of(toewijzing("1", "11111111", "45", "45A03", null, LocalDate.of(2015, 1, 1), eind)),
                List.of(start("1", "11111111", "45A03", LocalDate.of(2015, 1, 5), false)), Zorgpad.Uitsluiting.GEEN);
        Traject t = pad.trajecten().iterator().next();
        assertEquals(eind, t.laatsteDatum(), "providers often send no JW307: the allocation's end ends the care");
        assertFalse(t.loopt(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void linkedStartsRememberTheKeyTheyCountedUnder() {
        Zorgpad pad = Zorgpad.bereken(List.of(toewijzing("9", "11111111", "45", "45A09", null, JAN, null)),
                List.of(start("9", "11111111", "45A01", JAN.plusDays(2), false)), Zorgpad.Uitsluiting.GEEN);
        Traject t = pad.traject(new TrajectSleutel("11111111", "45A09"));
        assertTrue(t.omvat(new TrajectSleutel("11111111", "45A01")));
        assertEquals(1, pad.aantalTellend());
    }

    @Test
    void theLatestValidAllocationNamesGemeenteAndProductWhateverTheInputOrder() {
        ToewijzingStand woerden = new ToewijzingStand("0632", "1", JEUGDIGE, "11111111", "45", "45A03", "45A03",
                LocalDateTime.of(2025, 1, 1, 9, 0), JAN, null, null);
        ToewijzingStand montfoort = new ToewijzingStand("0335", "2", JEUGDIGE, "11111111", "45", "45A03", "45A03",
                LocalDateTime.of(2026, 1, 1, 9, 0), JAN, null, null);
        Zorgpad.Uitsluiting woerdenSluitUit = (gemeente, categorie, code) -> gemeente.equals("0632");
        for (List<ToewijzingStand> volgorde : List.of(List.of(woerden, montfoort), List.of(montfoort, woerden))) {
            Traject t = Zorgpad.bereken(volgorde, List.of(), woerdenSluitUit).trajecten().iterator().next();
            assertEquals("0335", t.gemeente());
            assertTrue(t.telt());
        }
    }

    @Test
    void excludedProductsNeverCount() {
        Zorgpad pad = Zorgpad.bereken(List.of(
                toewijzing("1", "11111111", "42", "42A01", null, JAN, null),
                toewijzing("2", "11111111", "45", "45A03", null, JAN, null)), List.of(),
                (gemeente, categorie, code) -> "42".equals(categorie));
        assertEquals(1, pad.aantalTellend());
        Traject vervoer = pad.traject(new TrajectSleutel("11111111", "42A01"));
        assertTrue(vervoer.uitgesloten());
        assertFalse(vervoer.telt());
    }

    @Test
    void chronologicalOrderFollowsFirstDate() {
        Zorgpad pad = Zorgpad.bereken(List.of(
                toewijzing("1", "11111111", "45", "45A03", null, JAN.plusMonths(5), null),
                toewijzing("2", "22222222", "45", "45A06", null, JAN, null)),
                List.of(start("3", "33333333", "41B01", JAN.plusMonths(2), false)), Zorgpad.Uitsluiting.GEEN);
        assertEquals(List.of("22222222", "33333333", "11111111"),
                pad.chronologisch().stream().map(t -> t.sleutel().aanbieder()).toList());
    }
}
