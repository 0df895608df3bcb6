package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InvoermapTest {

    @Test
    void aShortNameIsKeptAsItIs() {
        assertEquals("export-2026-12-08.zip", Invoermap.ingekort("export-2026-12-08.zip"));
    }

    @Test
    void aLongNameIsCutBeforeItsExtensionToFitAMove() {
        String lang = "x".repeat(300) + ".xml";
        String kort = Invoermap.ingekort(lang);
        assertTrue(kort.getBytes(StandardCharsets.UTF_8).length <= Invoermap.NAAMDEEL, kort);
        assertTrue(kort.endsWith("~.xml"), kort);
        assertTrue(kort.startsWith("xxxx"), kort);
    }

    @Test
    void aLongNameOfManyByteCharactersIsCutByItsBytesNotBetweenThem() {
        String lang = "cliënt-€-".repeat(40) + ".zip";
        String kort = Invoermap.ingekort(lang);
        byte[] bytes = kort.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= Invoermap.NAAMDEEL, kort);
        assertEquals(kort, new String(bytes, StandardCharsets.UTF_8), "no character split in two");
        assertTrue(kort.endsWith("~.zip"), kort);
    }
}
