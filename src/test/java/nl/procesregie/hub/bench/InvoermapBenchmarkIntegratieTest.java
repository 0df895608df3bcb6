package nl.procesregie.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake folder's benchmark, short form in every build (figures in the build log, from target/tabellen/). The
 * long form: {@code -Dtest=InvoermapBenchmarkIntegratieTest -Dbench.invoer.berichten=100000}.
 */
class InvoermapBenchmarkIntegratieTest {

    @TempDir
    Path werkmap;

    @Test
    void filesAndZipsAreAllPublishedAndMoved() throws Exception {
        InvoermapBenchmark bench = new InvoermapBenchmark(Integer.getInteger("bench.invoer.berichten", 1_000),
                Integer.getInteger("bench.invoer.perzip", 100), werkmap);
        List<InvoermapBenchmark.Meting> metingen = bench.meet();
        Path tabellen = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "tabellen"));
        Files.write(tabellen.resolve("invoermap.txt"), bench.verslag(), StandardCharsets.UTF_8);
        assertEquals(2, metingen.size());
        for (InvoermapBenchmark.Meting m : metingen) {
            assertEquals(m.berichten(), m.gepubliceerd(), m.vorm() + ": every message once on the broker");
            assertEquals(m.bestanden(), m.verwerkt(), m.vorm() + ": every file in verwerkt/");
        }
    }
}
