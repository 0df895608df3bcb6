package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.KindProces;

/**
 * CONTRACTS.md rule 10 after a replay: history beyond the signal horizon mails nobody, and instead one overview per
 * gemeente lists the youths above the threshold, as a page and a CSV file, behind a password outside demo mode.
 */
class InleesOverzichtIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(30);
    static final String WOERDEN = "0632";
    static final String WACHTWOORD = "overzicht-wachtwoord-van-de-test";
    static final LocalDate VANDAAG = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> haal(int poort, String pad, String wachtwoord) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad));
        if (wachtwoord != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("regisseur:" + wachtwoord).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void trajecten(HubOmgeving omgeving, String bsn, String nummerPrefix, int aantal, LocalDate dagtekening) {
        for (int n = 1; n <= aantal; n++) {
            omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing(WOERDEN, "2000000" + n, bsn, dagtekening,
                    Berichten.identificatie(), null, new Product(nummerPrefix + n, "45", "45A0" + n)));
        }
    }

    /** The ToewijzingNummers of {@link #trajecten} with this prefix, in the order they were sent. */
    static String nummers(String nummerPrefix, int aantal, String scheiding) {
        return IntStream.rangeClosed(1, aantal).mapToObj(n -> Berichten.toewijzingNummer(nummerPrefix + n))
                .collect(Collectors.joining(scheiding));
    }

    @Test
    void naHetInlezenStaanDeJeugdigenBovenDeDrempelInEenOverzichtPerGemeente() throws Exception {
        try (HubOmgeving omgeving = new HubOmgeving()) {
            int poort = KindProces.vrijePoort();
            Map<String, String> instellingen = omgeving.instellingen("overzicht-1");
            instellingen.put("HUB_HTTP_PORT", String.valueOf(poort));
            instellingen.put("HUB_OVERZICHT_WACHTWOORD", WACHTWOORD);
            String boven = Berichten.bsn(61);
            String onder = Berichten.bsn(62);
            LocalDate jaarGeleden = LocalDate.now().minusYears(1);
            trajecten(omgeving, boven, "BOVEN", 5, jaarGeleden);
            trajecten(omgeving, onder, "ONDER", 3, jaarGeleden);

            Hub hub = omgeving.start(instellingen);
            omgeving.wachtTotVerwerkt("overzicht-1", WACHT);
            assertEquals(2, omgeving.telling("select count(*) from signaal where historisch"),
                    "fourth and fifth trajectory, both historical");
            assertEquals(0, omgeving.smtp.received().length, "a replay mails nobody");

            HttpResponse<String> zonder = haal(poort, "/overzicht/" + WOERDEN, null);
            assertEquals(401, zonder.statusCode());
            assertTrue(zonder.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertFalse(zonder.body().contains(Berichten.toewijzingNummer("BOVEN1")), "nothing of the youth without the password");
            assertEquals(401, haal(poort, "/overzicht/" + WOERDEN, "fout-wachtwoord-van-genoeg-lengte").statusCode());

            HttpResponse<String> lijst = haal(poort, "/overzicht", WACHTWOORD);
            assertEquals(200, lijst.statusCode());
            assertTrue(lijst.body().contains("<a href=\"/overzicht/0632\">Woerden</a></td><td>1</td>"), lijst.body());
            assertTrue(lijst.body().contains("<a href=\"/overzicht/0184\">Urk</a></td><td>0</td>"), lijst.body());
            assertFalse(lijst.headers().firstValue("Authorization").isPresent(), "the credentials are not echoed");

            HttpResponse<String> pagina = haal(poort, "/overzicht/" + WOERDEN, WACHTWOORD);
            assertEquals(200, pagina.statusCode());
            assertTrue(pagina.body().contains(nummers("BOVEN", 5, ", ")), pagina.body());
            assertTrue(pagina.body().contains("J.P.") && pagina.body().contains("17-05-2012"), "named as in the mails");
            assertFalse(pagina.body().contains(Berichten.toewijzingNummer("ONDER1")), "below the threshold: not in the overview");
            assertFalse(pagina.body().contains(boven), "never the BSN");

            HttpResponse<String> csv = haal(poort, "/overzicht/" + WOERDEN + ".csv", WACHTWOORD);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            String[] regels = csv.body().split("\r\n");
            assertEquals(2, regels.length, csv.body());
            assertEquals("\"J.P.\";2012-05-17;\"" + nummers("BOVEN", 5, " ") + "\";5;" + VANDAAG + ";nee", regels[1]);

            assertEquals(404, haal(poort, "/overzicht/9999", WACHTWOORD).statusCode());

            // The next trajectory after the replay is live: mailed, and marked as such in the overview.
            omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing(WOERDEN, "20000009", boven,
                    LocalDate.now(), Berichten.identificatie(), null, new Product("BOVEN6", "45", "45A09")));
            omgeving.smtp.waitForMessages(1, WACHT);
            assertTrue(haal(poort, "/overzicht/" + WOERDEN + ".csv", WACHTWOORD).body().endsWith(";6;" + VANDAAG + ";ja\r\n"));
            omgeving.stop(hub);
        }
    }
}
