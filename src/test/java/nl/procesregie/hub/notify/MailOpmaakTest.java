package nl.procesregie.hub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.Productsoorten;
import nl.procesregie.hub.testinfra.GoudenKopie;
import org.junit.jupiter.api.Test;

class MailOpmaakTest {

    private static final GemeenteInstellingen WOERDEN = gemeente("0632", "Woerden", "Utrecht West", "Ruben Hoekstra",
            "medewerker van de lokale toegang", "plan van aanpak");
    private static final GemeenteInstellingen DRONTEN = gemeente("0303", "Dronten", "Flevoland", "Joost Visser",
            "Gids Jeugd", "Routeplan");

    private static final ZorgpadRegel AANLEIDING = metNaam(regel("33334444", "43",
            "Jeugdhulp verblijf (incl. behandeling)", "43A01", d(2025, 3, 1), d(2025, 8, 31), null, null, null, true, true,
            true), "Stichting Het Erf");
    // A name as an operator may write it: markup characters must stay text in the HTML part.
    private static final String NAAM_MET_TEKENS = "Kind & Gezin \"'t Groene Hart\"";

    // Deliberately out of order: the mail must sort them.
    private static final List<ZorgpadRegel> ZORGPAD = List.of(
            AANLEIDING,
            metNaam(regel("22223333", "45", "Jeugdhulp ambulant", "45A10", d(2024, 2, 1), d(2024, 12, 31),
                    d(2024, 2, 5), null, null, true, true, false), NAAM_MET_TEKENS),
            regel("12345678", "45", "Jeugdhulp ambulant", "45A03", d(2023, 1, 10), d(2023, 4, 30), d(2023, 1, 16),
                    d(2023, 4, 20), "Volgens plan beëindigd", false, true, false),
            regel("44445555", "42", "Vervoerdiensten", "42A01", d(2024, 3, 1), null, null, null, null, true, false, false),
            regel("11112222", "41", "Dagbehandeling", "41A01", d(2024, 1, 15), d(2024, 1, 15), null, null, null, false,
                    false, false),
            regel("87654321", "45", "Jeugdhulp ambulant", "45A06", null, null, d(2023, 6, 5), d(2023, 11, 30),
                    "Voortijdig: eenzijdig door de cliënt", false, true, false));

    private static final List<String> CHRONOLOGISCH =
            List.of("12345678", "87654321", "11112222", "22223333", "44445555", "33334444");

    private final MailOpmaak opmaak = new MailOpmaak();

    private static LocalDate d(int j, int m, int dag) {
        return LocalDate.of(j, m, dag);
    }

    static GemeenteInstellingen gemeente(String code, String naam, String regio, String regisseur,
            String contactpersoon, String plan) {
        return new GemeenteInstellingen(code, naam, regio, regisseur, "procesregie@" + naam.toLowerCase() + ".example",
                "team@" + naam.toLowerCase() + ".example", contactpersoon, plan, 4, Optional.empty(), Period.ofDays(30),
                Duration.ofMinutes(2), Set.of(), Set.of(), Optional.empty(), Productsoorten.STANDAARD,
                nl.procesregie.hub.config.Regietermijnen.standaard("procesregie@" + naam.toLowerCase() + ".example",
                        "team@" + naam.toLowerCase() + ".example"));
    }

    static ZorgpadRegel regel(String agb, String categorie, String omschrijving, String code,
            LocalDate toewijzingVan, LocalDate toewijzingTot, LocalDate zorgVan, LocalDate zorgTot, String stopReden,
            boolean loopt, boolean telt, boolean aanleiding) {
        return new ZorgpadRegel(agb, null, categorie, omschrijving, code, List.of("T-" + agb), toewijzingVan,
                toewijzingTot, zorgVan, zorgTot, stopReden, loopt, telt, aanleiding);
    }

    /** The row as it is when the regio config names its provider. */
    static ZorgpadRegel metNaam(ZorgpadRegel r, String naam) {
        return new ZorgpadRegel(r.aanbieder(), naam, r.categorie(), r.categorieOmschrijving(), r.code(),
                r.toewijzingNummers(), r.toewijzingVan(), r.toewijzingTot(), r.zorgVan(), r.zorgTot(), r.stopReden(),
                r.loopt(), r.telt(), r.aanleiding());
    }

