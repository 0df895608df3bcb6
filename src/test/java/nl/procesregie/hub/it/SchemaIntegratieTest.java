package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.KindProces;

/**
 * The schema check on running hubs: with {@code streng} a deviating 3.2 message is parked as SCHEMA_ONGELDIG with its
 * Dutch reason and the next one is processed; with {@code melden} it is processed and counted in {@code /metrics}.
 * A parked record keeps its original key, byte for byte, on the iJw and the regie topics alike.
 */
class SchemaIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    static final String VOORLETTERS_FOUT =
            "Client/Naam/Voorletters voldoet niet aan het patroon van het iJw 3.2-schema";
    static String geldig;
    HubOmgeving omgeving;
    int poort;

    @BeforeAll
    static void laad() throws IOException {
        try (InputStream in = SchemaIntegratieTest.class.getClassLoader()
                .getResourceAsStream("ijw/schema/jw301-geldig.xml")) {
            geldig = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One hub per JVM at a time (its scheduler is JVM-wide): each test starts its own and stops it. */
    HubOmgeving start(String groep, String xsdControle) throws Exception {
        omgeving = new HubOmgeving();
        poort = KindProces.vrijePoort();
        Map<String, String> instellingen = omgeving.instellingen(groep);
        instellingen.put("HUB_HTTP_PORT", String.valueOf(poort));
        if (xsdControle != null) {
            instellingen.put("HUB_XSD_CONTROLE", xsdControle);
        }
        omgeving.start(instellingen);
        return omgeving;
    }

    @AfterEach
    void stop() {
        if (omgeving != null) {
            omgeving.close();
        }
    }

    /** The valid fixture for a gemeente of the test regio, with its own identity and allocation number. */
    static byte[] toewijzing(String identificatie, String nummer, boolean afwijkend) {
        String xml = geldig.replace("<Afzender>0344<", "<Afzender>0632<")
                .replace("TW-2024-0001", identificatie)
                .replace("<ToewijzingNummer>240001170<", "<ToewijzingNummer>" + nummer + "<");
        if (afwijkend) {
            xml = xml.replace("<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<");
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String naam) {
        return InnameIntegratieTest.header(r, naam);
    }

    @Test
    void strengParksADeviatingMessageWithItsReasonAndKeyAndProcessesTheNext() throws Exception {
        HubOmgeving streng = start("schema-streng", "streng");
        byte[] ijwSleutel = {0, (byte) 0xFF, (byte) 0xFE, 'j', 1};
        byte[] regieSleutel = {(byte) 0x80, (byte) 0xC3, 0x28};
        streng.kafka.send(streng.toewijzingen, ijwSleutel, toewijzing("SCHEMA-1", "510000001", true));
        streng.kafka.send(streng.toewijzingen, "jeugdige-2".getBytes(StandardCharsets.UTF_8),
                toewijzing("SCHEMA-2", "510000002", false));
        streng.kafka.send(streng.meldingen, regieSleutel, "{\"versie\":1,\"soort\":".getBytes(StandardCharsets.UTF_8));
        streng.kafka.send(streng.startStop, null, "geen xml".getBytes(StandardCharsets.UTF_8));
        streng.wachtTotVerwerkt("schema-streng", WACHT);

        List<ConsumerRecord<byte[], byte[]>> geparkeerd = streng.kafka.readAll(streng.ongeldig, 3, WACHT);
        assertEquals(3, geparkeerd.size());
        ConsumerRecord<byte[], byte[]> schema = vanTopic(geparkeerd, streng.toewijzingen);
        assertEquals("SCHEMA_ONGELDIG", header(schema, "hub-foutcode"));
        assertEquals("Het bericht voldoet niet aan het iJw 3.2-schema: " + VOORLETTERS_FOUT,
                header(schema, "hub-reden"));
        assertArrayEquals(ijwSleutel, schema.key(), "the parked record keeps its key byte for byte");
        assertArrayEquals(toewijzing("SCHEMA-1", "510000001", true), schema.value());
        assertArrayEquals(regieSleutel, vanTopic(geparkeerd, streng.meldingen).key(), "a regie record too");
        assertNull(vanTopic(geparkeerd, streng.startStop).key(), "no key stays no key");

        assertEquals(1, streng.telling("select count(*) from toewijzing where toewijzingnummer = '510000002'"),
                "the valid message after the parked one is processed");
        assertEquals(0, streng.telling("select count(*) from toewijzing where toewijzingnummer = '510000001'"));
    }

    @Test
    void meldenProcessesADeviatingMessageAndCountsItPerMessageType() throws Exception {
        HubOmgeving melden = start("schema-melden", null);
        melden.kafka.send(melden.toewijzingen, toewijzing("SCHEMA-3", "510000003", true));
        melden.kafka.send(melden.toewijzingen, toewijzing("SCHEMA-4", "510000004", false));
        melden.wachtTotVerwerkt("schema-melden", WACHT);

        assertEquals(2, melden.telling("select count(*) from toewijzing where toewijzingnummer in "
                + "('510000003', '510000004')"), "a deviating message is read as before");
        assertEquals(0, melden.kafka.endOffset(melden.ongeldig, 0), "nothing parked");
        String metingen = metrics();
        assertTrue(metingen.contains("\nprocesregie_schema_afwijkingen_total{bericht=\"JW301\"} 1\n"), metingen);
        assertTrue(metingen.contains("\nprocesregie_schema_afwijkingen_total{bericht=\"JW305\"} 0\n"), metingen);
    }

    static ConsumerRecord<byte[], byte[]> vanTopic(List<ConsumerRecord<byte[], byte[]>> records, String topic) {
        List<ConsumerRecord<byte[], byte[]>> van = records.stream()
                .filter(r -> topic.equals(header(r, "hub-bron-topic"))).toList();
        assertEquals(1, van.size(), "one parked record from " + topic);
        return van.get(0);
    }

    String metrics() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + poort + "/metrics")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
