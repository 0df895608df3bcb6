package nl.procesregie.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's short form, in every build: all of its parts run on a small feed and print their figures (in the
 * build log, from target/tabellen/). It checks only what must hold at any speed: every record handled, no mail from
 * the replay, one signal and one mail for every live youth. The long form is the same test with
 * {@code -Dbench.berichten=1000000 -Dbench.live=PT60S}.
 */
class BenchmarkIntegratieTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path map;

    @Test
    void everyPartIsMeasuredAndNothingIsLost() throws Exception {
        Benchmark.Uitslag u = new Benchmark(Benchmark.Opzet.uitSysteem(20_000, Duration.ofSeconds(3)), map).meet();
        Path tabellen = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "tabellen"));
        Files.write(tabellen.resolve("benchmark.txt"), u.verslag(), StandardCharsets.UTF_8);

        assertEquals(u.identiteiten(), u.verwerkt(), "de hub legde elk geldig bericht van de feed vast");
        assertEquals(0, u.mailsTijdensReplay(), "de replay stuurt geen mail");
        for (Benchmark.Live l : u.live().values()) {
            assertEquals(l.verwacht(), l.totCommit().size(), "één signaal per jeugdige bij " + l.tempo() + "/s");
            assertEquals(l.verwacht(), l.totMail().size(), "één mail per signaal bij " + l.tempo() + "/s");
        }
    }
}
