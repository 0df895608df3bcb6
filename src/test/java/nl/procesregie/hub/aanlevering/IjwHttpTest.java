package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.config.Aanleveraar;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.XsdControle;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.TestClock;

/** The order of the checks and the form of the answers; the route and HTTP itself are HttpAanleveringIntegratieTest's. */
class IjwHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "Bearer token-van-woerden";
    static final LocalDate DAG = LocalDate.of(2026, 11, 2);

    final Aanleveraar woerden = new Aanleveraar("Backoffice Woerden",
            Tokencontrole.hashVan("token-van-woerden").substring(7), Set.of("0632"), Set.of());
    final IjwHttp http = new IjwHttp(new Aanlevering(
            new IjwInlezer(new IjwParser(), XsdControle.UIT, 10_000, code -> !code.equals("0999")),
            new Pseudonimisering("een-pseudoniemsleutel-voor-de-test".getBytes(StandardCharsets.UTF_8)), Map.of(
                    BerichtSoort.JW301, "toewijzingen", BerichtSoort.JW305, "start-stop",
                    BerichtSoort.JW307, "start-stop", BerichtSoort.JW315, "verzoeken")),
            new Tokencontrole(List.of(woerden)), new Snelheidsgrens(2, new TestClock(Instant.EPOCH)), 10_000);

    static byte[] toewijzing(String gemeente, String bsn) {
        return Berichten.toewijzing(gemeente, "30000001", bsn, DAG, "H-1", null, new Product("H-1", "45", "45A01"));
    }

    static String foutcode(Beoordeling b) throws Exception {
        assertNull(b.toelating());
        return JSON.readTree(b.weigering().body()).get("foutcode").asText();
    }

    @Test
    void eenToegelatenBerichtNoemtZijnAanleveraarEnZijnTopic() {
        Beoordeling b = http.beoordeel(TOKEN, "application/xml", toewijzing("0632", Berichten.bsn(1)));
        assertNull(b.weigering());
        assertEquals("Backoffice Woerden", b.toelating().aanleveraar());
        assertEquals("toewijzingen", b.toelating().publicatie().topic());
    }

    @Test
    void zonderGeldigTokenZegtHetAntwoordNietsAnders() throws Exception {
        byte[] onleesbaar = "geen xml".getBytes(StandardCharsets.UTF_8);
        Aanleverantwoord zonder = http.beoordeel(null, "text/plain", onleesbaar).weigering();
        Aanleverantwoord misvormd = http.beoordeel("Bearer", "application/xml", onleesbaar).weigering();
        Aanleverantwoord onbekend = http.beoordeel("Bearer ander-token", "application/xml",
                toewijzing("0632", Berichten.bsn(2))).weigering();
        assertEquals(401, zonder.status());
        assertEquals("Bearer realm=\"procesregie-hub\"", zonder.wwwAuthenticate());
        assertEquals(zonder, misvormd);
        assertEquals(zonder, onbekend);
        assertEquals(zonder, http.teGroot("Bearer ander-token"));
    }

    @Test
    void hetInhoudstypeTeltVoorDeGrens() throws Exception {
        byte[] bericht = toewijzing("0632", Berichten.bsn(3));
        assertEquals("INHOUDSTYPE_ONGELDIG", foutcode(http.beoordeel(TOKEN, "application/json", bericht)));
        assertEquals("INHOUDSTYPE_ONGELDIG", foutcode(http.beoordeel(TOKEN, "application/xml-dtd", bericht)));
        assertEquals("INHOUDSTYPE_ONGELDIG", foutcode(http.beoordeel(TOKEN, null, bericht)));
        assertNotNull(http.beoordeel(TOKEN, "Text/XML ; charset=utf-8", bericht).toelating());
        assertNotNull(http.beoordeel(TOKEN, "application/xml", bericht).toelating());
        // Two messages a second: the refused content types did not count.
        Beoordeling teVeel = http.beoordeel(TOKEN, "application/xml", bericht);
        assertEquals("TE_VEEL_BERICHTEN", foutcode(teVeel));
        assertEquals(429, teVeel.weigering().status());
        assertEquals("1", teVeel.weigering().retryAfter());
    }

    @Test
    void eenOnleesbaarBerichtKrijgtDeCodeEnRedenVanHetParkerenZonderBsn() throws Exception {
        String bsn = Berichten.bsn(4);
        byte[] heel = toewijzing("0632", bsn);
        Beoordeling geenXml = http.beoordeel(TOKEN, "application/xml", Arrays.copyOf(heel, heel.length - 30));
        assertEquals(400, geenXml.weigering().status());
        assertEquals("XML_ONGELDIG", foutcode(geenXml));
        assertFalse(geenXml.weigering().body().contains(bsn), geenXml.weigering().body());
        JsonNode onbekend = JSON.readTree(http.beoordeel(TOKEN, "application/xml", toewijzing("0999", bsn))
                .weigering().body());
        assertEquals("GEMEENTE_ONBEKEND", onbekend.get("foutcode").asText());
        assertEquals("Gemeente 0999 staat niet in de regioconfiguratie van deze hub", onbekend.get("reden").asText());
    }

    @Test
    void eenBerichtVanEenAndereGemeenteIsVerboden() throws Exception {
        Beoordeling b = http.beoordeel(TOKEN, "application/xml", toewijzing("0184", Berichten.bsn(5)));
        assertEquals(403, b.weigering().status());
        assertEquals("AFZENDER_NIET_TOEGESTAAN", foutcode(b));
        assertTrue(b.weigering().body().contains("0184"), b.weigering().body());
    }

    @Test
    void hetAntwoordNaBevestigingNoemtDePlekVanHetRecord() throws Exception {
        Beoordeling b = http.beoordeel(TOKEN, "application/xml", toewijzing("0632", Berichten.bsn(6)));
        Aanleverantwoord a = http.aanvaard(b.toelating(), List.of(new RecordMetadata(
                new TopicPartition("toewijzingen", 2), 41, 0, 0L, 10, 100)));
        assertEquals(202, a.status());
        assertEquals("{\"topic\":\"toewijzingen\",\"partitie\":2,\"offset\":41}", a.body());
        Aanleverantwoord storing = http.nietBevestigd(b.toelating(), new IllegalStateException("weg"));
        assertEquals(503, storing.status());
        assertEquals("30", storing.retryAfter());
    }
}
