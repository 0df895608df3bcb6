package nl.procesregie.hub.notify;

import static nl.procesregie.hub.notify.MailOpmaakTest.gemeente;
import static nl.procesregie.hub.notify.MailOpmaakTest.link;
import static nl.procesregie.hub.notify.MailOpmaakTest.metNaam;
import static nl.procesregie.hub.notify.MailOpmaakTest.regel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.testinfra.GoudenKopie;
import org.junit.jupiter.api.Test;

/** The procesregie mails other than the trajectory signal: verblijf, crisis, opvolging, 16/18 and escalation. */
class MailOpmaakRegieTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final GemeenteInstellingen ALMERE = gemeente("0034", "Almere", "Flevoland", "Sanne de Vries",
            "Medewerker Jeugdhulp", "Plan van aanpak");
    private static final GemeenteInstellingen URK = gemeente("0184", "Urk", "Flevoland", "Pieter Kramer",
            "Klantmanager", "Familie-groepsplan");

    private static final ZorgpadRegel VERBLIJF = regel("33334444", "43", "Jeugdhulp verblijf (incl. behandeling)",
            "43A01", d(2026, 11, 2), null, d(2026, 11, 9), null, null, true, true, true);
    private static final ZorgpadRegel PLEEGZORG = regel("55556666", "44", "Pleegzorg", "44A02", d(2025, 1, 1),
            d(2026, 10, 31), d(2025, 1, 6), d(2026, 10, 31), "Voortijdig: eenzijdig door de aanbieder", false, true,
            false);
    private static final ZorgpadRegel CRISISHULP = metNaam(regel("77778888", "47", "Crisishulp", "47A01",
            d(2026, 11, 23), d(2026, 11, 30), d(2026, 11, 23), null, null, true, true, true), "Crisisdienst Flevo");
    private static final ZorgpadRegel AMBULANT = regel("12345678", "45", "Jeugdhulp ambulant", "45A03",
            d(2023, 1, 10), d(2023, 4, 30), d(2023, 1, 16), d(2023, 4, 20), "Volgens plan beëindigd", false, true, false);
    private static final List<ZorgpadRegel> ZORGPAD = List.of(PLEEGZORG, AMBULANT);

    // Monday 15:00; the deadline Tuesday 15:00 (CONTRACTS.md, "Deadlines").
    private static final ZonedDateTime PLAATSING = ZonedDateTime.of(2026, 11, 23, 15, 0, 0, 0, AMSTERDAM);
    private static final ZonedDateTime TERMIJN = PLAATSING.plusHours(24);
    private static final RegieMail.Crisis CRISIS =
            new RegieMail.Crisis(PLAATSING, "lokale-toegang", TERMIJN, "ZK-2026-0042", null);
    private static final RegieMail.Opvolging OPVOLGING = new RegieMail.Opvolging(d(2026, 10, 2),
            "start perspectiefbiedende pleegzorg", ZonedDateTime.of(2026, 11, 9, 9, 0, 0, 0, AMSTERDAM),
            d(2026, 12, 2));
    private static final Actieknop KNOP = new Actieknop("Ronde Tafel gehouden",
            "https://hub.example/bevestig?signaal=PRH-5E6F7A8B&actie=RONDE_TAFEL_GEHOUDEN&t=q0-Zx_w");

    private static final Pattern NEGEN_CIJFERS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    private final MailOpmaak opmaak = new MailOpmaak();

    private static LocalDate d(int j, int m, int dag) {
        return LocalDate.of(j, m, dag);
    }

    private static RegieMail mail(RegieMail.Aanleiding aanleiding, GemeenteInstellingen gemeente, String voorletters,
            List<String> toewijzingNummers, List<ZorgpadRegel> zorgpad, Actieknop knop) {
        return new RegieMail(aanleiding, "PRH-5E6F7A8B", gemeente, voorletters, d(2011, 5, 9), toewijzingNummers,
                zorgpad, PLAATSING.plusMinutes(2), knop);
    }

    private static RegieMail mail(RegieMail.Aanleiding aanleiding) {
        return mail(aanleiding, ALMERE, "J.K.", List.of("2026-0311"), ZORGPAD, null);
    }

    private static RegieMail verblijf(boolean onderTwaalf, boolean naPleegzorg, boolean naCrisis) {
        return mail(new RegieMail.Verblijf(VERBLIJF, onderTwaalf, naPleegzorg, naCrisis), ALMERE, "J.K.",
                List.of("2026-0311"), List.of(VERBLIJF, PLEEGZORG, AMBULANT), null);
    }

    private static RegieMail.Escalatie escalatie(RegieMail.Aanleiding basis, int trede, ZonedDateTime volgende) {
        ZonedDateTime termijn = basis instanceof RegieMail.Crisis c ? c.termijn()
                : ((RegieMail.Opvolging) basis).checkUiterlijk();
        return new RegieMail.Escalatie(basis, "PRH-1A2B3C4D", trede, termijn, volgende);
    }

    /** One mail of every kind, named for the assertion messages. */
    private static Map<String, RegieMail> elkeSoort(Actieknop knop) {
        Map<String, RegieMail> mails = new LinkedHashMap<>();
        List<RegieMail.Aanleiding> aanleidingen = List.of(
                new RegieMail.Verblijf(VERBLIJF, false, false, false),
                new RegieMail.Verblijf(VERBLIJF, true, true, true),
                CRISIS,
                OPVOLGING,
                new RegieMail.Leeftijd(16, d(2027, 5, 9)),
                new RegieMail.Leeftijd(18, d(2029, 5, 9)),
                escalatie(CRISIS, 1, TERMIJN.plusHours(48)),
                escalatie(OPVOLGING, 0, OPVOLGING.checkUiterlijk().plusHours(24)));
        for (RegieMail.Aanleiding a : aanleidingen) {
            mails.put(a.toString(), mail(a, ALMERE, "J.K.", List.of("2026-0311"), ZORGPAD, knop));
        }
        return mails;
    }

    /** Each fact in the text part as it is, and in the HTML part escaped. */
    private static void inBeide(OpgemaakteMail m, String... feiten) {
        for (String feit : feiten) {
            assertTrue(m.tekst().contains(feit), feit + "\n" + m.tekst());
            assertTrue(m.html().contains(Html.tekst(feit)), feit + "\n" + m.html());
        }
    }

    private static void inGeen(OpgemaakteMail m, String... feiten) {
        for (String feit : feiten) {
            assertFalse(m.tekst().contains(feit), feit + "\n" + m.tekst());
            assertFalse(m.html().contains(Html.tekst(feit)), feit + "\n" + m.html());
        }
    }

    @Test
    void onderwerpNoemtAlleenSoortGemeenteEnReferentie() {
        Map<RegieMail.Aanleiding, String> verwacht = new LinkedHashMap<>();
        verwacht.put(new RegieMail.Verblijf(VERBLIJF, false, false, false), "Verblijf");
        verwacht.put(new RegieMail.Verblijf(VERBLIJF, false, true, false), "Verblijf (extra aandacht)");
        verwacht.put(CRISIS, "Crisisplaatsing – Ronde Tafel binnen 24 uur");
        verwacht.put(OPVOLGING, "Opvolging na overdracht");
        verwacht.put(new RegieMail.Leeftijd(16, d(2027, 5, 9)), "16 jaar: voorbereiding op 18+");
        verwacht.put(new RegieMail.Leeftijd(18, d(2029, 5, 9)), "18 jaar nadert");
        verwacht.put(escalatie(CRISIS, 1, TERMIJN.plusHours(48)), "Escalatie 2: Ronde Tafel niet bevestigd");
        verwacht.put(escalatie(OPVOLGING, 0, null), "Escalatie 1: check na overdracht niet bevestigd");
        verwacht.forEach((aanleiding, soort) -> {
            OpgemaakteMail m = opmaak.maak(mail(aanleiding));
            assertEquals(soort + " – Almere – signaal PRH-5E6F7A8B", m.onderwerp());
            assertTrue(m.html().contains(">" + soort + " – Almere</td>"), "de kop: " + soort);
        });
    }

    @Test
    void onderwerpBevatGeenPersoonsgegevens() {
        elkeSoort(KNOP).forEach((naam, mail) -> {
            String onderwerp = opmaak.maak(mail).onderwerp();
            for (String gegeven : List.of("J.K.", "09-05-2011", "2011-05-09", "2026-0311", "Sanne", "33334444",
                    "ZK-2026-0042", "PRH-1A2B3C4D", "hub.example", "23-11-2026", "09-05-20")) {
                assertFalse(onderwerp.contains(gegeven), naam + ": " + gegeven);
            }
        });
    }

    @Test
    void elkeSoortNoemtDeJeugdigeHetSignaalEnDeGevoeligheid() {
        elkeSoort(null).forEach((naam, mail) -> {
            OpgemaakteMail m = opmaak.maak(mail);
            inBeide(m, "Om wie het gaat", "J.K.", "09-05-2011", "Toewijzingnummer gemeente Almere", "2026-0311",
                    "Signaalreferentie PRH-5E6F7A8B, afgegeven op 23-11-2026 om 15:02.", "Wat wij u vragen",
                    "bijzondere persoonsgegevens", "Stuur hem niet door",
                    "Pleegzorg (44A02)", "Voortijdig: eenzijdig door de aanbieder");
            for (String deel : List.of(m.onderwerp(), m.tekst(), m.html())) {
                assertFalse(NEGEN_CIJFERS.matcher(deel).find(), naam);
            }
            assertFalse(m.tekst().contains("<"), naam + ": geen opmaak in het tekstdeel");
            assertFalse(m.html().contains("<a "), naam + ": geen knop zonder knop");
        });
    }

    @Test
    void verblijfVraagtNaarThuisOfEenGezin() {
        OpgemaakteMail m = opmaak.maak(verblijf(false, false, false));
        inBeide(m, "Beste Sanne de Vries,",
                "Voor een jeugdige uit de gemeente Almere begint jeugdhulp met verblijf in een woon- of leefgroep.",
                "of de jeugdige thuis kan wonen of in een gezinssituatie: in het eigen netwerk, in een pleeggezin of in "
                        + "een gezinshuis.",
                "Neem contact op met de Medewerker Jeugdhulp, het aanspreekpunt van de jeugdige en het gezin",
                "leg de afspraken vast in het Plan van aanpak.",
                "Jeugdhulp verblijf (incl. behandeling) (43A01) bij aanbieder 33334444; toewijzing vanaf 02-11-2026; "
                        + "zorg vanaf 09-11-2026.",
                "procesregisseur voor de gemeente Almere");
        inGeen(m, "Extra aandacht", "extra aandacht");
    }

    @Test
    void verblijfMetExtraAandacht() {
        Map<RegieMail, String> regels = Map.of(
                verblijf(true, false, false), "De jeugdige is jonger dan 12 jaar.",
                verblijf(false, true, false), "De jeugdige komt uit pleegzorg",
                verblijf(false, false, true), "Het verblijf volgt op een crisisplaatsing.");
        regels.forEach((mail, regel) -> {
            OpgemaakteMail m = opmaak.maak(mail);
            inBeide(m, "Extra aandacht", regel);
            regels.values().stream().filter(r -> !r.equals(regel)).forEach(ander -> inGeen(m, ander));
            assertTrue(m.html().contains("bgcolor=\"#fdecea\""), "gemarkeerd kader");
            assertTrue(m.tekst().indexOf("Extra aandacht") < m.tekst().indexOf("Om wie het gaat"), "bovenaan");
        });
        OpgemaakteMail alle = opmaak.maak(verblijf(true, true, true));
        inBeide(alle, regels.values().toArray(String[]::new));
    }

    @Test
    void verblijfIsDeGemarkeerdeRijVanHetZorgpad() {
        // Also when the caller left the row's own flag off: the mail marks the trajectory it names.
        ZorgpadRegel zonderVlag = regel("33334444", "43", "Jeugdhulp verblijf (incl. behandeling)", "43A01",
                d(2026, 11, 2), null, d(2026, 11, 9), null, null, true, true, false);
        for (ZorgpadRegel verblijf : List.of(VERBLIJF, zonderVlag)) {
            OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Verblijf(verblijf, false, false, false), ALMERE, "J.K.",
                    List.of("2026-0311"), List.of(verblijf, PLEEGZORG, AMBULANT), null));
            List<String> rijen = m.html().lines().filter(r -> r.startsWith("<tr><td valign")).toList();
            assertEquals(3, rijen.size());
            for (int i = 0; i < 2; i++) {
                assertFalse(rijen.get(i).contains("33334444") || rijen.get(i).contains("#fff4ce"), rijen.get(i));
            }
            assertTrue(rijen.get(2).contains("33334444") && rijen.get(2).contains("#fff4ce"), rijen.get(2));
            assertTrue(rijen.get(2).contains("► aanleiding"), rijen.get(2));
            assertTrue(m.tekst().contains("► 3. Jeugdhulp verblijf (incl. behandeling) (43A01) – aanbieder 33334444"),
                    m.tekst());
            assertTrue(m.tekst().contains("(► = aanleiding van dit signaal)"), m.tekst());
        }
    }

    @Test
    void crisisVraagtOmDeRondeTafelVoorDeTermijn() {
        OpgemaakteMail m = opmaak.maak(mail(CRISIS, ALMERE, "J.K.", List.of("2026-0311"), ZORGPAD, KNOP));
        inBeide(m, "Beste Sanne de Vries,", "Een jeugdige uit de gemeente Almere is in crisis geplaatst.",
                "Organiseer uiterlijk dinsdag 24-11-2026 om 15:00 de Ronde Tafel met de jeugdige, de ouders, de "
                        + "crisispartner en de betrokken professionals.",
                "Stem af met de Medewerker Jeugdhulp", "vast in het Plan van aanpak.",
                "Bevestig hieronder dat de Ronde Tafel is gehouden.");
        for (String regel : List.of("  Geplaatst op: maandag 23-11-2026 om 15:00",
                "  Route: geplaatst door de lokale toegang; termijn 24 uur",
                "  Ronde Tafel uiterlijk: dinsdag 24-11-2026 om 15:00", "  Referentie backoffice: ZK-2026-0042")) {
            assertTrue(m.tekst().lines().anyMatch(regel::equals), regel + "\n" + m.tekst());
        }
        assertTrue(m.html().contains(">Referentie backoffice</td>") && m.html().contains(">ZK-2026-0042</td>"), m.html());
        assertEquals(KNOP.url(), link(m.html()));
        inGeen(m, "Aanleiding", "aanleiding van dit signaal");
    }

    @Test
    void crisisNoemtDeRouteInWoorden() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("lokale-toegang", "geplaatst door de lokale toegang; termijn 24 uur");
        routes.put("gi", "geplaatst door de gezinsvoogd (GI); termijn 24 uur");
        routes.put("veilig-thuis", "geplaatst via Veilig Thuis; termijn 24 uur, waarbij alleen werkdagen tellen");
        routes.put(null, "bekend uit iJw-berichten; route onbekend, termijn 24 uur");
        routes.put("politie\nRoute: vals", "onbekende route: politie Route: vals");
        routes.forEach((route, woorden) -> {
            OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Crisis(PLAATSING, route, TERMIJN, null, null)));
            assertTrue(m.tekst().lines().anyMatch(("  Route: " + woorden)::equals), route + "\n" + m.tekst());
            assertTrue(m.html().contains(">" + woorden + "</td>"), route);
            inGeen(m, "Referentie backoffice");
        });
    }

    @Test
    void crisisZonderZorgpadZegtDatInEenRegel() {
        // Known only from regie.meldingen: no iJw message yet, so no trajectory and no toewijzing.
        OpgemaakteMail m = opmaak.maak(mail(CRISIS, ALMERE, "J.K.", List.of(), List.of(), null));
        String leeg = "Nog geen trajecten bekend: de hub heeft voor deze jeugdige nog geen toewijzing en geen start- of "
                + "stopbericht ontvangen.";
        assertTrue(m.tekst().contains("\nZorgpad\n" + leeg + "\n"), m.tekst());
        assertTrue(m.html().contains(">" + leeg + "</p>"), m.html());
        assertFalse(m.html().contains("<th"), "geen lege tabel");
        assertFalse(m.html().contains("Geel gemarkeerd"), m.html());
        inGeen(m, "Zorgpad, van oud naar nieuw", "aanleiding van dit signaal", "Aanleiding");
        inBeide(m, "nog geen toewijzing ontvangen", "dinsdag 24-11-2026 om 15:00");
    }

    @Test
    void crisisUitIjwToontHetCrisistrajectAlsAanleiding() {
        OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Crisis(PLAATSING, null, TERMIJN, null, CRISISHULP), ALMERE,
                "J.K.", List.of("2026-0311"), List.of(CRISISHULP, PLEEGZORG), null));
        assertTrue(m.tekst().contains("Aanleiding\n  Crisishulp (47A01) bij aanbieder Crisisdienst Flevo (AGB 77778888); "
                + "toewijzing 23-11-2026 – 30-11-2026; zorg vanaf 23-11-2026.\n"), m.tekst());
        assertTrue(m.html().contains("bij aanbieder Crisisdienst Flevo (AGB 77778888);"), m.html());
        assertTrue(m.tekst().contains("► 2. Crisishulp (47A01) – aanbieder Crisisdienst Flevo (AGB 77778888)\n"),
                m.tekst());
        assertTrue(m.tekst().contains("  1. Pleegzorg (44A02) – aanbieder 55556666\n"),
                "de volgorde is die van de datums; zonder naam alleen de code");
    }

    @Test
    void termijnenStaanInNederlandseTijd() {
        ZonedDateTime termijnUtc = ZonedDateTime.of(2026, 11, 24, 14, 0, 0, 0, ZoneOffset.UTC);
        OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Crisis(PLAATSING.withZoneSameInstant(ZoneOffset.UTC),
                "gi", termijnUtc, null, null)));
        inBeide(m, "uiterlijk dinsdag 24-11-2026 om 15:00", "maandag 23-11-2026 om 15:00");
        inGeen(m, "14:00");
        // Summer time: the zone's own offset, not a fixed one.
        OpgemaakteMail zomer = opmaak.maak(mail(new RegieMail.Crisis(PLAATSING, "gi",
                ZonedDateTime.of(2026, 7, 1, 7, 30, 0, 0, ZoneOffset.UTC), null, null)));
        inBeide(zomer, "woensdag 01-07-2026 om 09:30");
    }

    @Test
    void opvolgingVraagtHoeHetGaat() {
        OpgemaakteMail m = opmaak.maak(mail(OPVOLGING, ALMERE, "J.K.", List.of("2026-0311"), ZORGPAD,
                new Actieknop("Check gedaan", "https://hub.example/bevestig?actie=CHECK_GEDAAN&t=abc")));
        inBeide(m, "Beste Sanne de Vries,",
                "Op 02-10-2026 is de zorg voor een jeugdige uit de gemeente Almere overgedragen.",
                "hoe gaat het met de jeugdige?",
                "of de Medewerker Jeugdhulp, en leg de uitkomst vast in het Plan van aanpak.",
                "Bevestig uiterlijk maandag 09-11-2026 om 09:00 hieronder dat de check is gedaan; anders volgt een "
                        + "escalatie.",
                "Op 02-12-2026 sluit de hub de procesregie voor deze jeugdige af en eindigt de waakvlam.",
                "Check gedaan", "waakvlam");
        for (String regel : List.of("  Overdracht op: 02-10-2026", "  Soort overdracht: start perspectiefbiedende pleegzorg",
                "  Check bevestigen uiterlijk: maandag 09-11-2026 om 09:00", "  Einde waakvlam: 02-12-2026")) {
            assertTrue(m.tekst().lines().anyMatch(regel::equals), regel + "\n" + m.tekst());
        }
    }

    @Test
    void zonderKnopVraagtDeMailGeenBevestiging() {
        for (RegieMail.Aanleiding a : List.of(CRISIS, OPVOLGING, escalatie(CRISIS, 0, TERMIJN.plusHours(24)))) {
            OpgemaakteMail m = opmaak.maak(mail(a));
            inGeen(m, "hieronder", "bevestigingspagina");
        }
    }

    @Test
    void zestienJaarBereidtVoorOp18() {
        OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Leeftijd(16, d(2027, 5, 9)), URK, "J.K.",
                List.of("2026-0311"), ZORGPAD, null));
        inBeide(m, "Beste Pieter Kramer,", "Een jeugdige uit de gemeente Urk wordt op 09-05-2027 16 jaar.",
                "voorbereiding op 18+", "domeinbepaling", "De vijf leefgebieden (Big 5)", "verlengde jeugdhulp",
                "Betrek de Klantmanager en leg de afspraken vast in het Familie-groepsplan.",
                "procesregisseur voor de gemeente Urk");
        for (String gebied : List.of("Steun", "Wonen", "School", "Werk en inkomen", "Welzijn")) {
            assertTrue(m.tekst().lines().anyMatch(r -> r.startsWith("  " + gebied + ": ")), gebied);
            assertTrue(m.html().contains(">" + gebied + "</td>"), gebied);
        }
        inGeen(m, "warme overdracht");
    }

    @Test
    void achttienJaarVraagtEenWarmeOverdracht() {
        OpgemaakteMail m = opmaak.maak(mail(new RegieMail.Leeftijd(18, d(2029, 5, 9)), URK, "J.K.",
                List.of("2026-0311"), ZORGPAD, null));
        inBeide(m, "Een jeugdige uit de gemeente Urk wordt op 09-05-2029 18 jaar en krijgt nog jeugdhulp.",
                "Regel vóór 09-05-2029", "warme overdracht naar de zorg en ondersteuning voor volwassenen",
                "verlengde jeugdhulp", "Stem af met de Klantmanager en leg de afspraken vast in het Familie-groepsplan.");
        inGeen(m, "domeinbepaling");
    }

    @Test
    void andereLeeftijdIsEenFout() {
        assertThrows(IllegalArgumentException.class, () -> opmaak.maak(mail(new RegieMail.Leeftijd(17, d(2028, 5, 9)))));
    }

    @Test
    void escalatieVanDeRondeTafelGaatAanHetTeam() {
        OpgemaakteMail m = opmaak.maak(mail(escalatie(CRISIS, 1, TERMIJN.plusHours(48)), ALMERE, "J.K.",
                List.of("2026-0311"), ZORGPAD, KNOP));
        inBeide(m, "Beste collega's,",
                "De Ronde Tafel na de crisisplaatsing van een jeugdige uit de gemeente Almere moest uiterlijk dinsdag "
                        + "24-11-2026 om 15:00 gehouden zijn. Dat is niet bevestigd (signaal PRH-1A2B3C4D). Dit is "
                        + "escalatie 2.",
                "Zonder bevestiging volgt op donderdag 26-11-2026 om 15:00 escalatie 3.",
                "Is de Ronde Tafel al gehouden? Bevestig dat dan hieronder; daarmee stoppen de escalaties.",
                "Stem af met de Medewerker Jeugdhulp en leg de afspraken vast in het Plan van aanpak.",
                "op de escalatielijst staat");
        inGeen(m, "Beste Sanne", "als procesregisseur voor de gemeente");
        for (String regel : List.of("  Niet bevestigd: Ronde Tafel na crisisplaatsing, signaal PRH-1A2B3C4D",
                "  Termijn verstreken op: dinsdag 24-11-2026 om 15:00", "  Volgende escalatie: donderdag 26-11-2026 om 15:00",
                "  Route: geplaatst door de lokale toegang; termijn 24 uur", "  Referentie backoffice: ZK-2026-0042")) {
            assertTrue(m.tekst().lines().anyMatch(regel::equals), regel + "\n" + m.tekst());
        }
        assertEquals(KNOP.url(), link(m.html()));
    }

    @Test
    void escalatieVanDeCheckNoemtDeOverdracht() {
        OpgemaakteMail m = opmaak.maak(mail(escalatie(OPVOLGING, 0, OPVOLGING.checkUiterlijk().plusHours(24)), ALMERE,
                "J.K.", List.of("2026-0311"), ZORGPAD, new Actieknop("Check gedaan", "https://hub.example/b?t=1")));
        assertEquals("Escalatie 1: check na overdracht niet bevestigd – Almere – signaal PRH-5E6F7A8B", m.onderwerp());
        inBeide(m, "Beste collega's,", "moest uiterlijk maandag 09-11-2026 om 09:00 gedaan zijn.", "Dit is escalatie 1.",
                "Zonder bevestiging volgt op dinsdag 10-11-2026 om 09:00 escalatie 2.", "Is de check al gedaan?",
                "Soort overdracht", "start perspectiefbiedende pleegzorg", "Einde waakvlam");
        inGeen(m, "Ronde Tafel", "Escalatie 0", "escalatie 0");
    }

    @Test
    void laatsteEscalatieZonderVolgendeMoment() {
        OpgemaakteMail m = opmaak.maak(mail(escalatie(CRISIS, 4, null)));
        assertEquals("Escalatie 5: Ronde Tafel niet bevestigd – Almere – signaal PRH-5E6F7A8B", m.onderwerp());
        inBeide(m, "Dit is escalatie 5.");
        inGeen(m, "Zonder bevestiging volgt", "Volgende escalatie", "escalatie 6");
    }

    @Test
    void negatieveTredeIsEenFout() {
        assertThrows(IllegalArgumentException.class, () -> opmaak.maak(mail(escalatie(CRISIS, -1, null))));
    }

    @Test
    void knopInElkeSoort() {
        elkeSoort(KNOP).forEach((naam, mail) -> {
            OpgemaakteMail m = opmaak.maak(mail);
            assertEquals(KNOP.url(), link(m.html()), naam);
            assertTrue(m.html().contains(">Ronde Tafel gehouden</a>"), naam);
            List<String> regels = m.tekst().lines().toList();
            int label = regels.indexOf("Ronde Tafel gehouden:");
            assertTrue(label > 0, naam + "\n" + m.tekst());
            assertEquals(KNOP.url(), regels.get(label + 1), naam);
            inBeide(m, "De link opent een bevestigingspagina in de hub; daar bevestigt u met één klik.");
        });
    }

    @Test
    void vijandigeGegevensWordenGeescaptEnSmedenGeenRegels() {
        GemeenteInstellingen g = gemeente("0034", "Almere & Co", "Flevoland", "R. \"Ruud\" O'Neill", "<b>contact</b>",
                "plan");
        RegieMail.Crisis crisis = new RegieMail.Crisis(PLAATSING, "gi", TERMIJN,
                "ZK-1\nRonde Tafel uiterlijk: nooit\r\n  Route: vals", null);
        RegieMail.Opvolging opvolging = new RegieMail.Opvolging(d(2026, 10, 2),
                "<i>x</i>\u2028Check bevestigen uiterlijk: nooit", OPVOLGING.checkUiterlijk(), d(2026, 12, 2));
        for (RegieMail.Aanleiding a : List.of(crisis, opvolging, escalatie(crisis, 0, null),
                escalatie(opvolging, 2, null))) {
            RegieMail mail = new RegieMail(a, "PRH-5E6F7A8B\nBcc: iedereen@example.org", g,
                    "<script>alert('x')</script>", d(2011, 5, 9), List.of("2026-0311\nStatus: vals"), ZORGPAD,
                    PLAATSING, new Actieknop("Bevestig\n<b>nu</b>", "https://hub.example/b?t=1&x=\"><script>x</script>"));
            OpgemaakteMail m = opmaak.maak(mail);

            assertFalse(m.onderwerp().contains("\n") || m.onderwerp().contains("\r"), m.onderwerp());
            assertTrue(m.onderwerp().endsWith("signaal PRH-5E6F7A8B Bcc: iedereen@example.org"), m.onderwerp());
            for (String ruw : List.of("<script>", "<b>", "<i>")) {
                assertFalse(m.html().contains(ruw), ruw + "\n" + m.html());
            }
            assertEquals(mail.knop().url(), link(m.html()), "de link blijft in zijn attribuut");
            assertTrue(m.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), m.html());
            assertTrue(m.html().contains("Almere &amp; Co"), m.html());
            assertTrue(m.tekst().contains("<script>alert('x')</script>"), "platte tekst blijft letterlijk");
            for (String vals : List.of("Ronde Tafel uiterlijk: nooit", "Route: vals", "Check bevestigen uiterlijk: nooit",
                    "Status: vals", "Bcc:", "<b>nu</b>")) {
                assertFalse(m.tekst().lines().anyMatch(r -> r.strip().startsWith(vals)), vals + "\n" + m.tekst());
            }
        }
        OpgemaakteMail crisismail = opmaak.maak(mail(crisis));
        assertTrue(crisismail.tekst().contains("  Referentie backoffice: ZK-1 Ronde Tafel uiterlijk: nooit    Route: vals"),
                crisismail.tekst());
    }

    /** One mail of each kind, text and HTML, exactly as a regisseur gets it. */
    @Test
    void elkeSoortIsGelijkAanZijnGoudenKopie() {
        List<String> namen = List.of("verblijf", "verblijf-extra-aandacht", "crisis", "opvolging", "leeftijd-16",
                "leeftijd-18", "escalatie-crisis", "escalatie-opvolging");
        List<RegieMail> mails = List.copyOf(elkeSoort(KNOP).values());
        assertEquals(namen.size(), mails.size());
        for (int i = 0; i < namen.size(); i++) {
            OpgemaakteMail m = opmaak.maak(mails.get(i));
            GoudenKopie.vergelijk("mail/" + namen.get(i) + ".txt", m.onderwerp() + "\n\n" + m.tekst());
            GoudenKopie.vergelijk("mail/" + namen.get(i) + ".html", m.html());
        }
    }
}