    private static SignaalMail mail(String soort, int volgnummer, boolean hernieuwd, GemeenteInstellingen gemeente,
            String voorletters) {
        return new SignaalMail(soort, "PRH-7F3A2C91", volgnummer, 4, hernieuwd, gemeente, voorletters,
                LocalDate.of(2011, 5, 9), List.of("2024-0042", "2025-0107"), AANLEIDING, ZORGPAD,
                ZonedDateTime.of(2025, 3, 3, 14, 5, 0, 0, ZoneId.of("Europe/Amsterdam")), null);
    }

    private static SignaalMail metKnop(SignaalMail m, Actieknop knop) {
        return new SignaalMail(m.soort(), m.signaalReferentie(), m.volgnummer(), m.drempel(), m.hernieuwd(), m.gemeente(),
                m.voorletters(), m.geboortedatum(), m.toewijzingNummers(), m.aanleiding(), m.zorgpad(), m.tijdstip(), knop);
    }

    /** The value of the one href in the HTML, its character references undone as a browser would. */
    static String link(String html) {
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "geen link");
        String waarde = m.group(1);
        assertFalse(m.find(), "meer dan één link");
        return waarde.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private OpgemaakteMail vierde() {
        return opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.K."));
    }

    @Test
    void onderwerpNoemtSoortGemeenteEnReferentie() {
        assertEquals("Vierde traject – Woerden – signaal PRH-7F3A2C91", vierde().onderwerp());
    }

    @Test
    void onderwerpBevatGeenPersoonsgegevens() {
        String onderwerp = vierde().onderwerp();
        for (String gegeven : List.of("J.K.", "09-05-2011", "2011-05-09", "2024-0042", "2025-0107", "Ruben", "33334444",
                "Stichting Het Erf")) {
            assertFalse(onderwerp.contains(gegeven), gegeven);
        }
    }

    @Test
    void nergensEenBsn() {
        OpgemaakteMail m = vierde();
        Pattern negenCijfers = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");
        for (String deel : List.of(m.onderwerp(), m.tekst(), m.html())) {
            assertFalse(negenCijfers.matcher(deel).find());
        }
    }

