package nl.procesregie.hub.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodelijstenTest {

    private final Codelijsten codelijsten = Codelijsten.standaard();

    @Test
    void standaardIsEenmaligGeladen() {
        assertSame(codelijsten, Codelijsten.standaard());
    }

    @Test
    void voorloopnullenBlijvenBehouden() {
        assertTrue(codelijsten.bevat(Codelijst.REDEN_WIJZIGING, "01"));
        assertFalse(codelijsten.bevat(Codelijst.REDEN_WIJZIGING, "1"));
        assertTrue(codelijsten.bevat(Codelijst.VERWIJZER_TYPE, "08"));
        assertFalse(codelijsten.bevat(Codelijst.VERWIJZER_TYPE, "8"));
    }

    @Test
    void omschrijvingenKomenUitDeStandaard() {
        assertEquals(Optional.of("Jeugdhulp crisis"), codelijsten.omschrijving(Codelijst.PRODUCTCATEGORIE, "46"));
        assertEquals(Optional.of("Pleegzorg (categorie 2015)"),
                codelijsten.omschrijving(Codelijst.PRODUCTCATEGORIE, "35"));
        assertEquals(Optional.of("Verwijderd"), codelijsten.omschrijving(Codelijst.REDEN_WIJZIGING, "13"));
        assertEquals(Optional.of("Levering is tijdelijk beëindigd"),
                codelijsten.omschrijving(Codelijst.REDEN_BEEINDIGING, "20"));
        assertEquals(Optional.of("Verwijderen aanlevering"),
                codelijsten.omschrijving(Codelijst.STATUS_AANLEVERING, "3"));
        assertEquals(Optional.of("Zelfverwijzer/geen verwijzer"),
                codelijsten.omschrijving(Codelijst.VERWIJZER_TYPE, "06"));
        assertEquals(Optional.of("Dagdeel (4 uur)"), codelijsten.omschrijving(Codelijst.EENHEID, "16"));
        assertEquals(Optional.of("Per week"), codelijsten.omschrijving(Codelijst.FREQUENTIE, "2"));
    }

    @Test
    void productcategorieenOmvattenDeOudeEnDeHuidige() {
        for (int categorie = 31; categorie <= 38; categorie++) {
            assertTrue(codelijsten.bevat(Codelijst.PRODUCTCATEGORIE, Integer.toString(categorie)));
        }
        for (int categorie = 40; categorie <= 55; categorie++) {
            assertTrue(codelijsten.bevat(Codelijst.PRODUCTCATEGORIE, Integer.toString(categorie)));
        }
        assertFalse(codelijsten.bevat(Codelijst.PRODUCTCATEGORIE, "39"));
    }

    @Test
    void onbekendeCodeGeeftGeenOmschrijving() {
        assertEquals(Optional.empty(), codelijsten.omschrijving(Codelijst.STATUS_AANLEVERING, "4"));
        assertFalse(codelijsten.bevat(Codelijst.REDEN_BEEINDIGING, null));
    }
}
