package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.config.Aanleveraar;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;

class AanleverrechtTest {

    static final String HASH = "0".repeat(64);
    static final Aanleveraar GEMEENTE = new Aanleveraar("Backoffice Woerden", HASH, Set.of("0632"), Set.of());
    static final Aanleveraar AANBIEDER = new Aanleveraar("Zorgaanbieder", HASH, Set.of(), Set.of("40000001"));

    static IjwBericht bericht(BerichtSoort soort, String afzender, String ontvanger) {
        return new IjwBericht(soort, "3_2", null, afzender, ontvanger, null, List.of(), List.of(), List.of());
    }

    @Test
    void eenGemeenteStuurtHaarToewijzingenEnDeStartsStopsEnVerzoekenDieZeOntving() {
        assertTrue(Aanleverrecht.mag(GEMEENTE, bericht(BerichtSoort.JW301, "0632", "40000001")));
        for (BerichtSoort soort : List.of(BerichtSoort.JW305, BerichtSoort.JW307, BerichtSoort.JW315)) {
            assertTrue(Aanleverrecht.mag(GEMEENTE, bericht(soort, "40000001", "0632")), soort.name());
            assertTrue(Aanleverrecht.mag(GEMEENTE, bericht(soort, "49999999", "0632")), "any provider");
            assertFalse(Aanleverrecht.mag(GEMEENTE, bericht(soort, "40000001", "0184")), "another gemeente");
        }
        assertFalse(Aanleverrecht.mag(GEMEENTE, bericht(BerichtSoort.JW301, "0184", "40000001")));
        // The gemeente as Ontvanger of a JW301 is nonsense, not a message of that gemeente.
        assertFalse(Aanleverrecht.mag(GEMEENTE, bericht(BerichtSoort.JW301, "40000001", "0632")));
    }

    @Test
    void eenAfzendercodeGeldtPreciesEnVoorElkeGemeente() {
        assertTrue(Aanleverrecht.mag(AANBIEDER, bericht(BerichtSoort.JW305, "40000001", "0632")));
        assertTrue(Aanleverrecht.mag(AANBIEDER, bericht(BerichtSoort.JW315, "40000001", "0184")));
        assertFalse(Aanleverrecht.mag(AANBIEDER, bericht(BerichtSoort.JW305, "40000002", "0632")));
        assertFalse(Aanleverrecht.mag(AANBIEDER, bericht(BerichtSoort.JW305, "4000000", "0632")));
        // A gemeente's allocation to this provider is the gemeente's to send.
        assertFalse(Aanleverrecht.mag(AANBIEDER, bericht(BerichtSoort.JW301, "0632", "40000001")));
    }

    @Test
    void beideLijstenTellen() {
        Aanleveraar beide = new Aanleveraar("Beide", HASH, Set.of("0632"), Set.of("40000001"));
        assertTrue(Aanleverrecht.mag(beide, bericht(BerichtSoort.JW301, "0632", "40000009")));
        assertTrue(Aanleverrecht.mag(beide, bericht(BerichtSoort.JW305, "40000001", "0184")));
        assertFalse(Aanleverrecht.mag(beide, bericht(BerichtSoort.JW305, "40000009", "0184")));
    }
}
