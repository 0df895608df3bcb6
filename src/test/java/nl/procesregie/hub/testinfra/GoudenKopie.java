package nl.procesregie.hub.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins output that must not change by accident (a rendered mail): compares it with a copy committed under
 * {@code src/test/resources/gouden/}. A deliberate change is written with {@code -Dgouden.schrijf=true}, and then
 * reviewed in the diff like any other change.
 */
public final class GoudenKopie {

    private static final Path MAP = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "gouden");

    private GoudenKopie() {
    }

    /** @param naam the copy's path below {@code gouden/}, e.g. {@code mail/crisis.txt} */
    public static void vergelijk(String naam, String uitvoer) {
        Path kopie = MAP.resolve(naam);
        try {
            if (Boolean.getBoolean("gouden.schrijf")) {
                Files.createDirectories(kopie.getParent());
                Files.writeString(kopie, uitvoer, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(kopie), "geen gouden kopie " + kopie + "; schrijf hem met -Dgouden.schrijf=true");
            assertEquals(Files.readString(kopie, StandardCharsets.UTF_8), uitvoer, "anders dan de gouden kopie "
                    + naam + " (bedoeld? schrijf hem opnieuw met -Dgouden.schrijf=true en bekijk de diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
