package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.XsdControle;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.it.Berichten.Product;

class AanleveringTest {

    static final byte[] SLEUTEL = "een-pseudoniemsleutel-voor-de-test".getBytes(StandardCharsets.UTF_8);
    static final Pseudonimisering PSEUDONIEMEN = new Pseudonimisering(SLEUTEL);
    static final LocalDate DAG = LocalDate.of(2026, 11, 2);
    static final Product PRODUCT = new Product("AANL-1", "45", "45A01");

    final Aanlevering aanlevering = new Aanlevering(
            new IjwInlezer(new IjwParser(), XsdControle.UIT, 100_000, code -> code.equals("0632")),
            new Pseudonimisering(SLEUTEL), Map.of(
                    BerichtSoort.JW301, "toewijzingen",
                    BerichtSoort.JW305, "start-stop",
                    BerichtSoort.JW307, "start-stop",
                    BerichtSoort.JW315, "verzoeken"));

    @Test
    void elkeBerichtsoortGaatNaarZijnTopicMetHetPseudoniemAlsSleutel() throws IjwFout {
        String bsn = Berichten.bsn(1);
        Map<byte[], String> berichten = Map.of(
                Berichten.toewijzing("0632", "30000001", bsn, DAG, "A-1", null, PRODUCT), "toewijzingen",
                Berichten.start("0632", "30000001", bsn, DAG, "A-2", "1", PRODUCT, DAG), "start-stop",
                Berichten.stop("0632", "30000001", bsn, DAG, "A-3", "1", PRODUCT, DAG, DAG, "31"), "start-stop",
                Berichten.verzoek("0632", "30000001", bsn, DAG, "A-4", "02", PRODUCT), "verzoeken");
        for (Map.Entry<byte[], String> b : berichten.entrySet()) {
            Publicatie p = aanlevering.lees(b.getKey());
            assertEquals(b.getValue(), p.topic(), p.bericht().soort().name());
            assertEquals(PSEUDONIEMEN.pseudoniem(bsn), p.sleutel());
            assertArrayEquals(b.getKey(), p.waarde(), "the message is published as it came");
        }
    }

    @Test
    void eenFoutVanHetInlezenKomtOngewijzigdDoor() {
        IjwFout geenXml = assertThrows(IjwFout.class,
                () -> aanlevering.lees("geen xml".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Foutcode.XML_ONGELDIG, geenXml.code());
        IjwFout onbekend = assertThrows(IjwFout.class, () -> aanlevering.lees(
                Berichten.toewijzing("0999", "30000001", Berichten.bsn(2), DAG, "A-5", null, PRODUCT)));
        assertEquals(Foutcode.GEMEENTE_ONBEKEND, onbekend.code());
        assertEquals("Gemeente 0999 staat niet in de regioconfiguratie van deze hub", onbekend.reden());
    }
}
