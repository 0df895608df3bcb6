package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.it.Berichten.Product;

/**
 * The core pipeline on real parts: iJw XML on Kafka → care path in PostgreSQL → signal → mail over SMTP and an
 * event on regie.signalen, exactly once, also when everything is delivered again.
 */
class PijplijnIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final String WOERDEN = "0632";
    static HubOmgeving omgeving;

    @BeforeAll
    static void start() {
        omgeving = new HubOmgeving();
    }

    @AfterAll
    static void stop() {
        omgeving.close();
    }

    static String ruw(MimeMessage m) throws Exception {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        m.writeTo(uit);
        return uit.toString(StandardCharsets.UTF_8);
    }

    static void toewijzing(String bsn, String aanbieder, Product product) {
        omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing(WOERDEN, aanbieder, bsn, LocalDate.now(),
                Berichten.identificatie(), null, product));
    }

    @Test
    void fourthTrajectoryMailsTheRegisseurOnceAndRedeliveryChangesNothing() throws Exception {
        String bsn = Berichten.bsn(1);
        Hub hub = omgeving.start("pijplijn-1");

        toewijzing(bsn, "10000001", new Product("T1", "45", "45A01"));
        toewijzing(bsn, "10000002", new Product("T2", "45", "45A02"));
        // An extension of the first trajectory (new number, same provider and product) is not a new trajectory.
        toewijzing(bsn, "10000001", new Product("T1b", "45", "45A01"));
        toewijzing(bsn, "10000003", new Product("T3", "45", null));
        omgeving.wachtTotVerwerkt("pijplijn-1", WACHT);
        assertEquals(0, omgeving.smtp.received().length, "three distinct trajectories: no signal yet");

        long verstuurd = System.nanoTime();
        toewijzing(bsn, "10000004", new Product("T4", "45", "45A04"));
        MimeMessage mail = omgeving.smtp.waitForMessages(1, WACHT).get(0);
        long latentieMs = (System.nanoTime() - verstuurd) / 1_000_000;
        System.out.println("Gemeten publiceren → mail: " + latentieMs + " ms");

        assertTrue(mail.getSubject().startsWith("Vierde traject – Woerden – signaal PRH-"), mail.getSubject());
        assertEquals("procesregie@woerden.example", mail.getAllRecipients()[0].toString());
        String ruw = ruw(mail);
        assertFalse(ruw.contains(bsn), "the BSN never appears in a mail");
        assertTrue(mail.getContent() instanceof jakarta.mail.Multipart);
        String tekst = (String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent();
        String html = (String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(1).getContent();
        // Decoded too: quoted-printable line breaks could split a BSN in the raw text.
        assertFalse(tekst.contains(bsn) || html.contains(bsn) || mail.getSubject().contains(bsn), "no BSN, decoded");
        assertTrue(tekst.contains("J.P."), tekst);
        assertTrue(tekst.contains(Berichten.toewijzingNummer("T4")), "names the gemeente's ToewijzingNummer");
        assertTrue(tekst.contains("10000003") && tekst.contains("10000001"), "the whole care path");
        assertTrue(tekst.contains("bij aanbieder Jeugdhulp & Co (AGB 10000004);"), "named by the regio config: " + tekst);
        assertTrue(tekst.contains(" – aanbieder 10000003") && !tekst.contains("AGB 10000003"),
                "unnamed: the AGB code alone: " + tekst);
        assertTrue(html.contains(">Jeugdhulp &amp; Co (AGB 10000004)</td>"), html);

        List<String> events = omgeving.signaalEvents(1, WACHT);
        assertTrue(events.get(0).contains("\"soort\":\"VIERDE_TRAJECT\""), events.get(0));
        assertTrue(events.get(0).contains("\"volgnummer\":4"), events.get(0));
        assertTrue(events.get(0).contains("\"verzonden\":true"), events.get(0));
        assertFalse(events.get(0).contains(bsn), "only the pseudonym on regie.signalen");

        toewijzing(bsn, "10000005", new Product("T5", "45", "45A05"));
        MimeMessage vervolg = omgeving.smtp.waitForMessages(2, WACHT).get(1);
        assertTrue(vervolg.getSubject().contains("Woerden"), vervolg.getSubject());
        assertTrue(omgeving.signaalEvents(2, WACHT).get(1).contains("\"soort\":\"VERVOLG_TRAJECT\""));
        omgeving.wachtTotVerwerkt("pijplijn-1", WACHT);
        omgeving.stop(hub);

        // The whole history again, from the beginning, under another group: every message is known already.
        omgeving.start("pijplijn-2");
        omgeving.wachtTotVerwerkt("pijplijn-2", WACHT);
        assertEquals(2, omgeving.smtp.received().length, "no second mail after redelivery");
        assertEquals(2, omgeving.telling("select count(*) from signaal"));
        assertEquals(0, omgeving.telling("select count(*) from uitgaand where verzonden_op is null"));
        assertEquals(2, omgeving.kafka.endOffset(omgeving.signalen, 0), "no second event after redelivery");
    }

    @Test
    void aTakenHttpPortStopsTheStartInsteadOfRunningWithoutHealth() throws Exception {
        try (ServerSocket bezet = new ServerSocket(0)) {
            Map<String, String> instellingen = omgeving.instellingen("pijplijn-poort");
            instellingen.put("HUB_HTTP_PORT", String.valueOf(bezet.getLocalPort()));
            ConfiguratieFout fout = assertThrows(ConfiguratieFout.class, () -> omgeving.start(instellingen));
            assertEquals(List.of("HUB_HTTP_PORT: poort " + bezet.getLocalPort() + " is al in gebruik"), fout.fouten());
        }
    }
}
