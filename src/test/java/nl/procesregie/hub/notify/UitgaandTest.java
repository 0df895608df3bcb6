package nl.procesregie.hub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.signals.SignaalOpslag;
import nl.procesregie.hub.signals.SignaalRij;
import nl.procesregie.hub.signals.SignaalSoort;
import nl.procesregie.hub.testinfra.TestClock;
import nl.procesregie.hub.testinfra.TestKafka;
import nl.procesregie.hub.testinfra.TestPostgres;
import nl.procesregie.hub.testinfra.TestSmtp;

/**
 * The outbox on a real PostgreSQL, a real SMTP server and a real broker, with hub instances played by several
 * {@link Uitgaand} senders on one database and a clock the test moves past leases and back-off.
 * {@link #verzend} does per row what the route {@code uitgaand-verzenden} does.
 */
class UitgaandTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final String DOMEIN = "procesregie-hub";
    static TestSmtp smtp;

    final TestClock klok = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    final DataSource db;
    final MailVerzender mailVerzender;

    UitgaandTest() throws MessagingException {
        db = TestPostgres.shared().schemaDatabase();
        mailVerzender = new MailVerzender(new MailVerzender.SmtpInstellingen(smtp.host(), smtp.port(), null, null,
                false, null, "procesregie-hub@test.example", Duration.ofSeconds(30)), klok);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = TestSmtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @BeforeEach
    void leeg() {
        smtp.reset();
    }

    /** One hub instance's sender. */
    Uitgaand hub() {
        return new Uitgaand(db, klok, Duration.ofSeconds(30), DOMEIN);
    }

    /** A signal with its outbox rows, as the unit of work leaves them; a null recipient means no mail row. */
    UUID signaal(String ontvanger, boolean metEvent) throws SQLException {
        String sleutel = "TEST|" + UUID.randomUUID();
        UUID id = SignaalRij.idVoor(sleutel);
        String jeugdige = "pseudoniem-" + id;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            new ZorgpadOpslag().vergrendel(c, List.of(jeugdige), klok.instant());
            new SignaalOpslag().voegToe(c, new SignaalRij(id, sleutel, SignaalSoort.VIERDE_TRAJECT, 4, "0632",
                    jeugdige, "20000004", "45A04", "T4", false, false, true, null, klok.instant(), null));
            Uitgaand uitgaand = hub();
            if (ontvanger != null) {
                uitgaand.plaatsMail(c, id, List.of(ontvanger),
                        new OpgemaakteMail("Vierde traject", "tekst", "<p>html</p>"));
            }
            if (metEvent) {
                uitgaand.plaatsEvent(c, id, jeugdige, "{\"versie\":1,\"signaalId\":\"" + id + "\"}");
            }
            c.commit();
        }
        return id;
    }

    /** What the route does with one claimed row; events go to {@code topic}. */
    void verzend(Uitgaand uitgaand, UitgaandItem geclaimd, String topic) throws SQLException {
        UitgaandItem item = uitgaand.beginPoging(geclaimd);
        if (item == null) {
            return;
        }
        try {
            stuur(item, topic);
            uitgaand.verzonden(item);
        } catch (Exception e) {
            uitgaand.mislukt(item, e);
        }
    }

    void stuur(UitgaandItem item, String topic) throws Exception {
        if (item.isMail()) {
            mailVerzender.verzend(item);
        } else {
            TestKafka.shared().send(topic, item.inhoud().getBytes(StandardCharsets.UTF_8));
        }
    }

    String rij(UUID signaal, String kanaal, String kolommen) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + kolommen + " from uitgaand "
                     + "where signaal_id = ? and kanaal = ?")) {
            ps.setObject(1, signaal);
            ps.setString(2, kanaal);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                List<String> waarden = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    waarden.add(String.valueOf(rs.getObject(i)));
                }
                return String.join("|", waarden);
            }
        }
    }

    static Set<String> messageIds(List<MimeMessage> mails) {
        return mails.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }

    @Test
    void aSenderWhoseLeaseRanOutNeitherSendsTheRowNorOverwritesWhatItsSuccessorRecorded() throws Exception {
        UUID signaal = signaal("procesregie@woerden.example", false);
        Uitgaand a = hub();
        Uitgaand b = hub();

        UitgaandItem vanA = a.claim(50).get(0);
        assertTrue(b.claim(50).isEmpty(), "the lease keeps the row from the other hub");
        // A is still busy with the rows before this one in its batch when its lease runs out.
        klok.advance(Uitgaand.LEASE.plusSeconds(1));
        UitgaandItem vanB = b.claim(50).get(0);
        verzend(b, vanB, null);

        assertNull(a.beginPoging(vanA), "A's claim is lost: A does not send");
        a.verzonden(vanA);
        a.mislukt(vanA, new MessagingException("te laat"));

        List<MimeMessage> mails = smtp.waitForMessages(1, WACHT);
        assertEquals(1, mails.size(), "one mail");
        assertEquals(Set.of("<" + signaal + "@" + DOMEIN + ">"), messageIds(mails));
        assertEquals("VERZONDEN|1|0|null|null|false", rij(signaal, "MAIL",
                "status, pogingen, herzendingen, laatste_fout, claim_token, laatste_fout_ambigu"),
                "B's outcome stands; A's late reports changed nothing");
    }

    @Test
    void aSendThatDiedBeforeRecordingItsOutcomeIsCountedAsAReSendUnderTheSameMessageId() throws Exception {
        String topic = "uitgaand-" + UUID.randomUUID();
        TestKafka.shared().createTopics(1, topic);
        UUID signaal = signaal("procesregie@woerden.example", true);
        Uitgaand a = hub();
        Uitgaand b = hub();

        // A sends the mail and the event; both arrive, then A dies before it records either outcome.
        for (UitgaandItem geclaimd : a.claim(50)) {
            stuur(a.beginPoging(geclaimd), topic);
        }
        smtp.waitForMessages(1, WACHT);
        klok.advance(Uitgaand.LEASE.plusSeconds(1));

        List<UitgaandItem> vanB = b.claim(50);
        assertEquals(2, vanB.size(), "after A's lease both rows are due again");
        for (UitgaandItem geclaimd : vanB) {
            verzend(b, geclaimd, topic);
        }

        List<MimeMessage> mails = smtp.waitForMessages(2, WACHT);
        assertEquals(2, mails.size(), "the mail went out twice");
        assertEquals(Set.of("<" + signaal + "@" + DOMEIN + ">"), messageIds(mails), "under one Message-ID");
        assertEquals("VERZONDEN|2|1", rij(signaal, "MAIL", "status, pogingen, herzendingen"), "counted as a re-send");

        List<ConsumerRecord<byte[], byte[]>> events = TestKafka.shared().readAll(topic, 2, WACHT);
        assertEquals(2, events.size());
        assertEquals(Set.of("{\"versie\":1,\"signaalId\":\"" + signaal + "\"}"), events.stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).collect(Collectors.toSet()),
                "the event twice, with the same signaalId for the consumer to drop the second");
        assertEquals("VERZONDEN|2|1", rij(signaal, "EVENT", "status, pogingen, herzendingen"));
    }

    @Test
    void aClaimThatRanOutBeforeItsSendBeganIsNoReSend() throws Exception {
        UUID signaal = signaal("procesregie@woerden.example", false);
        hub().claim(50);
        klok.advance(Uitgaand.LEASE.plusSeconds(1));
        Uitgaand b = hub();
        verzend(b, b.claim(50).get(0), null);
        assertEquals(1, smtp.waitForMessages(1, WACHT).size());
        assertEquals("VERZONDEN|1|0", rij(signaal, "MAIL", "status, pogingen, herzendingen"));
    }

    @Test
    void twoHubsSendingConcurrentlySendEveryRowOnce() throws Exception {
        int aantal = 20;
        List<UUID> signalen = new ArrayList<>();
        for (int i = 0; i < aantal; i++) {
            signalen.add(signaal("procesregie@woerden.example", false));
        }
        ExecutorService hubs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> klaar = new ArrayList<>();
            for (Uitgaand hub : List.of(hub(), hub())) {
                klaar.add(hubs.submit(() -> {
                    for (List<UitgaandItem> items = hub.claim(3); !items.isEmpty(); items = hub.claim(3)) {
                        for (UitgaandItem item : items) {
                            verzend(hub, item, null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : klaar) {
                f.get(WACHT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            hubs.shutdownNow();
        }
        List<MimeMessage> mails = smtp.waitForMessages(aantal, WACHT);
        assertEquals(aantal, mails.size());
        assertEquals(signalen.stream().map(s -> "<" + s + "@" + DOMEIN + ">").collect(Collectors.toSet()),
                messageIds(mails));
        for (UUID s : signalen) {
            assertEquals("VERZONDEN|1|0", rij(s, "MAIL", "status, pogingen, herzendingen"));
        }
    }

    @Test
    void aMalformedAddressFailsItsRowAtOnceAndTheOtherRowsAreSent() throws Exception {
        UUID voor = signaal("procesregie@woerden.example", false);
        UUID fout = signaal("procesregie.woerden.example", false);
        UUID na = signaal("procesregie@urk.example", false);
        Uitgaand uitgaand = hub();
        for (UitgaandItem item : uitgaand.claim(50)) {
            verzend(uitgaand, item, null);
        }

        assertEquals(2, smtp.waitForMessages(2, WACHT).size());
        assertEquals("VERZONDEN|1", rij(voor, "MAIL", "status, pogingen"));
        assertEquals("VERZONDEN|1", rij(na, "MAIL", "status, pogingen"));
        assertEquals("MISLUKT|1|0|false|ongeldig ontvangeradres|true", rij(fout, "MAIL",
                "status, pogingen, herzendingen, laatste_fout_ambigu, laatste_fout, mislukt_op is not null"));
        klok.advance(Duration.ofHours(1));
        assertTrue(uitgaand.claim(50).isEmpty(), "a failed row is not tried again");
    }

    @Test
    void aRecipientTheServerRefusesIsTriedABoundedNumberOfTimesThenFailed() throws Exception {
        smtp.rejectRecipientsAt("onbekend.example");
        UUID geweigerd = signaal("procesregie@onbekend.example", false);
        UUID goed = signaal("procesregie@woerden.example", false);
        Uitgaand uitgaand = hub();
        int rondes = 0;
        for (List<UitgaandItem> items = uitgaand.claim(50); !items.isEmpty(); items = uitgaand.claim(50)) {
            for (UitgaandItem item : items) {
                verzend(uitgaand, item, null);
            }
            rondes++;
            klok.advance(Duration.ofMinutes(1));
        }

        assertEquals(Uitgaand.MAX_WEIGERINGEN, rondes);
        assertEquals("MISLUKT|" + Uitgaand.MAX_WEIGERINGEN + "|" + Uitgaand.MAX_WEIGERINGEN
                + "|0|false|ontvanger blijvend geweigerd door de mailserver (SMTP 550)", rij(geweigerd,
                "MAIL", "status, pogingen, weigeringen, herzendingen, laatste_fout_ambigu, laatste_fout"),
                "a refusal is no maybe-delivered");
        assertEquals("VERZONDEN|1", rij(goed, "MAIL", "status, pogingen"));
        List<MimeMessage> mails = smtp.waitForMessages(1, WACHT);
        assertEquals(1, mails.size());
        assertNotNull(mails.get(0).getMessageID());
    }
}
