package nl.procesregie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.testinfra.GoudenKopie;

/**
 * The content hash of a processed message is stored, and a redelivery is recognised by it: a hash that changes for
 * the same message (a field added to a parsed record, a changed order) would park every redelivered message of the
 * past as a CONFLICT. So the hashes of fixed messages are pinned.
 */
class InhoudHashTest {

    @Test
    void deInhoudshashVanVasteBerichtenVerandertNiet() throws Exception {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String bestand : new String[] {"jw301-3_2.xml", "jw301-meerdere-producten.xml", "jw305.xml", "jw307.xml",
                "jw315.xml"}) {
            IjwBericht b = new IjwParser().parse(lees(bestand));
            hashes.put(bestand, HexFormat.of().formatHex(BerichtVerwerking.inhoudHash(b, "een-vast-pseudoniem")));
        }
        StringBuilder tekst = new StringBuilder();
        hashes.forEach((bestand, hash) -> tekst.append(bestand).append(' ').append(hash).append('\n'));
        GoudenKopie.vergelijk("inhoudhash.txt", tekst.toString());
        assertEquals(5, hashes.values().stream().distinct().count(), "each message its own hash");
    }

    private static byte[] lees(String bestand) throws IOException {
        try (InputStream in = InhoudHashTest.class.getResourceAsStream("/ijw/" + bestand)) {
            assertNotNull(in, bestand);
            return in.readAllBytes();
        }
    }
}
