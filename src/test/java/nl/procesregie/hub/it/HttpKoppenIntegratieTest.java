package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.app.IngebouwdeSmtp;
import nl.procesregie.hub.app.MailArchief;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.testinfra.KindProces;

/**
 * Every page the hub serves, read over real HTTP as a browser reads it: each response carries the security headers,
 * whatever its status. One demo hub with the mail page, its mail caught by the demo's own SMTP server.
 */
class HttpKoppenIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    static final String WACHTWOORD = "overzicht-" + java.util.UUID.randomUUID();
    static final Map<String, String> KOPPEN = Map.of(
            "Cache-Control", "no-store",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff");
    static final Pattern LINK = Pattern.compile("/bevestig/([A-Za-z0-9._-]+)");
    static final Pattern MAILPAGINA = Pattern.compile("href=\"(/mail/[^\"]+)\"");

    @TempDir
    static Path archiefMap;
    static HubOmgeving omgeving;
    static IngebouwdeSmtp smtp;
    static Hub hub;
    static int poort;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        omgeving = new HubOmgeving();
        MailArchief archief = new MailArchief(archiefMap);
        smtp = IngebouwdeSmtp.start(0, archief);
        poort = KindProces.vrijePoort();
        Map<String, String> m = omgeving.instellingen("koppen");
        m.put("HUB_HTTP_PORT", String.valueOf(poort));
        m.put("HUB_OVERZICHT_WACHTWOORD", WACHTWOORD);
        m.put("HUB_BASIS_URL", "http://localhost:" + poort);
        HubInstellingen i = HubInstellingen.uit(m);
        hub = Hub.start(i, new Hub.Infrastructuur(omgeving.kafka.bootstrapServers(), omgeving.dbUrl,
                omgeving.postgres.user(), omgeving.postgres.password(), smtp.host(), smtp.poort()), Clock.systemUTC(),
                new Hub.Uitbreiding(Map.of("mailArchief", archief, "ingebouwdeSmtp", smtp),
                        List.of("classpath:routes/demo/*.yaml")));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (omgeving != null) {
            omgeving.close();
        }
    }

    static HttpResponse<String> vraag(String methode, String pad, boolean metWachtwoord) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .method(methode, HttpRequest.BodyPublishers.noBody());
        if (metWachtwoord) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("regisseur:" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void elkePaginaDraagtDeBeveiligingskoppen() throws Exception {
        omgeving.vierTrajecten(Berichten.bsn(71), "KOP");
        HubOmgeving.wachtTot("een mail in het demo-archief", WACHT, () -> {
            try {
                return MAILPAGINA.matcher(vraag("GET", "/mail", false).body()).find();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String overzicht = vraag("GET", "/mail", false).body();
        Matcher mail = MAILPAGINA.matcher(overzicht);
        assertTrue(mail.find(), overzicht);
        String mailPad = mail.group(1);
        String mailPagina = vraag("GET", mailPad, false).body();
        Matcher link = LINK.matcher(mailPagina);
        assertTrue(link.find(), "een bevestigingslink in de mail: " + mailPagina);
        String token = link.group(1);
        // A character inside the signature: the last one of unpadded base64 carries padding bits that decoding
        // ignores, so changing it from A to B left the same signature, and the forged link worked.
        int i = token.lastIndexOf('.') + 5;
        String vervalst = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        // Method, path, password, expected status: every route, and what no route serves.
        List<Object[]> paginas = List.of(
                new Object[] {"GET", "/bevestig/" + token, false, 200},
                new Object[] {"POST", "/bevestig/" + token, false, 200},
                new Object[] {"GET", "/bevestig/" + vervalst, false, 400},
                new Object[] {"POST", "/bevestig/" + vervalst, false, 400},
                new Object[] {"GET", "/overzicht", true, 200},
                new Object[] {"GET", "/overzicht", false, 401},
                new Object[] {"GET", "/overzicht/0632", true, 200},
                new Object[] {"GET", "/overzicht/0632.csv", true, 200},
                new Object[] {"GET", "/overzicht/9999", true, 404},
                new Object[] {"GET", "/mail", false, 200},
                new Object[] {"GET", mailPad, false, 200},
                new Object[] {"GET", "/mail/bestaat-niet", false, 404},
                new Object[] {"GET", "/", false, 302},
                new Object[] {"GET", "/health", false, 200},
                new Object[] {"GET", "/metrics", false, 200},
                new Object[] {"GET", "/bestaat-niet", false, 404},
                new Object[] {"DELETE", "/health", false, 405});
        List<String> fouten = new ArrayList<>();
        for (Object[] p : paginas) {
            String methode = (String) p[0];
            String pad = (String) p[1];
            HttpResponse<String> antwoord = vraag(methode, pad, (Boolean) p[2]);
            String wie = methode + " " + pad.replace(token, "{token}").replace(vervalst, "{vervalst}");
            if (antwoord.statusCode() != (Integer) p[3]) {
                fouten.add(wie + ": status " + antwoord.statusCode() + ", verwacht " + p[3]);
            }
            Map<String, List<String>> gekregen = new LinkedHashMap<>();
            KOPPEN.keySet().forEach(k -> gekregen.put(k, antwoord.headers().allValues(k)));
            KOPPEN.forEach((kop, waarde) -> {
                if (!gekregen.get(kop).equals(List.of(waarde))) {
                    fouten.add(wie + ": " + kop + " = " + gekregen.get(kop) + ", verwacht " + waarde);
                }
            });
        }
        assertEquals(List.of(), fouten);
    }
}
