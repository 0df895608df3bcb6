package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.signals.Actie;
import nl.procesregie.hub.signals.BevestigingsToken;
import nl.procesregie.hub.signals.SignaalRij;
import nl.procesregie.hub.testinfra.KindProces;

/**
 * Crisis placements on real parts: a melding on regie.meldingen → crisis mail with an acknowledgement link → Quartz
 * fires the Ronde Tafel deadline a few seconds ahead of real time → escalation mails up the ladder, unless the link's
 * button, or regie.acties, confirmed first.
 */
class TermijnIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(45);
    static final String WOERDEN = "0632";
    static final String REGISSEUR = "procesregie@woerden.example";
    static final String TEAM = "jeugdteam@woerden.example";
    static final String TEAMLEIDER = "teamleider@woerden.example";
    static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/bevestig/[A-Za-z0-9._-]+)");

    static HubOmgeving omgeving;
    static Map<String, String> instellingen;
    static Hub hub;
    static String basisUrl;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        omgeving = new HubOmgeving();
        int poort = KindProces.vrijePoort();
        basisUrl = "http://localhost:" + poort;
        instellingen = omgeving.instellingen("termijnen");
        instellingen.put("HUB_HTTP_PORT", String.valueOf(poort));
        instellingen.put("HUB_BASIS_URL", basisUrl);
        hub = omgeving.start(instellingen);
    }

    @AfterAll
    static void stop() {
        omgeving.close();
    }

    /** Publishes a crisis placement by a GI whose Ronde Tafel deadline lies {@code over} from now. */
    static Instant crisis(String bsn, Duration over) {
        Instant termijn = Instant.now().plus(over);
        omgeving.kafka.send(omgeving.meldingen, Regieberichten.crisis(WOERDEN, bsn, "gi",
                termijn.minus(Duration.ofHours(24)), "ZAAK-" + bsn.substring(5)));
        return termijn;
    }

    /** The crisis signal of the youth with this BSN, once the melding is processed. */
    static UUID crisisSignaal(String referentie) throws Exception {
        HubOmgeving.wachtTot("crisis " + referentie + " vastgelegd", WACHT, () -> telling(
                "select count(*) from crisis where referentie = ?", referentie) == 1);
        return UUID.fromString(TestRij.tekst(omgeving, "select signaal_id::text from crisis where referentie = ?",
                referentie));
    }

    static long telling(String sql, Object... p) {
        try {
            return omgeving.telling(sql, p);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static UUID escalatie(UUID crisis, int trede) {
        return SignaalRij.idVoor("ESCALATIE|" + crisis + "|" + trede);
    }

    static String messageId(UUID signaal) {
        return "<" + signaal + "@procesregie-hub>";
    }

    static List<MimeMessage> mails(UUID signaal) {
        return mailsVan(omgeving, signaal);
    }

    static long mailsIn(HubOmgeving o, UUID signaal) {
        return mailsVan(o, signaal).size();
    }

    /**
     * How many times the mail of this signal was sent: the SMTP server keeps a copy per recipient, so copies are
     * counted per recipient address.
     */
    static long verzonden(HubOmgeving o, UUID signaal) {
        List<MimeMessage> kopieen = mailsVan(o, signaal);
        if (kopieen.isEmpty()) {
            return 0;
        }
        try {
            return kopieen.size() / kopieen.get(0).getAllRecipients().length;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<MimeMessage> mailsVan(HubOmgeving o, UUID signaal) {
        return Arrays.stream(o.smtp.received()).filter(m -> {
            try {
                return messageId(signaal).equals(m.getMessageID());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static MimeMessage wachtOpMail(UUID signaal) {
        HubOmgeving.wachtTot("mail " + messageId(signaal), WACHT, () -> !mails(signaal).isEmpty());
        return mails(signaal).get(0);
    }

    static Set<String> ontvangers(MimeMessage m) throws Exception {
        return Arrays.stream(m.getAllRecipients()).map(Address::toString).collect(Collectors.toSet());
    }

    static String tekst(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    static String link(MimeMessage m) throws Exception {
        Matcher l = LINK.matcher(tekst(m));
        assertTrue(l.find(), "the mail carries an acknowledgement link");
        return l.group(1);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnconfirmedCrisisEscalatesAtTheDeadlineAndClimbsTheLadder() throws Exception {
        String bsn = Berichten.bsn(101);
        Instant termijn = crisis(bsn, Duration.ofSeconds(5));
        UUID crisis = crisisSignaal("ZAAK-" + bsn.substring(5));

        MimeMessage melding = wachtOpMail(crisis);
        assertEquals(Set.of(REGISSEUR), ontvangers(melding));
        assertTrue(link(melding).startsWith(basisUrl + "/bevestig/"));

        MimeMessage eerste = wachtOpMail(escalatie(crisis, 0));
        assertEquals(Set.of(REGISSEUR, TEAM), ontvangers(eerste), "at the deadline: regisseur and team");
        Instant gegeven = TestRij.moment(omgeving, "select tijdstip from signaal where signaal_id = ?",
                escalatie(crisis, 0));
        assertTrue(!gegeven.isBefore(termijn), "never before the deadline: " + gegeven + " < " + termijn);
        System.out.println("Gemeten termijn → escalatie vastgelegd: " + Duration.between(termijn, gegeven).toMillis()
                + " ms");

        MimeMessage tweede = wachtOpMail(escalatie(crisis, 1));
        assertEquals(Set.of(TEAMLEIDER), ontvangers(tweede), "the next rung");
        wachtOpMail(escalatie(crisis, 2));
        // By now every earlier rung had its chance to go out twice; each went out once.
        for (UUID signaal : List.of(crisis, escalatie(crisis, 0), escalatie(crisis, 1))) {
            assertEquals(1, verzonden(omgeving, signaal), "one mail for " + signaal);
        }
        assertEquals(1, telling("select count(*) from termijn where signaal_id = ? and status = 'OPEN'", crisis),
                "one rung waits at a time");
    }

    @Test
    void confirmingByButtonOrKafkaStopsTheEscalationButOpeningTheLinkDoesNot() throws Exception {
        String knop = Berichten.bsn(102);
        String alleenGeopend = Berichten.bsn(103);
        String kafka = Berichten.bsn(104);
        crisis(knop, Duration.ofSeconds(8));
        crisis(alleenGeopend, Duration.ofSeconds(8));
        crisis(kafka, Duration.ofSeconds(8));
        UUID viaKnop = crisisSignaal("ZAAK-" + knop.substring(5));
        UUID geopend = crisisSignaal("ZAAK-" + alleenGeopend.substring(5));
        UUID viaKafka = crisisSignaal("ZAAK-" + kafka.substring(5));

        String link = link(wachtOpMail(viaKnop));
        HttpResponse<String> pagina = get(link);
        assertEquals(200, pagina.statusCode());
        assertTrue(pagina.body().contains("Ronde Tafel gehouden") && pagina.body().contains("method=\"post\""),
                pagina.body());
        assertEquals("DENY", pagina.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals(0, telling("select count(*) from bevestiging where signaal_id = ?", viaKnop),
                "opening the page changes nothing");
        HttpResponse<String> bevestigd = post(link);
        assertEquals(200, bevestigd.statusCode());
        assertTrue(bevestigd.body().contains("Bevestigd"), bevestigd.body());
        HttpResponse<String> nogmaals = post(link);
        assertEquals(200, nogmaals.statusCode());
        assertTrue(nogmaals.body().contains("Al bevestigd"), "twice is harmless: " + nogmaals.body());

        assertEquals(200, get(link(wachtOpMail(geopend))).statusCode());
        omgeving.kafka.send(omgeving.acties, Regieberichten.actie(viaKafka, "RONDE_TAFEL_GEHOUDEN"));
        HubOmgeving.wachtTot("bevestiging via regie.acties", WACHT, () -> telling(
                "select count(*) from bevestiging where signaal_id = ? and via = 'KAFKA'", viaKafka) == 1);

        // The opened-only crisis climbs two rungs; the confirmed ones, due at the same moment, never start.
        wachtOpMail(escalatie(geopend, 1));
        for (UUID bevestigdeCrisis : List.of(viaKnop, viaKafka)) {
            assertEquals(0, telling("select count(*) from signaal where basis_signaal_id = ?", bevestigdeCrisis));
            assertEquals(0, mails(escalatie(bevestigdeCrisis, 0)).size());
            assertEquals(1, telling("select count(*) from termijn where signaal_id = ? and status = 'VERVALLEN'",
                    bevestigdeCrisis));
        }
    }

    @Test
    void aForgedTamperedExpiredOrMismatchedLinkIsRefusedAndChangesNothing() throws Exception {
        String bsn = Berichten.bsn(105);
        crisis(bsn, Duration.ofHours(2));
        UUID crisis = crisisSignaal("ZAAK-" + bsn.substring(5));
        String echt = link(wachtOpMail(crisis));
        String token = echt.substring(echt.lastIndexOf('/') + 1);

        // Inside the signature: the last character of unpadded base64 carries padding bits that decoding ignores.
        int i = token.lastIndexOf('.') + 5;
        String vervalst = basisUrl + "/bevestig/" + token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A')
                + token.substring(i + 1);
        byte[] sleutel = HubOmgeving.BEVESTIG_SLEUTEL.getBytes(StandardCharsets.UTF_8);
        String nagemaakt = basisUrl + "/bevestig/" + new BevestigingsToken(
                "een-sleutel-die-de-hub-niet-kent-123456".getBytes(StandardCharsets.UTF_8), Duration.ofDays(14),
                Clock.systemUTC()).maak(crisis, Actie.RONDE_TAFEL_GEHOUDEN);
        String verlopen = basisUrl + "/bevestig/" + new BevestigingsToken(sleutel, Duration.ofDays(14),
                Clock.fixed(Instant.now().minus(Duration.ofDays(15)), ZoneOffset.UTC))
                .maak(crisis, Actie.RONDE_TAFEL_GEHOUDEN);
        String verkeerdeActie = basisUrl + "/bevestig/" + new BevestigingsToken(sleutel, Duration.ofDays(14),
                Clock.systemUTC()).maak(crisis, Actie.CHECK_GEDAAN);

        for (String url : List.of(vervalst, nagemaakt)) {
            assertEquals(400, get(url).statusCode());
            HttpResponse<String> antwoord = post(url);
            assertEquals(400, antwoord.statusCode());
            assertTrue(antwoord.body().contains("Link ongeldig"), antwoord.body());
        }
        HttpResponse<String> oud = post(verlopen);
        assertEquals(410, oud.statusCode());
        assertTrue(oud.body().contains("verlopen"), oud.body());
        assertEquals(409, post(verkeerdeActie).statusCode());

        assertEquals(0, telling("select count(*) from bevestiging where signaal_id = ?", crisis));
        assertEquals(1, telling("select count(*) from termijn where signaal_id = ? and status = 'OPEN'", crisis));
        // The real link still works afterwards.
        assertEquals(200, post(echt).statusCode());
        assertEquals(1, telling("select count(*) from bevestiging where signaal_id = ?", crisis));
    }

    @Test
    void aHubDownAcrossTheDeadlineEscalatesOnceRightAfterItStartsAgain() throws Exception {
        String bsn = Berichten.bsn(106);
        Instant termijn = crisis(bsn, Duration.ofSeconds(6));
        UUID crisis = crisisSignaal("ZAAK-" + bsn.substring(5));
        wachtOpMail(crisis);
        omgeving.stop(hub);
        HubOmgeving.wachtTot("de termijn verstrijkt terwijl geen hub draait", WACHT,
                () -> Instant.now().isAfter(termijn.plusSeconds(2)));
        assertEquals(0, mails(escalatie(crisis, 0)).size());

        long start = System.nanoTime();
        hub = omgeving.start(instellingen);
        wachtOpMail(escalatie(crisis, 0));
        System.out.println("Gemeten herstart → achterstallige escalatie in de mail: "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        wachtOpMail(escalatie(crisis, 1));
        assertEquals(1, verzonden(omgeving, escalatie(crisis, 0)), "exactly one escalation for the missed deadline");
    }

    @Test
    void aMeldingThatIsNotValidIsParkedWithItsReason() throws Exception {
        omgeving.kafka.send(omgeving.meldingen, ("{\"versie\":1,\"soort\":\"CRISISPLAATSING\",\"gemeente\":\""
                + WOERDEN + "\",\"bsn\":\"123456789\",\"route\":\"gi\",\"moment\":\"2026-11-20T15:00:00+01:00\"}")
                .getBytes(StandardCharsets.UTF_8));
        omgeving.kafka.send(omgeving.acties, Regieberichten.actie(UUID.randomUUID(), "RONDE_TAFEL_GEHOUDEN"));
        var geparkeerd = omgeving.kafka.readAll(omgeving.ongeldig, 2, WACHT);
        Map<String, String> codes = geparkeerd.stream().collect(Collectors.toMap(
                r -> new String(r.headers().lastHeader("hub-bron-topic").value(), StandardCharsets.UTF_8),
                r -> new String(r.headers().lastHeader("hub-foutcode").value(), StandardCharsets.UTF_8)));
        assertEquals(Map.of(omgeving.meldingen, "BSN_ONGELDIG", omgeving.acties, "VERWERKING_MISLUKT"), codes);
        for (var r : geparkeerd) {
            String reden = new String(r.headers().lastHeader("hub-reden").value(), StandardCharsets.UTF_8);
            assertTrue(!reden.contains("123456789"), "no BSN in a reason: " + reden);
        }
    }

    /** Reads single values for assertions. */
    static final class TestRij {
        static String tekst(HubOmgeving o, String sql, Object p) throws Exception {
            try (var c = o.db().getConnection(); var ps = c.prepareStatement(sql)) {
                ps.setObject(1, p);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        static Instant moment(HubOmgeving o, String sql, Object p) throws Exception {
            try (var c = o.db().getConnection(); var ps = c.prepareStatement(sql)) {
                ps.setObject(1, p);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return t.toInstant();
                }
            }
        }
    }
}