    @Test
    void vierdeTrajectLegtUitWaaromHetSignaalTelt() {
        OpgemaakteMail m = vierde();
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("Beste Ruben Hoekstra,"));
            assertTrue(deel.contains("stroomt een vierde jeugdhulptraject in"));
            assertTrue(deel.contains("zorgstapeling"));
            assertTrue(deel.contains("diagnostiek, aanvullende diagnostiek en daarna behandeling"));
            assertFalse(deel.contains("hernieuwd"));
        }
    }

    @Test
    void jeugdigeHerkenbaarAanVoorlettersGeboortedatumEnToewijzingnummers() {
        OpgemaakteMail m = vierde();
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("J.K."));
            assertTrue(deel.contains("09-05-2011"));
            assertTrue(deel.contains("2024-0042, 2025-0107"));
        }
    }

    @Test
    void ontbrekendeGegevensHetenOnbekend() {
        SignaalMail zonder = new SignaalMail(SignaalMail.VIERDE_TRAJECT, "PRH-00000001", 4, 4, false, WOERDEN, null, null,
                List.of(), AANLEIDING, List.of(AANLEIDING), ZonedDateTime.now(), null);
        String tekst = opmaak.maak(zonder).tekst();
        assertTrue(tekst.contains("Voorletters: onbekend"), tekst);
        assertTrue(tekst.contains("Geboortedatum: onbekend"), tekst);
        assertTrue(tekst.contains("nog geen toewijzing ontvangen"), tekst);
    }

    @Test
    void elkeWaardeWordtGeescaped() {
        GemeenteInstellingen g = gemeente("0632", "Woerden & Co", "Utrecht West", "R. \"Ruud\" O'Neill",
                "<b>contact</b>", "plan");
        OpgemaakteMail m = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, false, g, "<script>alert('x')</script>"));
        assertFalse(m.html().contains("<script>"));
        assertFalse(m.html().contains("<b>contact"));
        assertTrue(m.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(m.html().contains("Woerden &amp; Co"));
        assertTrue(m.html().contains("R. &quot;Ruud&quot; O&#39;Neill"));
        assertTrue(m.tekst().contains("<script>alert('x')</script>"), "platte tekst blijft letterlijk");
    }

    @Test
    void regelovergangInEenWaardeMaaktGeenEigenRegel() {
        String tekst = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.\nStatus: vals")).tekst();
        assertTrue(tekst.contains("Voorletters: J. Status: vals"), tekst);
    }

    @Test
    void ookUnicodeRegeleindenEnRichtingstekensWordenSpaties() {
        // NEL is a line break to some readers; U+202E would show the rest of the line backwards.
        String tekst = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN,
                "J.\u0085Status:\u2028vals\u202Elavs")).tekst();
        assertTrue(tekst.contains("Voorletters: J. Status: vals lavs"), tekst);
    }

    @Test
    void actieInDeWoordenVanDeGemeente() {
        OpgemaakteMail m = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, false, DRONTEN, "A."));
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("Neem contact op met de Gids Jeugd, het aanspreekpunt van de jeugdige en het gezin"));
            assertTrue(deel.contains("leg de afspraken vast in het Routeplan."));
            assertTrue(deel.contains("procesregisseur voor de gemeente Dronten"));
        }
        assertEquals("Vierde traject – Dronten – signaal PRH-7F3A2C91", m.onderwerp());
    }

    @Test
    void zorgpadIsChronologisch() {
        OpgemaakteMail m = vierde();
        for (String deel : List.of(m.tekst(), m.html())) {
            int vorige = -1;
            for (String agb : CHRONOLOGISCH) {
                int plek = deel.indexOf(agb, deel.indexOf("Zorgpad"));
                assertTrue(plek > vorige, agb + " staat niet op zijn plaats");
                vorige = plek;
            }
        }
    }

    @Test
    void htmlMarkeertDeAanleidingEnWatNietMeetelt() {
        String html = vierde().html();
        List<String> rijen = html.lines().filter(r -> r.startsWith("<tr><td valign")).toList();
        assertEquals(6, rijen.size());
        for (int i = 0; i < rijen.size(); i++) {
            String rij = rijen.get(i);
            assertTrue(rij.contains(">" + (i + 1) + "</td>"), "volgnummer " + (i + 1));
            boolean aanleiding = rij.contains("33334444");
            assertEquals(aanleiding, rij.contains("#fff4ce"), rij);
            assertEquals(aanleiding, rij.contains("► aanleiding"), rij);
            boolean teltNiet = rij.contains("11112222") || rij.contains("44445555");
            assertEquals(teltNiet, rij.contains("telt niet mee"), rij);
        }
        String eerste = rijen.get(0);
        for (String cel : List.of("Jeugdhulp ambulant (45A03)", "10-01-2023 – 30-04-2023", "16-01-2023 – 20-04-2023",
                "Volgens plan beëindigd", "beëindigd")) {
            assertTrue(eerste.contains(">" + cel + "</td>"), cel);
        }
        assertTrue(rijen.get(4).contains(">vanaf 01-03-2024</td>"), "toewijzing zonder einddatum");
        assertTrue(rijen.get(5).contains(">niet gestart</td>"), "nog geen zorg");
    }

    @Test
    void tekstdeelBevatDezelfdeFeiten() {
        OpgemaakteMail m = vierde();
        String tekst = m.tekst();
        for (String feit : List.of("J.K.", "09-05-2011", "2024-0042", "Jeugdhulp verblijf (incl. behandeling) (43A01)",
                "01-03-2025 – 31-08-2025", "Volgens plan beëindigd", "Voortijdig: eenzijdig door de cliënt",
                "medewerker van de lokale toegang", "plan van aanpak", "PRH-7F3A2C91", "03-03-2025 om 14:05",
                "bijzondere persoonsgegevens", "Stuur hem niet door")) {
            assertTrue(tekst.contains(feit), feit);
            assertTrue(m.html().contains(feit), feit);
        }
        assertTrue(tekst.contains("► 6. Jeugdhulp verblijf (incl. behandeling) (43A01) – aanbieder Stichting Het Erf "
                + "(AGB 33334444)\n"), tekst);
        assertTrue(tekst.contains("Status: beëindigd, telt niet mee"), tekst);
        assertFalse(tekst.contains("<"), "geen opmaak in het tekstdeel");
    }

    @Test
    void aanbiederMetNaamEnCodeZonderNaamAlleenCode() {
        OpgemaakteMail m = vierde();
        String aanleiding = "Jeugdhulp verblijf (incl. behandeling) (43A01) bij aanbieder Stichting Het Erf "
                + "(AGB 33334444); toewijzing 01-03-2025 – 31-08-2025; zorg nog niet gestart.";
        assertTrue(m.tekst().contains("Aanleiding\n  " + aanleiding + "\n"), m.tekst());
        assertTrue(m.html().contains(">" + aanleiding + "</p>"), m.html());

        assertTrue(m.tekst().contains(" 1. Jeugdhulp ambulant (45A03) – aanbieder 12345678\n"), m.tekst());
        assertTrue(m.tekst().contains(" 4. Jeugdhulp ambulant (45A10) – aanbieder " + NAAM_MET_TEKENS
                + " (AGB 22223333)\n"), m.tekst());

        List<String> rijen = m.html().lines().filter(r -> r.startsWith("<tr><td valign")).toList();
        assertTrue(rijen.get(0).contains(">AGB 12345678</td>"), "zonder naam zegt de cel dat het een AGB-code is");
        assertTrue(rijen.get(5).contains(">Stichting Het Erf (AGB 33334444)</td>"), rijen.get(5));
        assertTrue(m.html().contains(">Aanbieder</th>"), m.html());
    }

    @Test
    void aanleidingZonderNaamNoemtAlleenDeCode() {
        ZorgpadRegel zonderNaam = metNaam(AANLEIDING, null);
        SignaalMail mail = new SignaalMail(SignaalMail.VIERDE_TRAJECT, "PRH-7F3A2C91", 4, 4, false, WOERDEN, "J.K.",
                LocalDate.of(2011, 5, 9), List.of("2025-0107"), zonderNaam, List.of(zonderNaam), ZonedDateTime.now(),
                null);
        OpgemaakteMail m = opmaak.maak(mail);
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("(43A01) bij aanbieder 33334444; toewijzing"), deel);
            assertFalse(deel.contains("Stichting Het Erf"), deel);
        }
        assertTrue(m.tekst().contains("– aanbieder 33334444\n"), m.tekst());
    }

    @Test
    void naamVanDeAanbiederWordtGeescaped() {
        OpgemaakteMail m = vierde();
        assertTrue(m.html().contains(">Kind &amp; Gezin &quot;&#39;t Groene Hart&quot; (AGB 22223333)</td>"), m.html());
        assertFalse(m.html().contains(NAAM_MET_TEKENS), m.html());

        ZorgpadRegel vijandig = metNaam(AANLEIDING, "<img src=x onerror=alert(1)>\nStatus: vals");
        OpgemaakteMail v = opmaak.maak(new SignaalMail(SignaalMail.VIERDE_TRAJECT, "PRH-7F3A2C91", 4, 4, false,
                WOERDEN, "J.K.", null, List.of(), vijandig, List.of(vijandig), ZonedDateTime.now(), null));
        assertFalse(v.html().contains("<img"), v.html());
        assertTrue(v.html().contains("bij aanbieder &lt;img src=x onerror=alert(1)&gt; Status: vals (AGB 33334444);"),
                v.html());
        assertTrue(v.tekst().contains("– aanbieder <img src=x onerror=alert(1)> Status: vals (AGB 33334444)\n"),
                "een regelovergang in de naam maakt geen eigen regel: " + v.tekst());
    }

    @Test
    void hernieuwdSignaal() {
        OpgemaakteMail m = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 4, true, WOERDEN, "J.K."));
        assertEquals("Vierde traject (hernieuwd) – Woerden – signaal PRH-7F3A2C91", m.onderwerp());
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("Dit is een hernieuwd signaal."));
            assertTrue(deel.contains("vervallen omdat een traject niet meer meetelt"));
        }
    }

    @Test
    void vervolgtraject() {
        OpgemaakteMail m = opmaak.maak(mail(SignaalMail.VERVOLG_TRAJECT, 5, false, WOERDEN, "J.K."));
        assertEquals("Vervolgtraject (5e) – Woerden – signaal PRH-7F3A2C91", m.onderwerp());
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("stroomt opnieuw een jeugdhulptraject in: het 5e."));
            assertTrue(deel.contains("op afstand gevolgd"));
            assertTrue(deel.contains("Beoordeel of het nieuwe traject past bij de afspraken in het plan van aanpak."));
            assertFalse(deel.contains("Waarom dit signaal"));
        }
    }

    @Test
    void sprongOverDeDrempelNoemtHetWerkelijkeTraject() {
        OpgemaakteMail m = opmaak.maak(mail(SignaalMail.VIERDE_TRAJECT, 5, false, WOERDEN, "J.K."));
        assertEquals("Vijfde traject – Woerden – signaal PRH-7F3A2C91", m.onderwerp());
        assertTrue(m.tekst().contains("in één keer boven de drempel van 4"), m.tekst());
    }

    @Test
    void knopInHtmlEnTekst() {
        String url = "https://hub.example/bevestig?signaal=PRH-7F3A2C91&actie=SIGNAAL_OPGEPAKT&t=q0-Zx_w";
        OpgemaakteMail m = opmaak.maak(metKnop(mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.K."),
                new Actieknop("Signaal opgepakt", url)));

        assertTrue(m.html().contains("href=\"https://hub.example/bevestig?signaal=PRH-7F3A2C91&amp;actie=SIGNAAL_OPGEPAKT"
                + "&amp;t=q0-Zx_w\""), m.html());
        assertEquals(url, link(m.html()));
        String knop = m.html().lines().filter(r -> r.contains("href=")).findFirst().orElseThrow();
        assertTrue(knop.contains("<td align=\"center\" bgcolor=\"#1f4e79\""), "de kleur zit in de cel: " + knop);
        assertTrue(knop.contains(">Signaal opgepakt</a>"), knop);
        assertFalse(m.html().contains("<img"), "geen afbeeldingen");
        assertFalse(m.html().contains("class="), "geen CSS-klassen");

        List<String> regels = m.tekst().lines().toList();
        int label = regels.indexOf("Signaal opgepakt:");
        assertTrue(label > 0, m.tekst());
        assertEquals(url, regels.get(label + 1), "de link staat op een eigen regel");
        for (String deel : List.of(m.tekst(), m.html())) {
            assertTrue(deel.contains("De link opent een bevestigingspagina in de hub; daar bevestigt u met één klik."));
        }
        assertTrue(m.html().indexOf("Wat wij u vragen") < m.html().indexOf("href="), "de knop hoort bij de vraag");
        assertTrue(m.html().indexOf("href=") < m.html().indexOf("Zorgpad"), "de knop staat boven het zorgpad");
    }

    @Test
    void zonderKnopVerandertAlleenDeKnopDeMail() {
        SignaalMail zonder = mail(SignaalMail.VERVOLG_TRAJECT, 5, true, WOERDEN, "J.K.");
        String url = "https://hub.example/b?t=1";
        OpgemaakteMail met = opmaak.maak(metKnop(zonder, new Actieknop("Signaal opgepakt", url)));
        OpgemaakteMail kaal = opmaak.maak(zonder);

        assertFalse(kaal.html().contains("<a "), kaal.html());
        assertFalse(kaal.tekst().contains("bevestigingspagina"), kaal.tekst());
        String knopblok = "\nSignaal opgepakt:\n" + url + "\nDe link opent een bevestigingspagina in de hub; daar "
                + "bevestigt u met één klik. Alleen het openen van de pagina legt nog niets vast.\n";
        assertTrue(met.tekst().contains(knopblok), met.tekst());
        assertEquals(kaal.tekst(), met.tekst().replace(knopblok, ""));
        assertEquals(kaal.onderwerp(), met.onderwerp());
    }

    @Test
    void vijandigeKnopBlijftInZijnAttribuut() {
        String url = "https://hub.example/b?t=1&x=\"><script>alert(1)</script><a/href='javascript:x'>";
        OpgemaakteMail m = opmaak.maak(metKnop(mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.K."),
                new Actieknop("<img src=x onerror=alert(1)>\nStatus: vals", url)));

        assertFalse(m.html().contains("<script>"), m.html());
        assertFalse(m.html().contains("<img"), m.html());
        assertFalse(m.html().contains("'javascript:"), m.html());
        assertEquals(url, link(m.html()), "de hele link, en niets anders, staat in het attribuut");
        assertTrue(m.html().contains(">&lt;img src=x onerror=alert(1)&gt; Status: vals</a>"), m.html());
        assertTrue(m.tekst().contains("\n<img src=x onerror=alert(1)> Status: vals:\n" + url + "\n"), m.tekst());
    }

    @Test
    void alleenEenGewoneWebadresWordtEenKnop() {
        SignaalMail basis = mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.K.");
        for (String url : List.of("javascript:alert(document.domain)", "data:text/html,<script>x</script>",
                "//hub.example/b", "https://hub.example/b?t=geheim\nStatus: vals", "https://hub.example/b?t=geheim\u0085x",
                "https://hub.example/b t=geheim", "")) {
            IllegalArgumentException fout = assertThrows(IllegalArgumentException.class,
                    () -> opmaak.maak(metKnop(basis, new Actieknop("Signaal opgepakt", url))), url);
            assertFalse(fout.getMessage().contains("geheim"), "het token hoort niet in een foutmelding");
        }
        assertEquals("https://hub.example/b", link(opmaak.maak(metKnop(basis, new Actieknop("Ok", "https://hub.example/b")))
                .html()));
        assertEquals("HTTP://hub.example/b", link(opmaak.maak(metKnop(basis, new Actieknop("Ok", "HTTP://hub.example/b")))
                .html()));
    }

    @Test
    void onbekendeSoortIsEenFout() {
        assertThrows(IllegalArgumentException.class,
                () -> opmaak.maak(mail("VERBLIJF", 1, false, WOERDEN, "J.K.")));
    }

    @Test
    void voorlettersUitIjwKrijgenPuntenEenMeldingHoudtDeZijne() {
        assertEquals("J.P.", MailOpmaak.voorletters("JP"));
        assertEquals("A.", MailOpmaak.voorletters("A"));
        assertEquals("Th.J.", MailOpmaak.voorletters("ThJ"));
        assertEquals("É.Ö.", MailOpmaak.voorletters("ÉÖ"));
        assertEquals("I.J.P.", MailOpmaak.voorletters("IJP"));
        assertEquals("P.I.", MailOpmaak.voorletters("PI"));
        assertEquals("\uD835\uDC00.B.", MailOpmaak.voorletters("\uD835\uDC00B"), "a letter outside the BMP stays whole");
        assertEquals("K.L.", MailOpmaak.voorletters("K.L."), "a melding's initials as the back office wrote them");
        assertEquals("", MailOpmaak.voorletters(""));
    }

    /** The trajectory mails, text and HTML, exactly as a regisseur gets them. */
    @Test
    void deTrajectmailsZijnGelijkAanHunGoudenKopie() {
        Map<String, SignaalMail> mails = new LinkedHashMap<>();
        mails.put("vierde-traject", mail(SignaalMail.VIERDE_TRAJECT, 4, false, WOERDEN, "J.K."));
        mails.put("vervolg-traject", mail(SignaalMail.VERVOLG_TRAJECT, 5, false, WOERDEN, "J.K."));
        mails.put("vierde-traject-hernieuwd", mail(SignaalMail.VIERDE_TRAJECT, 4, true, WOERDEN, "J.K."));
        mails.forEach((naam, mail) -> {
            OpgemaakteMail m = opmaak.maak(mail);
            GoudenKopie.vergelijk("mail/" + naam + ".txt", m.onderwerp() + "\n\n" + m.tekst());
            GoudenKopie.vergelijk("mail/" + naam + ".html", m.html());
        });
    }
}
