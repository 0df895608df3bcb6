package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.TestClock;

class SnelheidsgrensTest {

    final TestClock klok = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    final Snelheidsgrens grens = new Snelheidsgrens(4, klok);

    int toegelaten(String wie, int pogingen) {
        int n = 0;
        for (int i = 0; i < pogingen; i++) {
            if (grens.neem(wie).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void eenVolleEmmerLaatZijnInhoudInEensToeEnDanNiets() {
        assertEquals(4, toegelaten("a", 10));
        assertEquals(Optional.of(Duration.ofMillis(250)), grens.neem("a"));
    }

    @Test
    void deEmmerLooptBijMetDeTijd() {
        toegelaten("a", 4);
        klok.advance(Duration.ofMillis(100));
        assertEquals(Optional.of(Duration.ofMillis(150)), grens.neem("a"), "what is still missing");
        klok.advance(Duration.ofMillis(150));
        assertEquals(1, toegelaten("a", 3));
        // Never more than the burst, however long it was quiet.
        klok.advance(Duration.ofHours(1));
        assertEquals(4, toegelaten("a", 10));
    }

    @Test
    void elkeAanleveraarHeeftEenEigenEmmer() {
        assertEquals(4, toegelaten("a", 10));
        assertEquals(4, toegelaten("b", 10));
    }

    @Test
    void eenTeruggezetteKlokGeeftGeenRuimteEnNeemtGeenRuimte() {
        toegelaten("a", 3);
        klok.advance(Duration.ofSeconds(-10));
        assertEquals(1, toegelaten("a", 5));
        klok.advance(Duration.ofMillis(250));
        assertEquals(1, toegelaten("a", 5));
    }

    @Test
    void gelijktijdigeVerzoekenNemenSamenNietMeerDanErIs() throws Exception {
        Snelheidsgrens ruim = new Snelheidsgrens(1000, klok);
        ExecutorService draden = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> taken = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                taken.add(() -> {
                    int n = 0;
                    for (int i = 0; i < 500; i++) {
                        if (ruim.neem("a").isEmpty()) {
                            n++;
                        }
                    }
                    return n;
                });
            }
            int totaal = 0;
            for (Future<Integer> f : draden.invokeAll(taken)) {
                totaal += f.get();
            }
            assertEquals(1000, totaal);
        } finally {
            draden.shutdownNow();
        }
    }
}
