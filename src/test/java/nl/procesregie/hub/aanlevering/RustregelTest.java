package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.TestClock;

class RustregelTest {

    final TestClock klok = new TestClock(Instant.parse("2025-03-14T10:00:00Z"));
    final Rustregel regel = new Rustregel(Duration.ofSeconds(2), klok);

    boolean ronde(String naam, long grootte, long gewijzigd) {
        regel.beginRonde();
        boolean neemt = regel.neemt("/in/" + naam, naam, grootte, gewijzigd);
        regel.eindeRonde();
        return neemt;
    }

    @Test
    void aFileIsTakenOnceItLookedTheSameInAListingAtLeastTheQuietPeriodEarlier() {
        assertFalse(ronde("a.xml", 10, 1), "first seen");
        klok.advance(Duration.ofMillis(1_999));
        assertFalse(ronde("a.xml", 10, 1), "not yet quiet long enough");
        klok.advance(Duration.ofMillis(1));
        assertTrue(ronde("a.xml", 10, 1));
    }

    @Test
    void aChangeInSizeOrModificationTimeStartsTheQuietPeriodAgain() {
        ronde("a.xml", 10, 1);
        klok.advance(Duration.ofSeconds(3));
        assertFalse(ronde("a.xml", 20, 1), "grown");
        klok.advance(Duration.ofSeconds(3));
        assertFalse(ronde("a.xml", 20, 2), "rewritten at the same size");
        klok.advance(Duration.ofSeconds(2));
        assertTrue(ronde("a.xml", 20, 2));
    }

    @Test
    void oneListingJudgesEveryFileAtOnce() {
        regel.beginRonde();
        for (int i = 0; i < 100_000; i++) {
            assertFalse(regel.neemt("/in/" + i + ".xml", i + ".xml", 10, 1));
        }
        regel.eindeRonde();
        klok.advance(Duration.ofSeconds(2));
        regel.beginRonde();
        int genomen = 0;
        for (int i = 0; i < 100_000; i++) {
            genomen += regel.neemt("/in/" + i + ".xml", i + ".xml", 10, 1) ? 1 : 0;
        }
        regel.eindeRonde();
        assertEquals(100_000, genomen, "one quiet period for the whole folder, not one per file");
        assertEquals(2, regel.rondes());
    }

    @Test
    void aFileGoneFromAListingIsForgotten() {
        ronde("a.xml", 10, 1);
        klok.advance(Duration.ofSeconds(3));
        regel.beginRonde();
        regel.eindeRonde();
        assertFalse(ronde("a.xml", 10, 1), "back again: a new file, seen for the first time");
    }

    @Test
    void theNamesOfAWriterStillBusyAreNoCandidates() {
        assertTrue(Rustregel.isKandidaat("bericht.xml"));
        assertTrue(Rustregel.isKandidaat("EXPORT.ZIP"));
        assertFalse(Rustregel.isKandidaat(".bericht.xml"));
        assertFalse(Rustregel.isKandidaat("bericht.xml.tmp"));
        assertFalse(Rustregel.isKandidaat("bericht.txt"));
        ronde("bericht.xml.tmp", 10, 1);
        klok.advance(Duration.ofSeconds(3));
        assertFalse(ronde("bericht.xml.tmp", 10, 1));
    }

    @Test
    void afterAFailedPublishNoFileIsTakenForAWhile() {
        ronde("a.xml", 10, 1);
        klok.advance(Duration.ofSeconds(3));
        regel.storing();
        assertFalse(ronde("a.xml", 10, 1));
        klok.advance(Rustregel.PAUZE_NA_STORING);
        assertTrue(ronde("a.xml", 10, 1));
    }
}
