package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.notify.OpgemaakteMail;
import nl.procesregie.hub.notify.Uitgaand;
import nl.procesregie.hub.signals.SignaalOpslag;
import nl.procesregie.hub.signals.SignaalRij;
import nl.procesregie.hub.signals.SignaalSoort;

/**
 * Dead letters, the referrer rule, the signal horizon, an SMTP outage and a malformed recipient, on one running hub.
 */
class InnameIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final String GROEP = "inname";
    static final int MAX_BYTES = 300_000;
    static HubOmgeving omgeving;

    @BeforeAll
    static void start() throws Exception {
        omgeving = new HubOmgeving();
        Map<String, String> instellingen = omgeving.instellingen(GROEP);
        instellingen.put("HUB_MAX_RECORD_BYTES", String.valueOf(MAX_BYTES));
        omgeving.start(instellingen);
    }

    @AfterAll
    static void stop() {
        omgeving.close();
    }

    @BeforeEach
    void leeg() {
        omgeving.smtp.reset();
    }

    static void vierTrajecten(String gemeente, String bsn, LocalDate dag, String nummerPrefix) {
        for (int i = 1; i <= 4; i++) {
            omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing(gemeente, "2000000" + i, bsn, dag,
                    Berichten.identificatie(), null, new Product(nummerPrefix + i, "45", "45A1" + i)));
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String naam) {
        Header h = r.headers().lastHeader(naam);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void wachtTotUitgaandLeeg() {
        HubOmgeving.wachtTot("outbox leeg", WACHT, () -> {
            try {
                return omgeving.telling("select count(*) from uitgaand where status = 'WACHTEND'") == 0;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void invalidRecordsAreParkedWithTheirReasonAndTheNextRecordIsProcessed() throws Exception {
        long begin = omgeving.kafka.endOffset(omgeving.ongeldig, 0);
        String bsn = Berichten.bsn(20);
        LocalDate vandaag = LocalDate.now();
        byte[] groot = new byte[MAX_BYTES + 100_000];
        Arrays.fill(groot, (byte) 'x');
        byte[] eerste = Berichten.toewijzing("0632", "30000001", bsn, vandaag, "DUBBEL-1", null,
                new Product("P1", "45", "45A01"));
        byte[] anders = Berichten.toewijzing("0632", "30000001", bsn, vandaag, "DUBBEL-1", null,
                new Product("P1", "45", "45A02"));

        omgeving.kafka.send(omgeving.toewijzingen, "dit is geen xml".getBytes(StandardCharsets.UTF_8));
        omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing("0632", "30000001", "123456789", vandaag,
                Berichten.identificatie(), null, new Product("P9", "45", "45A01")));
        omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing("0999", "30000001", bsn, vandaag,
                Berichten.identificatie(), null, new Product("P8", "45", "45A01")));
        omgeving.kafka.send(omgeving.toewijzingen, groot);
        omgeving.kafka.send(omgeving.toewijzingen, eerste);
        omgeving.kafka.send(omgeving.toewijzingen, eerste);
        omgeving.kafka.send(omgeving.toewijzingen, anders);
        omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing("0632", "30000002", bsn, vandaag,
                Berichten.identificatie(), null, new Product("P2", "45", "45A03")));
        omgeving.wachtTotVerwerkt(GROEP, WACHT);

        List<ConsumerRecord<byte[], byte[]>> geparkeerd = omgeving.kafka.readAll(omgeving.ongeldig, (int) begin + 5, WACHT)
                .subList((int) begin, (int) begin + 5);
        assertEquals(List.of("XML_ONGELDIG", "BSN_ONGELDIG", "GEMEENTE_ONBEKEND", "TE_GROOT", "CONFLICT"),
                geparkeerd.stream().map(r -> header(r, "hub-foutcode")).toList());
        for (ConsumerRecord<byte[], byte[]> r : geparkeerd) {
            assertNotNull(header(r, "hub-reden"));
            assertFalse(header(r, "hub-reden").contains("123456789"), "no BSN in a reason");
            assertEquals(omgeving.toewijzingen, header(r, "hub-bron-topic"));
            assertEquals("0", header(r, "hub-bron-partitie"));
            assertNotNull(header(r, "hub-bron-offset"));
            assertNotNull(header(r, "hub-tijdstip"));
        }
        ConsumerRecord<byte[], byte[]> teGroot = geparkeerd.get(3);
        assertEquals(256 * 1024, teGroot.value().length, "a parked record keeps its first 256 KiB");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(groot)),
                header(teGroot, "hub-sha256"));
        assertArrayEquals(anders, geparkeerd.get(4).value(), "the conflicting record itself is parked");
        assertEquals(omgeving.kafka.endOffset(omgeving.ongeldig, 0), begin + 5, "the identical duplicate is a no-op");
        assertEquals(2, omgeving.telling("select count(*) from toewijzing where toewijzingnummer in ('"
                + Berichten.toewijzingNummer("P1") + "', '" + Berichten.toewijzingNummer("P2") + "')"),
                "valid records around the invalid ones are processed");
        assertEquals(1, omgeving.telling("select count(*) from toewijzing where toewijzingnummer = '"
                + Berichten.toewijzingNummer("P1") + "' and code = '45A01'"),
                "the conflicting version changed nothing");
    }

    @Test
    void referrerRuleSendsOnlyForTheGemeentesReferrersAfterWaitingForTheJw315() throws Exception {
        LocalDate vandaag = LocalDate.now();
        String huisarts = Berichten.bsn(30);
        String lokaleToegang = Berichten.bsn(31);
        omgeving.kafka.send(omgeving.verzoeken, Berichten.verzoek("0184", "20000004", huisarts, vandaag,
                Berichten.identificatie(), "02", new Product(null, "45", "45A14")));
        vierTrajecten("0184", huisarts, vandaag, "U");
        vierTrajecten("0184", lokaleToegang, vandaag, "V");

        MimeMessage mail = omgeving.smtp.waitForMessages(1, WACHT).get(0);
        HubOmgeving.wachtTot("beide signalen beslist", WACHT, () -> {
            try {
                return omgeving.telling("select count(*) from signaal where gemeente = '0184' and verzonden is not null") == 2;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        wachtTotUitgaandLeeg();
        assertEquals(1, omgeving.smtp.received().length, "the huisarts-referred youth is recorded, not mailed");
        assertEquals("procesregie@urk.example", mail.getAllRecipients()[0].toString());
        String tekst = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertTrue(tekst.contains("Klantmanager") && tekst.contains("Routeplan"), "Urk's own words: " + tekst);
        assertEquals(1, omgeving.telling("select count(*) from signaal where gemeente = '0184' and not verzonden"));
        List<String> events = omgeving.signaalEvents(1, WACHT).stream()
                .filter(e -> e.contains("\"gemeente\":\"0184\"")).toList();
        assertEquals(2, events.size());
        assertEquals(1, events.stream().filter(e -> e.contains("\"verzonden\":false")).count());
    }

    @Test
    void historicalSignalUpdatesThePathButMailsNobody() throws Exception {
        String bsn = Berichten.bsn(40);
        LocalDate lang = LocalDate.now().minusYears(2);
        vierTrajecten("0632", bsn, lang, "H");
        HubOmgeving.wachtTot("historisch signaal", WACHT, () -> {
            try {
                return omgeving.telling("select count(*) from signaal where historisch") == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        wachtTotUitgaandLeeg();
        assertEquals(0, omgeving.smtp.received().length, "a replay mails nobody");
        assertEquals(0, omgeving.telling("select count(*) from uitgaand where kanaal = 'MAIL' and signaal_id in "
                + "(select signaal_id from signaal where historisch)"));
        assertEquals(1, omgeving.telling("select count(*) from jeugdige where onder_regie_sinds is not null "
                + "and hoogwatermerk = 4 and pseudoniem in (select jeugdige from signaal where historisch)"));
        assertTrue(omgeving.signaalEvents(1, WACHT).stream().anyMatch(e -> e.contains("\"historisch\":true")));
    }

    @Test
    void mailsWaitOutAnSmtpOutageAndArriveOncePerMessageId() throws Exception {
        omgeving.smtp.stop();
        vierTrajecten("0632", Berichten.bsn(50), LocalDate.now(), "S");
        HubOmgeving.wachtTot("een mislukte verzendpoging", WACHT, () -> {
            try {
                return omgeving.telling("select count(*) from uitgaand where kanaal = 'MAIL' "
                        + "and laatste_fout is not null and status = 'WACHTEND'") == 1;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        omgeving.smtp.restart();
        MimeMessage mail = omgeving.smtp.waitForMessages(1, WACHT).get(0);
        wachtTotUitgaandLeeg();
        assertEquals(1, omgeving.smtp.received().length);
        assertEquals(1, omgeving.telling("select count(*) from uitgaand where message_id = ? and herzendingen = 0",
                mail.getMessageID()), "sent with the outbox's own Message-ID, not counted as a re-send");
    }

    @Test
    void aMalformedRecipientFailsItsRowOnceWhileOtherMailStillLeaves() throws Exception {
        // A row as the unit of work would leave it, but for an address that is no address.
        String sleutel = "TEST|ongeldig-adres";
        UUID signaal = SignaalRij.idVoor(sleutel);
        Clock klok = Clock.systemUTC();
        try (Connection c = omgeving.db().getConnection()) {
            c.setAutoCommit(false);
            new ZorgpadOpslag().vergrendel(c, List.of("pseudoniem-ongeldig-adres"), klok.instant());
            new SignaalOpslag().voegToe(c, new SignaalRij(signaal, sleutel, SignaalSoort.VIERDE_TRAJECT, 4, "0632",
                    "pseudoniem-ongeldig-adres", "20000004", "45A04", "T4", false, false, true, null, klok.instant(), null));
            new Uitgaand(omgeving.db(), klok, Duration.ofSeconds(1), "procesregie-hub").plaatsMail(c, signaal,
                    List.of("procesregie.woerden.example"),
                    new OpgemaakteMail("Vierde traject", "tekst", "<p>html</p>"));
            c.commit();
        }
        vierTrajecten("0632", Berichten.bsn(55), LocalDate.now(), "M");

        MimeMessage mail = omgeving.smtp.waitForMessages(1, WACHT).get(0);
        wachtTotUitgaandLeeg();
        assertEquals(1, omgeving.smtp.received().length);
        assertEquals("procesregie@woerden.example", mail.getAllRecipients()[0].toString());
        assertEquals(1, omgeving.telling("select count(*) from uitgaand where signaal_id = ? and status = 'MISLUKT' "
                + "and pogingen = 1 and herzendingen = 0 and laatste_fout = 'ongeldig ontvangeradres'", signaal),
                "failed after one attempt, not counted as maybe delivered, the reason kept");
    }
}
