package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.testinfra.Xsd;

/** The integration tests' messages are iJw: valid by the official XSDs, read by the hub with the numbers they name. */
class BerichtenTest {

    static final String GEMEENTE = "0632";
    static final String AANBIEDER = "12345678";
    static final LocalDate DAG = LocalDate.of(2026, 11, 23);

    @Test
    void elkSoortBerichtVoldoetAanDeXsds() {
        String bsn = Berichten.bsn(0);
        Map<String, byte[]> berichten = new LinkedHashMap<>();
        berichten.put("JW301 met productcode", Berichten.toewijzing(GEMEENTE, AANBIEDER, bsn, DAG,
                Berichten.identificatie(), null, new Berichten.Product("X1", "45", "45A01")));
        berichten.put("JW301 alleen categorie, twee producten", Berichten.toewijzing(GEMEENTE, AANBIEDER, bsn, DAG,
                Berichten.identificatie(), null, new Berichten.Product("X2", "45", null),
                new Berichten.Product("X3", "43", "43A01")));
        berichten.put("JW301 met Einddatum en RedenWijziging", Berichten.toewijzing(GEMEENTE, AANBIEDER, bsn, DAG,
                Berichten.identificatie(), "13", new Berichten.Product("X1", "45", "45A01")));
        berichten.put("JW305", Berichten.start(GEMEENTE, AANBIEDER, bsn, DAG, Berichten.identificatie(), "1",
                new Berichten.Product("X1", "45", "45A01"), DAG));
        berichten.put("JW305 zonder toewijzing en product", Berichten.start(GEMEENTE, AANBIEDER, bsn, DAG,
                Berichten.identificatie(), "1", new Berichten.Product(null, null, null), DAG));
        berichten.put("JW307", Berichten.stop(GEMEENTE, AANBIEDER, bsn, DAG, Berichten.identificatie(), "1",
                new Berichten.Product("X1", "45", "45A01"), DAG.minusDays(30), DAG, "31"));
        berichten.put("JW315", Berichten.verzoek(GEMEENTE, AANBIEDER, bsn, DAG, Berichten.identificatie(), "02",
                new Berichten.Product(null, "45", "45A01")));
        Xsd xsd = new Xsd();
        berichten.forEach((soort, xml) -> assertEquals(List.of(), xsd.fouten(xml), soort));
    }

    @Test
    void eenNaamIsEenToewijzingNummerBinnenLdtNummer() throws IjwFout {
        String nummer = Berichten.toewijzingNummer("Y1");
        assertTrue(nummer.matches("[1-9][0-9]{8}"), nummer);
        assertEquals(nummer, Berichten.toewijzingNummer("Y1"));
        assertNotEquals(nummer, Berichten.toewijzingNummer("Y2"));

        IjwParser parser = new IjwParser();
        IjwBericht toewijzing = parser.parse(Berichten.toewijzing(GEMEENTE, AANBIEDER, Berichten.bsn(1), DAG,
                Berichten.identificatie(), null, new Berichten.Product("Y1", "45", "45A01")));
        assertEquals(nummer, toewijzing.toewijzingen().get(0).toewijzingNummer());
        assertEquals("JP", toewijzing.client().voorletters());
        IjwBericht stop = parser.parse(Berichten.stop(GEMEENTE, AANBIEDER, Berichten.bsn(1), DAG,
                Berichten.identificatie(), "1", new Berichten.Product("Y1", "45", "45A01"), DAG, DAG, "31"));
        assertEquals(nummer, stop.leveringen().get(0).toewijzingNummer());
    }
}
