package nl.procesregie.hub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegioConfiguratieTest {

    private static final List<String> MEEGELEVERD =
            List.of("classpath:config/utrecht-west.yaml", "classpath:config/flevoland.yaml");

    @TempDir
    Path map;

    private String bestand(String naam, String yaml) throws IOException {
        Path pad = map.resolve(naam);
        Files.writeString(pad, yaml);
        return pad.toString();
    }

    private static final String KLEINE_REGIO = """
            regio:
              naam: Proefregio
              woorden: { contactpersoon: consulent, plan: plan van aanpak }
              gemeenten:
                - code: "9001"
                  naam: Eerstedorp
                  regisseur: { naam: A. Regisseur, email: a@eerstedorp.example }
                  team: { email: team@eerstedorp.example }
            """;

    private List<String> foutenIn(String... locaties) {
        return assertThrows(ConfiguratieFout.class, () -> RegioConfiguratie.laad(List.of(locaties))).fouten();
    }

    private List<String> foutenVan(String yaml) throws IOException {
        return foutenIn(bestand("proef.yaml", yaml));
    }

    private GemeenteInstellingen enige(String yaml) throws IOException {
        return RegioConfiguratie.laad(List.of(bestand("proef.yaml", yaml))).gemeenten().iterator().next();
    }

    @Test
    void meegeleverdeBestandenLaden() {
        RegioConfiguratie c = RegioConfiguratie.laad(MEEGELEVERD);
        assertEquals(11, c.gemeenten().size());
        assertEquals(List.of("1904", "0736", "0632", "0589", "0335", "0034", "0303", "0995", "0171", "0184", "0050"),
                c.gemeenten().stream().map(GemeenteInstellingen::code).toList());

        GemeenteInstellingen woerden = c.gemeente("0632").orElseThrow();
        assertEquals("Woerden", woerden.naam());
        assertEquals("Utrecht West", woerden.regioNaam());
        assertEquals("procesregie@woerden.example", woerden.regisseurEmail());
        assertEquals(4, woerden.drempel());
        assertEquals(Optional.of(Period.ofYears(3)), woerden.terugkijkperiode());
        assertEquals(Period.ofDays(30), woerden.signaalhorizon());
        assertEquals(Duration.ofMinutes(2), woerden.verwijzerwachttijd());
        assertTrue(woerden.isUitgesloten("42", "42A01"));
        assertEquals(Optional.empty(), woerden.verwijzers());
        assertEquals(Productsoorten.STANDAARD, woerden.productsoorten());

        assertEquals(c.gemeente("1904").orElseThrow().regisseurEmail(), c.gemeente("0736").orElseThrow().regisseurEmail());
        for (String code : List.of("0589", "0335")) {
            assertEquals(woerden.regisseurNaam(), c.gemeente(code).orElseThrow().regisseurNaam());
        }
        assertEquals(Optional.empty(), c.gemeente("9999"));
    }

    /** Paaszondag (anonymous Gregorian algorithm), so the holidays in the examples are checked, not copied. */
    private static LocalDate pasen(int jaar) {
        int a = jaar % 19;
        int b = jaar / 100;
        int c = jaar % 100;
        int h = (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
        int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int maand = (h + l - 7 * m + 114) / 31;
        int dag = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(jaar, maand, dag);
    }

    private static Set<LocalDate> nederlandseFeestdagen(int... jaren) {
        Set<LocalDate> dagen = new HashSet<>();
        for (int jaar : jaren) {
            LocalDate pasen = pasen(jaar);
            LocalDate koningsdag = LocalDate.of(jaar, 4, 27);
            dagen.addAll(List.of(LocalDate.of(jaar, 1, 1), pasen.plusDays(1),
                    koningsdag.getDayOfWeek() == DayOfWeek.SUNDAY ? koningsdag.minusDays(1) : koningsdag,
                    pasen.plusDays(39), pasen.plusDays(50), LocalDate.of(jaar, 12, 25), LocalDate.of(jaar, 12, 26)));
        }
        return dagen;
    }

    @Test
    void meegeleverdeBestandenKennenDeTermijnen() {
        assertEquals(LocalDate.of(2026, 4, 5), pasen(2026));
        assertEquals(LocalDate.of(2027, 3, 28), pasen(2027));
        RegioConfiguratie c = RegioConfiguratie.laad(MEEGELEVERD);

        GemeenteInstellingen woerden = c.gemeente("0632").orElseThrow();
        Regietermijnen utrechtWest = woerden.termijnen();
        assertEquals(LocalTime.of(9, 0), utrechtWest.herinneringstijd());
        assertEquals(5, utrechtWest.checkwerkdagen());
        assertEquals(Period.ofMonths(6), utrechtWest.achttienVoorloop());
        assertEquals(nederlandseFeestdagen(2026, 2027), utrechtWest.feestdagen());
        assertEquals(Regietermijnen.standaardLadder("procesregie@woerden.example", "jeugdteam@woerden.example"),
                utrechtWest.escalatie());
        assertEquals(woerden.productsoorten().pleegzorg(), woerden.productsoorten().perspectiefbiedend());

        Regietermijnen dronten = c.gemeente("0303").orElseThrow().termijnen();
        assertEquals(nederlandseFeestdagen(2026, 2027), dronten.feestdagen());
        assertEquals(5, dronten.checkwerkdagen());
        assertEquals(List.of(trede("PT0S", "procesregie@dronten.example", "escalatie-jeugd@dronten.example"),
                trede("PT24H", "teamleider-jeugd@flevoland.example", "escalatie-jeugd@dronten.example")),
                dronten.escalatie());
        assertEquals(dronten.trede(1), dronten.trede(4), "daarna elke 24 uur opnieuw");
        assertEquals(List.of(trede("PT0S", "procesregie@almere.example", "escalatie-jeugd@almere.example"),
                trede("PT24H", "teamleider-jeugd@almere.example", "escalatie-jeugd@almere.example")),
                c.gemeente("0034").orElseThrow().termijnen().escalatie());
    }

    @Test
    void flevolandseGemeentenGebruikenHunEigenWoorden() {
        RegioConfiguratie c = RegioConfiguratie.laad(MEEGELEVERD);
        assertEquals(List.of("Medewerker Jeugdhulp", "Gids Jeugd", "Medewerker Jeugd Lelystad", "Klantmanager Jeugd",
                        "Klantmanager", "medewerker van de lokale toegang"),
                List.of("0034", "0303", "0995", "0171", "0184", "0050").stream()
                        .map(code -> c.gemeente(code).orElseThrow().contactpersoonWoord()).toList());
        assertEquals(List.of("Plan van aanpak", "Routeplan", "Familie-groepsplan", "Onderzoeksverslag"),
                List.of("0034", "0303", "0995", "0171").stream()
                        .map(code -> c.gemeente(code).orElseThrow().planWoord()).toList());
        assertEquals(Optional.empty(), c.gemeente("0034").orElseThrow().terugkijkperiode());
    }

    @Test
    void verwijzerregelsVanUrkEnLelystad() {
        RegioConfiguratie c = RegioConfiguratie.laad(MEEGELEVERD);
        GemeenteInstellingen urk = c.gemeente("0184").orElseThrow();
        assertTrue(urk.heeftVerwijzerregel());
        assertTrue(urk.verwijzerLeidtTotSignaal("01"));
        assertTrue(urk.verwijzerLeidtTotSignaal(null), "zonder JW315 geldt 01 Gemeente");
        assertFalse(urk.verwijzerLeidtTotSignaal("02"));

        GemeenteInstellingen lelystad = c.gemeente("0995").orElseThrow();
        assertFalse(lelystad.verwijzerLeidtTotSignaal("02"));
        for (String type : List.of("01", "03", "04", "05", "06", "08")) {
            assertTrue(lelystad.verwijzerLeidtTotSignaal(type), type);
        }

        GemeenteInstellingen almere = c.gemeente("0034").orElseThrow();
        assertFalse(almere.heeftVerwijzerregel());
        assertTrue(almere.verwijzerLeidtTotSignaal("02"));
    }

    @Test
    void zonderOptioneleSleutelsGeldenDeStandaarden() throws IOException {
        GemeenteInstellingen g = enige(KLEINE_REGIO);
        assertEquals(4, g.drempel());
        assertEquals(Optional.empty(), g.terugkijkperiode());
        assertEquals(Period.ofDays(30), g.signaalhorizon());
        assertEquals(Duration.ofMinutes(2), g.verwijzerwachttijd());
        assertEquals(Set.of(), g.uitgeslotenCategorieen());
        assertEquals(Set.of(), g.uitgeslotenCodes());
        assertEquals(Productsoorten.STANDAARD, g.productsoorten());
        assertEquals("consulent", g.contactpersoonWoord());
    }

    @Test
    void gemeenteOverschrijftRegioPerSleutel() throws IOException {
        GemeenteInstellingen g = enige("""
                regio:
                  naam: Proefregio
                  drempel: 5
                  terugkijkperiode: P2Y
                  signaalhorizon: P10D
                  verwijzerwachttijd: PT5M
                  uitgesloten: { categorieen: ["42"], codes: [45A01] }
                  productsoorten: { pleegzorg: [43X01], crisis: ["46"] }
                  woorden: { contactpersoon: consulent, plan: plan van aanpak }
                  gemeenten:
                    - code: "9001"
                      naam: Eerstedorp
                      regisseur: { naam: A. Regisseur, email: a@eerstedorp.example }
                      team: { email: team@eerstedorp.example }
                      drempel: 3
                      terugkijkperiode: geen
                      signaalhorizon: P1M
                      verwijzerwachttijd: PT0S
                      uitgesloten: { codes: [] }
                      productsoorten: { crisis: [46A01] }
                      woorden: { plan: Routeplan }
                """);
        assertEquals(3, g.drempel());
        assertEquals(Optional.empty(), g.terugkijkperiode());
        assertEquals(Period.ofMonths(1), g.signaalhorizon());
        assertEquals(Duration.ZERO, g.verwijzerwachttijd());
        assertEquals(Set.of("42"), g.uitgeslotenCategorieen(), "niet overschreven: van de regio");
        assertEquals(Set.of(), g.uitgeslotenCodes(), "een lege lijst overschrijft");
        assertTrue(g.isUitgesloten("42", null));
        assertFalse(g.isUitgesloten("45", "45A01"));
        assertEquals(Set.of("43X01"), g.productsoorten().pleegzorg().codes());
        assertEquals(Set.of("46A01"), g.productsoorten().crisis().codes());
        assertEquals(Productsoorten.STANDAARD.gezinshuis(), g.productsoorten().gezinshuis());
        assertEquals("consulent", g.contactpersoonWoord());
        assertEquals("Routeplan", g.planWoord());
    }

    @Test
    void regioWaardenGeldenVoorGemeentenZonderEigenWaarde() throws IOException {
        GemeenteInstellingen g = enige(KLEINE_REGIO.replace("  woorden:", "  drempel: 6\n  terugkijkperiode: P3Y\n  woorden:"));
        assertEquals(6, g.drempel());
        assertEquals(Optional.of(Period.ofYears(3)), g.terugkijkperiode());
    }

    @Test
    void productsoortenOnderscheidenVerblijfVanGezinsvormen() {
        Productsoorten s = Productsoorten.STANDAARD;
        assertTrue(s.isVerblijf("43", "43A01"));
        assertFalse(s.isVerblijf("43", "43A03"), "pleegzorg");
        assertTrue(s.isPleegzorg("43", "43A03"));
        assertFalse(s.isVerblijf("43", "43A29"), "gezinshuis");
        assertTrue(s.isGezinshuis("43", "43A29"));
        assertTrue(s.isCrisis("46", null), "crisis is de hele categorie 46");
        assertTrue(s.isDiagnostiek("45", "45B04"));
        assertFalse(s.isVerblijf("45", "45A03"));
    }

    @Test
    void productcodesVanEenTotVijfTekensZijnInTeStellen() throws IOException {
        // As LDT_ProductCode allows: any characters, 1 to 5 of them, such as the official example's YS1U.
        GemeenteInstellingen g = laadRegio("""
                uitgesloten: { codes: [X, "1A3", YS1U] }
                productsoorten: { verblijf: [V, "43A01"], crisis: ["C1 "], pleegzorg: [P1A, " YS1U"] }
                """, "").gemeente("9001").orElseThrow();
        assertEquals(Set.of("X", "1A3", "YS1U"), g.uitgeslotenCodes());
        assertTrue(g.isUitgesloten("47", "X"));
        assertTrue(g.isUitgesloten("47", "1A3"));
        assertTrue(g.isUitgesloten("47", "YS1U"));
        assertFalse(g.isUitgesloten("47", "YS1"));
        Productsoorten s = g.productsoorten();
        assertTrue(s.isVerblijf("43", "V"));
        assertTrue(s.isCrisis("46", "C1"), "witruimte eromheen valt weg, zoals de parser die weglaat");
        assertTrue(s.isPleegzorg("43", "P1A"));
        assertTrue(s.isPleegzorg("43", "YS1U"));
        assertFalse(s.isVerblijf("43", "YS1U"), "pleegzorg telt niet als verblijf");
        assertFalse(s.isCrisis("46", "C"));
    }

    @Test
    void tweeCijfersZijnEenCategorieTenzijErCodeVoorStaat() throws IOException {
        GemeenteInstellingen g = laadRegio("""
                uitgesloten: { categorieen: ["42"], codes: ["code:12"] }
                productsoorten:
                  verblijf: ["43", code:44, "code: 4A"]
                  crisis:
                    - code:12
                """, "").gemeente("9001").orElseThrow();
        Productsoorten s = g.productsoorten();
        assertEquals(new Productsoorten.Soort(Set.of("43"), Set.of("44", "4A")), s.verblijf());
        assertTrue(s.isVerblijf("43", "43A01"), "een categorie dekt al haar codes");
        assertFalse(s.isVerblijf("12", "43"), "code 43 is niet categorie 43");
        assertTrue(s.isVerblijf("12", "44"));
        assertFalse(s.isVerblijf("44", "44A01"), "code 44 is niet categorie 44");
        assertEquals(new Productsoorten.Soort(Set.of(), Set.of("12")), s.crisis(), "ook zonder aanhalingstekens in een bloklijst");
        assertTrue(s.isCrisis("46", "12"));
        assertFalse(s.isCrisis("12", "12A01"));
        assertTrue(g.isUitgesloten("46", "12"), "a code of 2 digits, written as in the productsoorten lists");
        assertFalse(g.isUitgesloten("12", "12A01"));
        assertTrue(g.isUitgesloten("42", "42A01"));
    }

    @Test
    void eenTeLangeOfLegeProductcodeNoemtHetPad() throws IOException {
        assertEquals(List.of(
                "proef.yaml: regio.uitgesloten.codes[0]: verwacht een productcode van 1 tot 5 tekens (een productcode "
                        + "van 2 cijfers als \"code:12\"; een categorie hoort onder uitgesloten.categorieen), gevonden "
                        + "'43A01B'",
                "proef.yaml: regio.uitgesloten.codes[1]: verwacht een productcode van 1 tot 5 tekens (een productcode "
                        + "van 2 cijfers als \"code:12\"; een categorie hoort onder uitgesloten.categorieen), gevonden "
                        + "''",
                "proef.yaml: regio.uitgesloten.codes[2]: verwacht een productcode van 1 tot 5 tekens (een productcode "
                        + "van 2 cijfers als \"code:12\"; een categorie hoort onder uitgesloten.categorieen), gevonden "
                        + "'43'",
                "proef.yaml: regio.productsoorten.crisis[0]: verwacht een categorie van 2 cijfers of een productcode "
                        + "van 1 tot 5 tekens (een productcode van 2 cijfers als \"code:12\"), gevonden 'code:123456'"),
                foutenVan(regioMet("""
                        uitgesloten: { codes: [43A01B, "  ", "43"] }
                        productsoorten: { crisis: ["code:123456"] }
                        """, "")));
    }

    /**
     * A regio file with these regio keys and one gemeente per entry of {@code gemeenten} (its own keys), coded 9001,
     * 9002, … in order, each with addresses regie@9001.example and team@9001.example and so on.
     */
    private static String regioMet(String regioSleutels, String... gemeenten) {
        StringBuilder yaml = new StringBuilder("regio:\n  naam: Proefregio\n"
                + "  woorden: { contactpersoon: consulent, plan: plan van aanpak }\n")
                .append(regioSleutels.indent(2)).append("  gemeenten:\n");
        for (int i = 0; i < gemeenten.length; i++) {
            String code = String.valueOf(9001 + i);
            yaml.append("    - code: \"").append(code).append("\"\n")
                    .append("      naam: Dorp ").append(code).append('\n')
                    .append("      regisseur: { naam: R. ").append(code).append(", email: regie@").append(code)
                    .append(".example }\n")
                    .append("      team: { email: team@").append(code).append(".example }\n")
                    .append(gemeenten[i].indent(6));
        }
        return yaml.toString();
    }

    private RegioConfiguratie laadRegio(String regioSleutels, String... gemeenten) throws IOException {
        return RegioConfiguratie.laad(List.of(bestand("proef.yaml", regioMet(regioSleutels, gemeenten))));
    }

    private Productsoorten soorten(RegioConfiguratie c, String code) {
        return c.gemeente(code).orElseThrow().productsoorten();
    }

    @Test
    void perspectiefbiedendVolgtPleegzorgZolangHetNietGenoemdIs() throws IOException {
        assertTrue(Productsoorten.STANDAARD.isPerspectiefbiedend("43", "43A03"));
        assertFalse(Productsoorten.STANDAARD.isPerspectiefbiedend("43", "43A04"), "gezinshuis");
        assertTrue(enige(KLEINE_REGIO).productsoorten().isPerspectiefbiedend("35", null));

        RegioConfiguratie c = laadRegio("productsoorten: { pleegzorg: [43X01] }",
                "",
                "productsoorten: { pleegzorg: [43X02] }",
                "productsoorten: { perspectiefbiedend: [43X03] }",
                "productsoorten: { crisis: [46A01] }");
        assertEquals(Set.of("43X01"), soorten(c, "9001").perspectiefbiedend().codes());
        assertEquals(Set.of("43X02"), soorten(c, "9002").perspectiefbiedend().codes(),
                "de eigen pleegzorg van de gemeente");
        assertEquals(Set.of("43X03"), soorten(c, "9003").perspectiefbiedend().codes());
        assertEquals(Set.of("43X01"), soorten(c, "9003").pleegzorg().codes());
        assertEquals(Set.of("43X01"), soorten(c, "9004").perspectiefbiedend().codes());
        assertTrue(soorten(c, "9002").isPerspectiefbiedend("43", "43X02"));
        assertFalse(soorten(c, "9002").isPerspectiefbiedend("43", "43X01"));
        assertFalse(soorten(c, "9003").isPerspectiefbiedend("43", "43X01"), "pleegzorg, maar niet perspectiefbiedend");
    }

    @Test
    void perspectiefbiedendVanDeRegioGeldtOokBijEigenPleegzorg() throws IOException {
        RegioConfiguratie c = laadRegio("productsoorten: { perspectiefbiedend: [43A60, 43A61] }",
                "",
                "productsoorten: { pleegzorg: [\"35\"] }",
                "productsoorten: { perspectiefbiedend: [] }");
        assertEquals(Set.of("43A60", "43A61"), soorten(c, "9001").perspectiefbiedend().codes());
        assertEquals(Productsoorten.STANDAARD.pleegzorg(), soorten(c, "9001").pleegzorg());
        assertEquals(Set.of("43A60", "43A61"), soorten(c, "9002").perspectiefbiedend().codes());
        assertEquals(new Productsoorten.Soort(Set.of(), Set.of()), soorten(c, "9003").perspectiefbiedend(),
                "een lege lijst overschrijft");
    }

    @Test
    void ongeldigePerspectiefbiedendeCodeNoemtHetPad() throws IOException {
        assertEquals(List.of("proef.yaml: regio.gemeenten[1].productsoorten.perspectiefbiedend[1]: verwacht een "
                        + "categorie van 2 cijfers of een productcode van 1 tot 5 tekens (een productcode van 2 cijfers als "
                        + "\"code:12\"), gevonden '43A60B'"),
                foutenVan(regioMet("", "", "productsoorten: { perspectiefbiedend: [43A60, 43A60B] }")));
    }

    @Test
    void termijnenZonderSleutelsZijnDeStandaarden() throws IOException {
        Regietermijnen t = enige(KLEINE_REGIO).termijnen();
        assertEquals(LocalTime.of(9, 0), t.herinneringstijd());
        assertEquals(5, t.checkwerkdagen());
        assertEquals(Period.ofMonths(6), t.achttienVoorloop());
        assertEquals(Set.of(), t.feestdagen());
    }

    @Test
    void termijnenVanDeRegioGeldenTenzijDeGemeenteEigenWaardenHeeft() throws IOException {
        RegioConfiguratie c = laadRegio("""
                herinneringstijd: "08:15"
                checkwerkdagen: 3
                achttienvoorloop: P9M
                feestdagen: ["2026-12-25", 2026-12-26]
                """,
                "",
                """
                herinneringstijd: 23:59
                checkwerkdagen: 0
                achttienvoorloop: P1Y
                feestdagen: ["2027-01-01"]
                """,
                "feestdagen: []");
        Regietermijnen regio = c.gemeente("9001").orElseThrow().termijnen();
        assertEquals(LocalTime.of(8, 15), regio.herinneringstijd());
        assertEquals(3, regio.checkwerkdagen());
        assertEquals(Period.ofMonths(9), regio.achttienVoorloop());
        assertEquals(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)), regio.feestdagen());

        Regietermijnen eigen = c.gemeente("9002").orElseThrow().termijnen();
        assertEquals(LocalTime.of(23, 59), eigen.herinneringstijd());
        assertEquals(0, eigen.checkwerkdagen());
        assertEquals(Period.ofYears(1), eigen.achttienVoorloop());
        assertEquals(Set.of(LocalDate.of(2027, 1, 1)), eigen.feestdagen(),
                "de lijst van de gemeente vervangt die van de regio");

        Regietermijnen leeg = c.gemeente("9003").orElseThrow().termijnen();
        assertEquals(Set.of(), leeg.feestdagen(), "een lege lijst overschrijft");
        assertEquals(LocalTime.of(8, 15), leeg.herinneringstijd());
    }

    @Test
    void ongeldigeTermijnenNoemenHetPad() throws IOException {
        List<String> f = foutenVan(regioMet("""
                herinneringstijd: "24:00"
                checkwerkdagen: -1
                achttienvoorloop: P0D
                feestdagen: ["2026-12-25", "2026-02-30", 25-12-2026]
                """,
                """
                herinneringstijd: 9:00
                checkwerkdagen: vijf
                achttienvoorloop: PT12H
                feestdagen: ["2027-13-01"]
                """));
        assertEquals(List.of(
                "proef.yaml: regio.herinneringstijd: verwacht een tijdstip als UU:MM van 00:00 tot en met 23:59 "
                        + "(bijv. \"09:00\"), gevonden '24:00'",
                "proef.yaml: regio.checkwerkdagen: verwacht een geheel getal van 0 of meer, gevonden '-1'",
                "proef.yaml: regio.achttienvoorloop: moet groter dan nul zijn, gevonden 'P0D'",
                "proef.yaml: regio.feestdagen[1]: verwacht een bestaande datum als JJJJ-MM-DD (bijv. \"2026-12-25\"), "
                        + "gevonden '2026-02-30'",
                "proef.yaml: regio.feestdagen[2]: verwacht een bestaande datum als JJJJ-MM-DD (bijv. \"2026-12-25\"), "
                        + "gevonden '25-12-2026'",
                "proef.yaml: regio.gemeenten[0].herinneringstijd: verwacht een tijdstip als UU:MM van 00:00 tot en met "
                        + "23:59 (bijv. \"09:00\"), gevonden '9:00'",
                "proef.yaml: regio.gemeenten[0].checkwerkdagen: verwacht een geheel getal van 0 of meer, "
                        + "gevonden 'vijf'",
                "proef.yaml: regio.gemeenten[0].achttienvoorloop: verwacht een ISO-8601-periode zoals P3Y of P30D, "
                        + "gevonden 'PT12H'",
                "proef.yaml: regio.gemeenten[0].feestdagen[0]: verwacht een bestaande datum als JJJJ-MM-DD "
                        + "(bijv. \"2026-12-25\"), gevonden '2027-13-01'"), f);
    }

    private static Escalatietrede trede(String na, String... ontvangers) {
        return new Escalatietrede(Duration.parse(na), List.of(ontvangers));
    }

    @Test
    void zonderLadderGeldtDeStandaardladderMetDeAdressenVanDeGemeente() throws IOException {
        Regietermijnen t = enige(KLEINE_REGIO).termijnen();
        assertEquals(List.of(trede("PT0S", "a@eerstedorp.example", "team@eerstedorp.example"),
                trede("PT24H", "a@eerstedorp.example", "team@eerstedorp.example")), t.escalatie());
        assertEquals(Regietermijnen.standaardLadder("a@eerstedorp.example", "team@eerstedorp.example"), t.escalatie());
        assertEquals(t.trede(1), t.trede(7), "na de laatste trede herhaalt die zich");
    }

    @Test
    void ladderVanDeRegioWordtPerGemeenteOpgelost() throws IOException {
        RegioConfiguratie c = laadRegio("""
                escalatie:
                  - { na: PT0S, aan: [regisseur, team] }
                  - { na: PT24H, aan: [teamleider@regio.example, Team] }
                """,
                "",
                "",
                """
                escalatie:
                  - { na: PT2H, aan: [regisseur, wethouder@9003.example] }
                """);
        assertEquals(List.of(trede("PT0S", "regie@9001.example", "team@9001.example"),
                trede("PT24H", "teamleider@regio.example", "team@9001.example")),
                c.gemeente("9001").orElseThrow().termijnen().escalatie());
        assertEquals(List.of(trede("PT0S", "regie@9002.example", "team@9002.example"),
                trede("PT24H", "teamleider@regio.example", "team@9002.example")),
                c.gemeente("9002").orElseThrow().termijnen().escalatie());
        Regietermijnen eigen = c.gemeente("9003").orElseThrow().termijnen();
        assertEquals(List.of(trede("PT2H", "regie@9003.example", "wethouder@9003.example")), eigen.escalatie(),
                "de ladder van de gemeente vervangt die van de regio");
        assertEquals(eigen.trede(0), eigen.trede(3));
    }

    @Test
    void eenAdresStaatEenmaalInEenTrede() throws IOException {
        RegioConfiguratie c = laadRegio("""
                escalatie:
                  - { na: PT1H, aan: [regisseur, regie@9001.example, team, REGIE@9001.example, regisseur] }
                """,
                "");
        assertEquals(List.of(trede("PT1H", "regie@9001.example", "team@9001.example")),
                c.gemeente("9001").orElseThrow().termijnen().escalatie());
    }

    @Test
    void regisseurEnTeamOpHetzelfdeAdresKrijgenEenMail() throws IOException {
        GemeenteInstellingen g = enige(KLEINE_REGIO.replace("team@eerstedorp.example", "a@eerstedorp.example"));
        assertEquals(List.of(trede("PT0S", "a@eerstedorp.example"), trede("PT24H", "a@eerstedorp.example")),
                g.termijnen().escalatie());
    }

    @Test
    void ongeldigeLadderNoemtHetPad() throws IOException {
        List<String> f = foutenVan(regioMet("""
                escalatie:
                  - { na: -PT1H, aan: [regisseur] }
                  - { na: 24 uur, aan: [] }
                  - { na: PT24H, aan: [teamleider, "jan@@regio.example", team] }
                  - { aan: [team] }
                  - { na: PT0S }
                """,
                "escalatie: []",
                "escalatie:\n  - { na: PT24H, aan: [regisseur] }\n  - { na: PT0S, aan: [team] }",
                "escalatie:\n  - { na: PT1H, naar: [teamleider] }",
                "escalatie: { na: PT24H, aan: [team] }",
                "escalatie:\n  - { na: PT24H, aan: team }\n  - leeg",
                "escalatie:\n  - { na: PT1H, aan: [team] }\n  -"));
        assertEquals(List.of(
                "proef.yaml: regio.gemeenten[2].escalatie[0].naar: onbekende sleutel (verkeerd gespeld?); "
                        + "toegestaan: aan, na",
                "proef.yaml: regio.gemeenten[3].escalatie: verwacht een lijst, gevonden sleutels met waarden",
                "proef.yaml: regio.gemeenten[4].escalatie[0].aan: verwacht een lijst, gevonden een enkele waarde",
                "proef.yaml: regio.gemeenten[4].escalatie[1]: verwacht sleutels met waarden, gevonden een enkele "
                        + "waarde",
                "proef.yaml: regio.escalatie[0].na: mag niet negatief zijn, gevonden '-PT1H'",
                "proef.yaml: regio.escalatie[1].na: verwacht een ISO-8601-duur zoals PT24H, gevonden '24 uur'",
                "proef.yaml: regio.escalatie[1].aan: lege lijst; noem minstens één ontvanger: regisseur, team of een "
                        + "e-mailadres",
                "proef.yaml: regio.escalatie[2].aan[0]: onbekende ontvanger 'teamleider'; verwacht regisseur, team of "
                        + "een e-mailadres",
                "proef.yaml: regio.escalatie[2].aan[1]: geen geldig e-mailadres: 'jan@@regio.example'",
                "proef.yaml: regio.escalatie[3].na: ontbreekt; verwacht een ISO-8601-duur zoals PT0S of PT24H",
                "proef.yaml: regio.escalatie[4].aan: ontbreekt; verwacht een lijst met regisseur, team of een "
                        + "e-mailadres",
                "proef.yaml: regio.escalatie[4].na: de laatste trede herhaalt zich tot er bevestigd is en moet daarom "
                        + "groter dan nul zijn, gevonden 'PT0S'",
                "proef.yaml: regio.gemeenten[0].escalatie: lege lijst; laat de sleutel weg voor de standaardladder "
                        + "(bij de termijn regisseur en team, daarna elke 24 uur opnieuw)",
                "proef.yaml: regio.gemeenten[1].escalatie[1].na: de laatste trede herhaalt zich tot er bevestigd is en "
                        + "moet daarom groter dan nul zijn, gevonden 'PT0S'",
                "proef.yaml: regio.gemeenten[2].escalatie[0].aan: ontbreekt; verwacht een lijst met regisseur, team "
                        + "of een e-mailadres",
                "proef.yaml: regio.gemeenten[5].escalatie[1]: leeg; verwacht 'na' en 'aan'"), f);
    }

    @Test
    void eenEnkeleTredeVanNulIsEenFout() throws IOException {
        assertEquals(List.of("proef.yaml: regio.escalatie[0].na: de laatste trede herhaalt zich tot er bevestigd is "
                        + "en moet daarom groter dan nul zijn, gevonden 'PT0S'"),
                foutenVan(regioMet("escalatie: [{ na: PT0S, aan: [regisseur, team] }]", "")));
    }

    @Test
    void voorbeeldmeldingUitDeOpdracht() throws IOException {
        String pad = bestand("flevoland.yaml", """
                regio:
                  naam: Flevoland
                  woorden: { contactpersoon: consulent, plan: plan van aanpak }
                  gemeenten:
                    - { code: "0034", naam: Almere, regisseur: { naam: A, email: a@almere.example }, team: { email: t@almere.example } }
                    - { code: "0303", naam: Dronten, regisseur: { naam: B, email: b@dronten.example }, team: { email: t@dronten.example } }
                    - { code: "0995", naam: Lelystad, regisseur: { naam: C, email: c@lelystad.example }, team: { email: t@lelystad.example } }
                    - { code: "0171", naam: Noordoostpolder, regisseur: { naam: D, email: d@nop.example }, team: { email: t@nop.example } }
                    - { code: "0184", naam: Urk, regisseur: { naam: E }, team: { email: t@urk.example } }
                """);
        assertEquals(List.of("flevoland.yaml: regio.gemeenten[4].regisseur.email: ontbreekt"), foutenIn(pad));
    }

    @Test
    void verkeerdGespeldeSleutelNoemtBestandEnPad() throws IOException {
        List<String> f = foutenVan(KLEINE_REGIO.replace("email: a@", "emial: a@").replace("  woorden:", "  drempl: 4\n  woorden:"));
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("proef.yaml: regio.drempl: onbekende sleutel (verkeerd gespeld?); toegestaan: "),
                f.get(0));
        assertTrue(f.get(0).contains("drempel"), f.get(0));
        assertEquals("proef.yaml: regio.gemeenten[0].regisseur.emial: onbekende sleutel (verkeerd gespeld?); "
                + "toegestaan: email, naam", f.get(1));
        assertEquals("proef.yaml: regio.gemeenten[0].regisseur.email: ontbreekt", f.get(2));
    }

    @Test
    void onbekendBlokWordtOvergeslagenEnGemeld() throws IOException {
        List<String> f = foutenVan(KLEINE_REGIO + "      escalaties: [{ na: -PT24H, naar: [teamleider] }]\n");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("proef.yaml: regio.gemeenten[0].escalaties: onbekende sleutel"), f.get(0));
        assertTrue(f.get(0).contains("escalatie,"), f.get(0));
    }

    @Test
    void dubbeleGemeentecodeOverBestandenHeen() throws IOException {
        String eerste = bestand("eerste.yaml", KLEINE_REGIO);
        String tweede = bestand("tweede.yaml", KLEINE_REGIO.replace("Proefregio", "Andere regio"));
        assertEquals(List.of("tweede.yaml: regio.gemeenten[0].code: gemeentecode '9001' komt al voor in "
                + "eerste.yaml (regio.gemeenten[0])"), foutenIn(eerste, tweede));
    }

    @Test
    void dubbeleGemeentecodeBinnenEenBestand() throws IOException {
        String gemeente = KLEINE_REGIO.substring(KLEINE_REGIO.indexOf("    - code"));
        assertEquals(List.of("proef.yaml: regio.gemeenten[1].code: gemeentecode '9001' komt al voor in "
                + "proef.yaml (regio.gemeenten[0])"), foutenVan(KLEINE_REGIO + gemeente));
    }

    @Test
    void meegeleverdeBestandenNoemenAanbieders() {
        Aanbieders aanbieders = RegioConfiguratie.laad(MEEGELEVERD).aanbieders();
        assertEquals(Optional.of("Stichting Het Erf"), aanbieders.naam("88100053"));
        assertEquals(Optional.of("Kind & Gezin Groene Hart"), aanbieders.naam("88100037"));
        assertEquals(Optional.of("Polderhuis Jeugdhulp"), aanbieders.naam("88200012"), "uit flevoland.yaml");
        assertEquals(Optional.of("Pleegzorg Midden"), aanbieders.naam("88100061"), "in beide bestanden, één naam");
        assertEquals(Optional.empty(), aanbieders.naam("12345678"));
        assertEquals(Optional.empty(), aanbieders.naam(null));
        assertEquals(14, aanbieders.codes().size(), aanbieders.codes().toString());
    }

    @Test
    void zonderAanbiedersKentDeHubGeenNamen() throws IOException {
        assertEquals(Set.of(), RegioConfiguratie.laad(List.of(bestand("proef.yaml", KLEINE_REGIO))).aanbieders().codes());
        assertEquals(Set.of(), RegioConfiguratie.laad(List.of(bestand("proef.yaml", KLEINE_REGIO + "  aanbieders: []\n")))
                .aanbieders().codes());
    }

    @Test
    void agbCodeMetVoorloopnulBlijftTekst() throws IOException {
        Aanbieders aanbieders = RegioConfiguratie.laad(List.of(bestand("proef.yaml", KLEINE_REGIO + """
                  aanbieders:
                    - { agb: "01234567", naam: "  Jeugdhulp Nul  " }
                    - agb: "00000019"
                      naam: "Zorg & Co, locatie \\"De Dijk\\""
                """))).aanbieders();
        assertEquals(Optional.of("Jeugdhulp Nul"), aanbieders.naam("01234567"));
        assertEquals(Optional.of("Zorg & Co, locatie \"De Dijk\""), aanbieders.naam("00000019"));
        assertEquals(List.of("01234567", "00000019"), List.copyOf(aanbieders.codes()));
    }

    @Test
    void agbCodeZonderAanhalingstekensWordtGelezenZoalsGeschreven() throws IOException {
        // YAML could read 01234567 as an octal number; the hub keeps every value as the text that was written.
        Aanbieders aanbieders = RegioConfiguratie.laad(List.of(bestand("proef.yaml", KLEINE_REGIO + """
                  aanbieders:
                    - { agb: 01234567, naam: Jeugdhulp Nul }
                    - { agb: 88100011, naam: Jeugdhulp Vechtstreek }
                """))).aanbieders();
        assertEquals(Optional.of("Jeugdhulp Nul"), aanbieders.naam("01234567"));
        assertEquals(Optional.of("Jeugdhulp Vechtstreek"), aanbieders.naam("88100011"));
    }

    @Test
    void ongeldigeAanbiedersNoemenBestandEnPad() throws IOException {
        List<String> f = foutenVan(KLEINE_REGIO + """
                  aanbieders:
                    - { agb: "8810001", naam: Zeven Cijfers }
                    - { agb: "8810001A", naam: Met Letter }
                    - { agb: "88100011", naam: "  " }
                    - { naam: Zonder Code }
                    -
                    - { agb: "88100029", naam: Praktijk De Linde }
                    - { agb: "88100029", naam: Praktijk De Linde }
                    - { agb: "88100037", name: Kind en Gezin }
                    - "88100045"
                """);
        assertEquals(List.of(
                // Jackson reports the shape while reading, before the values are checked.
                "proef.yaml: regio.aanbieders[7].name: onbekende sleutel (verkeerd gespeld?); toegestaan: agb, naam",
                "proef.yaml: regio.aanbieders[8]: verwacht sleutels met waarden, gevonden een enkele waarde",
                "proef.yaml: regio.aanbieders[0].agb: verwacht een AGB-code van precies 8 cijfers tussen "
                        + "aanhalingstekens (bijv. \"88100011\"), gevonden '8810001'",
                "proef.yaml: regio.aanbieders[1].agb: verwacht een AGB-code van precies 8 cijfers tussen "
                        + "aanhalingstekens (bijv. \"88100011\"), gevonden '8810001A'",
                "proef.yaml: regio.aanbieders[2].naam: ontbreekt",
                "proef.yaml: regio.aanbieders[3].agb: ontbreekt",
                "proef.yaml: regio.aanbieders[4]: leeg; verwacht 'agb' en 'naam'",
                "proef.yaml: regio.aanbieders[6].agb: AGB-code 88100029 staat al in regio.aanbieders[5]",
                "proef.yaml: regio.aanbieders[7].naam: ontbreekt"), f);
    }

    @Test
    void aanbiedersHorenBijDeRegioNietBijEenGemeente() throws IOException {
        List<String> f = foutenVan(KLEINE_REGIO + "      aanbieders: [{ agb: \"88100011\", naam: Jeugdhulp Vechtstreek }]\n");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("proef.yaml: regio.gemeenten[0].aanbieders: onbekende sleutel"), f.get(0));
    }

    @Test
    void eenAanbiederInTweeRegiosHeeftEenNaam() throws IOException {
        String eerste = bestand("eerste.yaml", KLEINE_REGIO + """
                  aanbieders:
                    - { agb: "88100011", naam: Jeugdhulp Vechtstreek }
                    - { agb: "88100029", naam: Praktijk De Linde }
                """);
        String tweede = bestand("tweede.yaml", KLEINE_REGIO.replace("9001", "9002") + """
                  aanbieders:
                    - { agb: "88100011", naam: Jeugdhulp Vechtstreek }
                    - { agb: "88100029", naam: Praktijk de Linde B.V. }
                """);
        assertEquals(List.of("tweede.yaml: regio.aanbieders[1].naam: AGB-code 88100029 heet hier 'Praktijk de Linde "
                + "B.V.', maar in eerste.yaml (regio.aanbieders[1]) 'Praktijk De Linde'; geef een aanbieder in elk "
                + "regiobestand dezelfde naam"), foutenIn(eerste, tweede));

        String gelijk = bestand("gelijk.yaml", KLEINE_REGIO.replace("9001", "9003") + """
                  aanbieders:
                    - { agb: "88100029", naam: "Praktijk De Linde " }
                """);
        Aanbieders aanbieders = RegioConfiguratie.laad(List.of(eerste, gelijk)).aanbieders();
        assertEquals(Optional.of("Praktijk De Linde"), aanbieders.naam("88100029"));
        assertEquals(List.of("88100011", "88100029"), List.copyOf(aanbieders.codes()));
    }

    @Test
    void ongeldigeWaardenNoemenBestandEnPad() throws IOException {
        List<String> f = foutenVan("""
                regio:
                  naam: Proefregio
                  drempel: 0
                  terugkijkperiode: 3 jaar
                  signaalhorizon: PT30D
                  verwijzerwachttijd: 2 minuten
                  uitgesloten: { categorieen: ["4"], codes: [45-A01] }
                  productsoorten: { pleegzorg: ["code:"] }
                  woorden: { contactpersoon: consulent }
                  gemeenten:
                    - code: "632"
                      naam: Eerstedorp
                      regisseur: { naam: A. Regisseur, email: a.eerstedorp.example }
                      team: { email: "team@eerstedorp" }
                      verwijzers: ["01", "07", "1"]
                      drempel: vier
                      verwijzerwachttijd: -PT1M
                """);
        assertEquals(List.of(
                "proef.yaml: regio.drempel: verwacht een geheel getal van 1 of meer, gevonden '0'",
                "proef.yaml: regio.terugkijkperiode: verwacht een ISO-8601-periode zoals P3Y of P30D, gevonden '3 jaar'",
                "proef.yaml: regio.signaalhorizon: verwacht een ISO-8601-periode zoals P3Y of P30D, gevonden 'PT30D'",
                "proef.yaml: regio.verwijzerwachttijd: verwacht een ISO-8601-duur zoals PT2M, gevonden '2 minuten'",
                "proef.yaml: regio.uitgesloten.categorieen[0]: verwacht een categorie van 2 cijfers, gevonden '4'",
                "proef.yaml: regio.uitgesloten.codes[0]: verwacht een productcode van 1 tot 5 tekens (een productcode "
                        + "van 2 cijfers als \"code:12\"; een categorie hoort onder uitgesloten.categorieen), gevonden "
                        + "'45-A01'",
                "proef.yaml: regio.productsoorten.pleegzorg[0]: verwacht een categorie van 2 cijfers of een productcode "
                        + "van 1 tot 5 tekens (een productcode van 2 cijfers als \"code:12\"), gevonden 'code:'",
                "proef.yaml: regio.gemeenten[0].code: verwacht precies 4 cijfers tussen aanhalingstekens (bijv. \"0632\"), "
                        + "gevonden '632'",
                "proef.yaml: regio.gemeenten[0].regisseur.email: geen geldig e-mailadres: 'a.eerstedorp.example'",
                "proef.yaml: regio.gemeenten[0].team.email: geen geldig e-mailadres: 'team@eerstedorp'",
                "proef.yaml: regio.gemeenten[0].woorden.plan: ontbreekt (en regio.woorden.plan ook)",
                "proef.yaml: regio.gemeenten[0].drempel: verwacht een geheel getal van 1 of meer, gevonden 'vier'",
                "proef.yaml: regio.gemeenten[0].verwijzerwachttijd: mag niet negatief zijn, gevonden '-PT1M'",
                "proef.yaml: regio.gemeenten[0].verwijzers[1]: onbekend verwijzertype '07'; toegestaan: "
                        + "01, 02, 03, 04, 05, 06, 08 (tussen aanhalingstekens)",
                "proef.yaml: regio.gemeenten[0].verwijzers[2]: onbekend verwijzertype '1'; toegestaan: "
                        + "01, 02, 03, 04, 05, 06, 08 (tussen aanhalingstekens)"), f);
    }

    @Test
    void legeVerwijzerlijstIsEenFout() throws IOException {
        assertEquals(List.of("proef.yaml: regio.gemeenten[0].verwijzers: lege lijst; laat de sleutel weg als elke "
                + "verwijzer tot een signaal leidt"), foutenVan(KLEINE_REGIO + "      verwijzers: []\n"));
    }

    @Test
    void verkeerdeVormNoemtHetPad() throws IOException {
        List<String> f = foutenVan(KLEINE_REGIO
                .replace("naam: Eerstedorp", "naam: [Eerstedorp]")
                .replace("team: { email: team@eerstedorp.example }", "team: team@eerstedorp.example")
                + "      verwijzers: \"01\"\n");
        assertTrue(f.contains("proef.yaml: regio.gemeenten[0].naam: verwacht een enkele waarde, gevonden een lijst"),
                f.toString());
        assertTrue(f.contains("proef.yaml: regio.gemeenten[0].team: verwacht sleutels met waarden, gevonden een enkele "
                + "waarde"), f.toString());
        assertTrue(f.contains("proef.yaml: regio.gemeenten[0].verwijzers: verwacht een lijst, gevonden een enkele "
                + "waarde"), f.toString());
        assertEquals(3, f.size(), "een verkeerde vorm geeft geen tweede melding 'ontbreekt' voor dezelfde sleutel");
    }

    @Test
    void foutenUitAlleBestandenKomenSamen() throws IOException {
        String eerste = bestand("eerste.yaml", KLEINE_REGIO.replace("a@eerstedorp", "a@@eerstedorp"));
        String tweede = bestand("tweede.yaml", KLEINE_REGIO.replace("9001", "9002").replace("  naam: Proefregio\n", ""));
        List<String> f = foutenIn(eerste, tweede, map.resolve("weg.yaml").toString());
        assertEquals(List.of(
                "eerste.yaml: regio.gemeenten[0].regisseur.email: geen geldig e-mailadres: 'a@@eerstedorp.example'",
                "tweede.yaml: regio.naam: ontbreekt",
                "weg.yaml: bestand niet gevonden (" + map.resolve("weg.yaml") + ")"), f);
    }

    @Test
    void ongeldigeYamlNoemtDeRegel() throws IOException {
        List<String> f = foutenVan("regio:\n  naam: 'Proefregio\n");
        assertEquals(1, f.size());
        assertTrue(f.get(0).startsWith("proef.yaml: regel "), f.get(0));
        assertTrue(f.get(0).contains("geen geldige YAML"), f.get(0));
    }

    @Test
    void dubbeleSleutelIsEenFout() throws IOException {
        assertEquals(List.of("proef.yaml: regio.drempel: dubbele sleutel"),
                foutenVan(KLEINE_REGIO.replace("  woorden:", "  drempel: 4\n  drempel: 5\n  woorden:")));
    }

    @Test
    void legeOfOnvolledigeBestanden() throws IOException {
        assertEquals(List.of("proef.yaml: regio: ontbreekt"), foutenVan(""));
        assertEquals(List.of("proef.yaml: regio: ontbreekt"), foutenVan("# alleen commentaar\n"));
        assertEquals(List.of("proef.yaml: regio.gemeenten: ontbreekt of is leeg"),
                foutenVan("regio:\n  naam: Proefregio\n  gemeenten: []\n"));
        assertEquals(List.of("klasse.yaml: bestand niet gevonden (classpath:config/klasse.yaml)"),
                foutenIn("classpath:config/klasse.yaml"));
        assertEquals(List.of("HUB_CONFIG: geen enkel regiobestand opgegeven"), foutenIn());
    }

    @Test
    void productieWeigertElkAdresInEenVoorbeelddomeinMetBestandEnPad() {
        List<String> fouten = assertThrows(ConfiguratieFout.class, () -> RegioConfiguratie.laad(
                List.of("classpath:config/test-regio.yaml"), Modus.PRODUCTIE)).fouten();
        String waarom = " ligt in een voorbeelddomein (example.com, example.nl en elk ander example.*-domein, ook met "
                + "subdomein, of .example, .test, .invalid of .localhost); in productie is een echt adres nodig";
        assertEquals(List.of(
                "test-regio.yaml: regio.escalatie[1].aan[0]: 'teamleider@woerden.example'" + waarom,
                "test-regio.yaml: regio.gemeenten[0].regisseur.email: 'procesregie@woerden.example'" + waarom,
                "test-regio.yaml: regio.gemeenten[0].team.email: 'jeugdteam@woerden.example'" + waarom,
                "test-regio.yaml: regio.gemeenten[1].regisseur.email: 'procesregie@urk.example'" + waarom,
                "test-regio.yaml: regio.gemeenten[1].team.email: 'jeugdteam@urk.example'" + waarom), fouten);
        assertEquals(2, RegioConfiguratie.laad(List.of("classpath:config/test-regio.yaml")).gemeenten().size(),
                "demo mode keeps accepting them");
    }

    @Test
    void productieAanvaardtEchteDomeinen() throws IOException {
        String yaml = KLEINE_REGIO.replace("eerstedorp.example", "eerstedorp.nl").replace("team@eerstedorp.nl",
                "jeugd@example.eerstedorp.nl") + """
                  escalatie:
                    - { na: PT24H, aan: [regisseur, coordinator@regio-test.nl] }
                """.indent(4);
        GemeenteInstellingen g = RegioConfiguratie.laad(List.of(bestand("echt.yaml", yaml)), Modus.PRODUCTIE)
                .gemeenten().iterator().next();
        assertEquals("a@eerstedorp.nl", g.regisseurEmail());
        List<String> fout = assertThrows(ConfiguratieFout.class, () -> RegioConfiguratie.laad(List.of(bestand(
                "echt.yaml", yaml.replace("coordinator@regio-test.nl", "coordinator@regio.test"))),
                Modus.PRODUCTIE)).fouten();
        assertEquals(1, fout.size(), fout.toString());
        assertTrue(fout.get(0).startsWith("echt.yaml: regio.gemeenten[0].escalatie[0].aan[1]: 'coordinator@regio.test'"),
                fout.toString());
        for (String voorbeeld : List.of("coordinator@example.nl", "coordinator@mail.example.de")) {
            fout = assertThrows(ConfiguratieFout.class, () -> RegioConfiguratie.laad(List.of(bestand(
                    "echt.yaml", yaml.replace("coordinator@regio-test.nl", voorbeeld))), Modus.PRODUCTIE)).fouten();
            assertEquals(List.of("echt.yaml: regio.gemeenten[0].escalatie[0].aan[1]: '" + voorbeeld + "' ligt in een "
                    + "voorbeelddomein (example.com, example.nl en elk ander example.*-domein, ook met subdomein, of "
                    + ".example, .test, .invalid of .localhost); in productie is een echt adres nodig"), fout);
        }
    }

    @Test
    void deVoorbeeldregiosWordenHerkendOokAlsKopie() throws IOException {
        assertEquals(Optional.of("utrecht-west.yaml"), RegioConfiguratie.voorbeeld("classpath:config/utrecht-west.yaml"));
        assertEquals(Optional.of("flevoland.yaml"), RegioConfiguratie.voorbeeld("classpath:/config/flevoland.yaml"));
        String origineel;
        try (var in = getClass().getResourceAsStream("/config/flevoland.yaml")) {
            origineel = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // Another layout of the same content: no comments, drempel quoted.
        String anders = origineel.lines().filter(r -> !r.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n")
                .replace("drempel: 4", "drempel: '4'");
        assertEquals(Optional.of("flevoland.yaml"), RegioConfiguratie.voorbeeld(bestand("kopie.yaml", anders)));
        assertEquals(Optional.empty(), RegioConfiguratie.voorbeeld(bestand("eigen.yaml",
                anders.replace("Fatima el Amrani", "F. el Amrani"))), "an edited copy is the region's own file");
        assertEquals(Optional.empty(), RegioConfiguratie.voorbeeld("classpath:config/test-regio.yaml"));
        assertEquals(Optional.empty(), RegioConfiguratie.voorbeeld(map.resolve("bestaat-niet.yaml").toString()));
    }
}
