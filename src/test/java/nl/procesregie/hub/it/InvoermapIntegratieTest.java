package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.aanlevering.Rustregel;
import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.app.Rustfilter;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.LogVanger;
import nl.procesregie.hub.testinfra.TestClock;

/**
 * The intake folder on a real hub, broker, database and SMTP server: files are taken once complete, published and
 * moved; what the hub cannot read goes to fout/ with its reason; a restart between publishing and moving is a no-op.
 * The hub's clock stands still until a test moves it past HUB_INVOER_RUSTTIJD, so no test waits for the quiet period.
 */
class InvoermapIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final Duration RUST = Duration.ofSeconds(2);
    static final String GROEP = "invoermap";

    @TempDir
    static Path map;
    static HubOmgeving omgeving;
    static TestClock klok;
    static Hub hub;

    @BeforeAll
    static void start() throws Exception {
        omgeving = new HubOmgeving();
        klok = new TestClock(Instant.now());
        hub = omgeving.start(instellingen(), klok);
    }

    static Map<String, String> instellingen() {
        Map<String, String> m = omgeving.instellingen(GROEP);
        m.put("HUB_INVOER_MAP", map.toString());
        m.put("HUB_INVOER_RUSTTIJD", RUST.toString());
        // A publish the broker never takes gives up after a third of the lease: 10 s rather than 40.
        m.put("HUB_OUTBOX_LEASE", "PT30S");
        m.put("SMTP_TIMEOUT", "PT5S");
        return m;
    }

    @AfterAll
    static void stop() {
        omgeving.close();
    }

    static Rustregel regel() {
        return hub.camelContext().getRegistry().lookupByNameAndType("invoerRust", Rustfilter.class).regel();
    }

    /** Waits for {@code n} whole listings of the folder that began after this call. */
    static void wachtOpRondes(int n) {
        long tot = regel().rondes() + n + 1;
        HubOmgeving.wachtTot(n + " rondes door de invoermap", WACHT, () -> regel().rondes() >= tot);
    }

    /** Lets the folder see what is there now, then moves the clock past the quiet period. */
    static void rustig() {
        wachtOpRondes(1);
        klok.advance(RUST.plusSeconds(1));
    }

    static Map<String, Long> eindes() {
        Map<String, Long> eind = new LinkedHashMap<>();
        for (String t : List.of(omgeving.toewijzingen, omgeving.startStop, omgeving.verzoeken, omgeving.ongeldig)) {
            eind.put(t, omgeving.kafka.endOffset(t, 0));
        }
        return eind;
    }

    static void wachtOpOffset(String topic, long offset) {
        HubOmgeving.wachtTot(topic + " tot " + offset, WACHT, () -> omgeving.kafka.endOffset(topic, 0) >= offset);
    }

    static List<String> namen(String submap) {
        try (Stream<Path> s = Files.list(map.resolve(submap))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean verplaatst(String submap, String naam) {
        return namen(submap).stream().anyMatch(n -> n.endsWith("_" + naam));
    }

    static byte[] toewijzing(String bsn, String gemeente, String product) {
        return Berichten.toewijzing(gemeente, "20000001", bsn, LocalDate.now(), Berichten.identificatie(), null,
                new Product(product, "45", "45A01"));
    }

    static byte[] zip(Map<String, byte[]> ingangen) throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(uit)) {
            for (Map.Entry<String, byte[]> e : ingangen.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return uit.toByteArray();
    }

    static void wachtTotUitgaandLeeg() {
        HubOmgeving.wachtTot("outbox leeg", WACHT,
                () -> omgeving.tel("select count(*) from uitgaand where status = 'WACHTEND'") == 0);
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String naam) {
        return InnameIntegratieTest.header(r, naam);
    }

    @Test
    void aHalfWrittenFileIsLeftAloneUntilItIsQuiet() throws Exception {
        Map<String, Long> voor = eindes();
        byte[] bericht = toewijzing(Berichten.bsn(60), "0632", "M1");
        Path bestand = map.resolve("half.xml");
        Files.write(bestand, Arrays.copyOf(bericht, bericht.length / 3));
        wachtOpRondes(2);
        // The writer goes on; in all, more than the quiet period passes after the file first appeared, but never
        // that long without a change: each listing that sees it grown starts its quiet period anew.
        Duration ruim = RUST.multipliedBy(6).dividedBy(10);
        klok.advance(ruim);
        Files.write(bestand, Arrays.copyOf(bericht, 2 * bericht.length / 3));
        wachtOpRondes(2);
        klok.advance(ruim);
        wachtOpRondes(3);
        assertTrue(Files.exists(bestand), "a file still being written stays");
        assertEquals(voor, eindes(), "nothing of it is published");

        Files.write(bestand, bericht);
        rustig();
        wachtOpOffset(omgeving.toewijzingen, voor.get(omgeving.toewijzingen) + 1);
        HubOmgeving.wachtTot("half.xml in verwerkt/", WACHT, () -> verplaatst("verwerkt", "half.xml"));
        assertFalse(Files.exists(bestand));
        ConsumerRecord<byte[], byte[]> r = omgeving.kafka.readAll(omgeving.toewijzingen,
                (int) (voor.get(omgeving.toewijzingen) + 1), WACHT).get(voor.get(omgeving.toewijzingen).intValue());
        assertArrayEquals(bericht, r.value(), "the whole message, as written");
        assertEquals(64, new String(r.key(), StandardCharsets.UTF_8).length(), "keyed by the pseudonym");
        assertFalse(new String(r.key(), StandardCharsets.UTF_8).contains(Berichten.bsn(60)));
    }

    @Test
    void aFileRenamedIntoTheFolderIsTakenAndTemporaryNamesAreNot() throws Exception {
        Map<String, Long> voor = eindes();
        byte[] bericht = Berichten.start("0632", "20000001", Berichten.bsn(61), LocalDate.now(),
                Berichten.identificatie(), "1", new Product("M2", "45", "45A01"), LocalDate.now());
        Path tijdelijk = map.resolve("start.xml.tmp");
        Path verborgen = map.resolve(".start.xml");
        Files.write(tijdelijk, bericht);
        Files.write(verborgen, bericht);
        rustig();
        wachtOpRondes(2);
        assertTrue(Files.exists(tijdelijk) && Files.exists(verborgen), "names of a writer still busy are ignored");
        assertEquals(voor, eindes());

        Files.move(tijdelijk, map.resolve("start.xml"));
        Files.delete(verborgen);
        rustig();
        wachtOpOffset(omgeving.startStop, voor.get(omgeving.startStop) + 1);
        HubOmgeving.wachtTot("start.xml in verwerkt/", WACHT, () -> verplaatst("verwerkt", "start.xml"));
    }

    @Test
    void aBrokenMessageInAZipIsParkedAndTheRestPublished() throws Exception {
        Map<String, Long> voor = eindes();
        Map<String, byte[]> ingangen = new LinkedHashMap<>();
        ingangen.put("map/", new byte[0]);
        ingangen.put("map/1.xml", toewijzing(Berichten.bsn(62), "0632", "Z1"));
        ingangen.put("map/2.xml", toewijzing(Berichten.bsn(63), "0999", "Z2"));
        ingangen.put("map/3.xml", toewijzing(Berichten.bsn(64), "0632", "Z3"));
        ingangen.put("LEESMIJ.txt", "export van de suite".getBytes(StandardCharsets.UTF_8));
        Files.write(map.resolve("batch.zip"), zip(ingangen));
        rustig();
        wachtOpOffset(omgeving.toewijzingen, voor.get(omgeving.toewijzingen) + 2);
        wachtOpOffset(omgeving.ongeldig, voor.get(omgeving.ongeldig) + 1);
        HubOmgeving.wachtTot("batch.zip in verwerkt/", WACHT, () -> verplaatst("verwerkt", "batch.zip"));

        ConsumerRecord<byte[], byte[]> geparkeerd = omgeving.kafka.readAll(omgeving.ongeldig,
                (int) (voor.get(omgeving.ongeldig) + 1), WACHT).get(voor.get(omgeving.ongeldig).intValue());
        assertEquals("GEMEENTE_ONBEKEND", header(geparkeerd, "hub-foutcode"));
        assertTrue(header(geparkeerd, "hub-reden").contains("0999"), header(geparkeerd, "hub-reden"));
        assertEquals("batch.zip!/map/2.xml", header(geparkeerd, "hub-bron-bestand"));
        assertTrue(header(geparkeerd, "hub-tijdstip") != null);
        assertNull(header(geparkeerd, "hub-bron-topic"), "a file entry has no source record");
        assertArrayEquals(ingangen.get("map/2.xml"), geparkeerd.value());
        assertEquals(voor.get(omgeving.toewijzingen) + 2, omgeving.kafka.endOffset(omgeving.toewijzingen, 0));
    }

    @Test
    void aFileThatIsNoIjwGoesToFoutWithItsReasonAndNothingIsPublished() throws Exception {
        Map<String, Long> voor = eindes();
        String bsnNaam = "jeugdige-" + Berichten.bsn(65) + ".xml";
        Files.writeString(map.resolve(bsnNaam), "dit is geen xml");
        Files.write(map.resolve("kapot.zip"), Arrays.copyOf(zip(Map.of("1.xml",
                toewijzing(Berichten.bsn(66), "0632", "K1"))), 60));
        Files.write(map.resolve("leeg.zip"), zip(Map.of("LEESMIJ.txt", new byte[] {1})));
        rustig();
        HubOmgeving.wachtTot("drie bestanden in fout/", WACHT, () -> namen("fout").stream()
                .filter(n -> !n.endsWith(".reden.txt")).count() >= 3);
        for (String naam : List.of(bsnNaam, "kapot.zip", "leeg.zip")) {
            String verplaatst = namen("fout").stream().filter(n -> n.endsWith("_" + naam)).findFirst().orElseThrow();
            String reden = Files.readString(map.resolve("fout").resolve(verplaatst + ".reden.txt"));
            assertTrue(reden.contains("Foutcode: XML_ONGELDIG"), reden);
            assertFalse(reden.contains(Berichten.bsn(65)), "no BSN in a reason: " + reden);
        }
        wachtOpRondes(2);
        assertEquals(voor, eindes(), "nothing of an unreadable file is published");
    }

    @Test
    void aRestartBetweenPublishingAndMovingPublishesAgainAndChangesNothing() throws Exception {
        omgeving.smtp.reset();
        String bsn = Berichten.bsn(67);
        Map<String, byte[]> ingangen = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            ingangen.put(i + ".xml", Berichten.toewijzing("0632", "4000000" + i, bsn, LocalDate.now(),
                    Berichten.identificatie(), null, new Product("R" + i, "45", "45A2" + i)));
        }
        byte[] batch = zip(ingangen);
        long voor = omgeving.kafka.endOffset(omgeving.toewijzingen, 0);
        Files.write(map.resolve("vier.zip"), batch);
        rustig();
        omgeving.smtp.waitForMessages(1, WACHT);
        HubOmgeving.wachtTot("vier.zip in verwerkt/", WACHT, () -> verplaatst("verwerkt", "vier.zip"));
        wachtTotUitgaandLeeg();
        String pseudoniem = new String(omgeving.kafka.readAll(omgeving.toewijzingen, (int) voor + 4, WACHT)
                .get((int) voor).key(), StandardCharsets.UTF_8);
        long signalen = omgeving.telling("select count(*) from signaal where jeugdige = ?", pseudoniem);
        assertEquals(1, signalen, "the fourth trajectory raised one signal");

        // The state a crash before the move leaves: the file still in the folder, its messages on the broker.
        omgeving.stop(hub);
        Files.write(map.resolve("vier.zip"), batch);
        hub = omgeving.start(instellingen(), klok);
        rustig();
        wachtOpOffset(omgeving.toewijzingen, voor + 8);
        HubOmgeving.wachtTot("vier.zip weer in verwerkt/", WACHT, () -> namen("verwerkt").stream()
                .filter(n -> n.endsWith("_vier.zip")).count() == 2);
        omgeving.wachtTotVerwerkt(GROEP, WACHT);
        wachtTotUitgaandLeeg();
        assertEquals(1, omgeving.telling("select count(*) from signaal where jeugdige = ?", pseudoniem));
        assertEquals(1, omgeving.smtp.received().length, "one mail, however often the file was published");
    }

    @Test
    void aFileTheBrokerDoesNotTakeStaysAndIsPublishedWhenItIsBack() throws Exception {
        Map<String, Long> voor = eindes();
        // A name with a number that passes the eleven-test: no line of the hub may show it (Camel's own lines go
        // through a masking appender in production, see LogConfiguratieTest).
        Path bestand = map.resolve("verzoek-999999990.xml");
        byte[] verzoek = Berichten.verzoek("0632", "20000001", Berichten.bsn(62), LocalDate.now(),
                Berichten.identificatie(), "02", new Product(null, "45", "45A01"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                omgeving.kafka.bootstrapServers())); LogVanger log = LogVanger.vang()) {
            admin.deleteTopics(List.of(omgeving.verzoeken)).all().get();
            try {
                HubOmgeving.wachtTot("het topic verwijderd", WACHT, () -> {
                    try {
                        return !admin.listTopics().names().get().contains(omgeving.verzoeken);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Files.write(bestand, verzoek);
                rustig();
                HubOmgeving.wachtTot("de mislukte publicatie gemeld", WACHT,
                        () -> !log.met("niet (geheel) gepubliceerd").isEmpty());
                assertTrue(Files.exists(bestand), "the file stays where it was");
                assertFalse(verplaatst("verwerkt", "verzoek-999999990.xml"));
                assertEquals(List.of(), log.met("999999990").stream()
                        .filter(r -> r.logger().startsWith("nl.procesregie")).toList());
            } finally {
                omgeving.kafka.createTopics(1, omgeving.verzoeken);
            }
            klok.advance(Rustregel.PAUZE_NA_STORING.plusSeconds(1));
            rustig();
            HubOmgeving.wachtTot("verzoek in verwerkt/", WACHT, () -> verplaatst("verwerkt",
                    "verzoek-999999990.xml"));
            assertEquals(1, omgeving.kafka.endOffset(omgeving.verzoeken, 0), "published once the broker takes it");
            assertEquals(voor.get(omgeving.ongeldig), eindes().get(omgeving.ongeldig), "nothing parked");
        }
    }
}
