package nl.procesregie.hub.ijw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IjwParserTest {

    /** Every BSN used in the fixtures; none of them may ever appear in a reason. */
    private static final List<String> TEST_BSNS =
            List.of("999900006", "999900018", "999900031", "999900043", "999900055", "999900067", "999900079",
                    "999900007");

    private final IjwParser parser = new IjwParser();

    // ---- accepted messages

    @Test
    void jw301InRelease32MetDefaultNamespace() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw301-3_2.xml"));

        assertEquals(BerichtSoort.JW301, bericht.soort());
        assertEquals("3_2", bericht.versie());
        assertEquals(new BerichtIdentiteit("0344", "TW-2024-0001", LocalDate.of(2024, 3, 1)), bericht.identiteit());
        assertEquals("0344", bericht.gemeente());
        assertEquals("87654321", bericht.aanbieder());
        assertEquals(new Client("999900006", LocalDate.of(2012, 5, 17), "J.P."), bericht.client(),
                "the voorletters are the client's, not those of the Relatie");
        assertEquals(List.of(new Toewijzing("2024000117", new Product("43", "43A03"), LocalDate.of(2024, 2, 28),
                LocalTime.of(14, 30, 5), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 12, 31), null)),
                bericht.toewijzingen());
        assertTrue(bericht.leveringen().isEmpty());
        assertTrue(bericht.verzochteProducten().isEmpty());
    }

    @Test
    void jw301InRelease30MetPrefixen() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw301-3_0.xml"));

        assertEquals(BerichtSoort.JW301, bericht.soort());
        assertEquals("3_0", bericht.versie());
        assertEquals(new BerichtIdentiteit("0344", "TW-2020-0042", LocalDate.of(2020, 6, 15)), bericht.identiteit());
        assertEquals(new Client("999900018", LocalDate.of(2008, 11, 30), "K."), bericht.client());
        assertEquals(List.of(new Toewijzing("881", new Product("45", "45A01"), LocalDate.of(2020, 6, 14),
                LocalTime.of(9, 0), LocalDate.of(2020, 7, 1), LocalDate.of(2021, 6, 30), null)),
                bericht.toewijzingen());
    }

    @Test
    void ongebruikelijkePrefixenEnHeaderVeldenInBasisschema() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw301-prefixen-a-q.xml"));

        assertEquals("1680", bericht.gemeente());
        assertEquals("11223344", bericht.aanbieder());
        assertEquals(new Client("999900031", LocalDate.of(2010, 2, 28), "A."), bericht.client());
        Toewijzing toewijzing = bericht.toewijzingen().get(0);
        assertEquals(new Product("46", "46A01"), toewijzing.product());
        assertEquals(LocalTime.of(23, 59, 59, 250_000_000), toewijzing.toewijzingstijd());
        assertNull(toewijzing.einddatum());
    }

    @Test
    void basisschemaAlsDefaultNamespace() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw301-basisschema-als-default.xml"));

        assertEquals(new BerichtIdentiteit("0363", "B-2", LocalDate.of(2024, 10, 1)), bericht.identiteit());
        assertEquals("01020304", bericht.aanbieder());
        assertEquals(new Client("999900043", LocalDate.of(2015, 9, 9), "T."), bericht.client());
        assertEquals(new Product("44", null), bericht.toewijzingen().get(0).product());
    }

    @Test
    void meerdereProductenMetEnZonderCodeEnZonderProduct() throws IjwFout {
        List<Toewijzing> toewijzingen = parser.parse(fixture("jw301-meerdere-producten.xml")).toewijzingen();

        assertEquals(3, toewijzingen.size());
        assertEquals(List.of("5001", "5002", "5003"),
                toewijzingen.stream().map(Toewijzing::toewijzingNummer).toList());
        assertEquals(new Product("45", "45A03"), toewijzingen.get(0).product());
        assertEquals(new Product("54", null), toewijzingen.get(1).product());
        assertEquals("54", toewijzingen.get(1).product().sleutel());
        assertEquals("04", toewijzingen.get(1).redenWijziging());
        assertEquals(Product.GEEN, toewijzingen.get(2).product());
        assertEquals(Product.GENERIEK, toewijzingen.get(2).product().sleutel());
        assertNull(toewijzingen.get(2).einddatum());
    }

    @Test
    void verwijderdeToewijzingMetRedenWijziging13() throws IjwFout {
        Toewijzing toewijzing = parser.parse(fixture("jw301-reden-wijziging-13.xml")).toewijzingen().get(0);

        assertEquals("2024000117", toewijzing.toewijzingNummer());
        assertEquals("13", toewijzing.redenWijziging());
        assertEquals(toewijzing.ingangsdatum(), toewijzing.einddatum());
    }

    @Test
    void ontbrekendeOptioneleElementenWordenNull() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw301-zonder-optionele.xml"));

        assertNull(bericht.client().voorletters());
        Toewijzing toewijzing = bericht.toewijzingen().get(0);
        assertNull(toewijzing.einddatum());
        assertNull(toewijzing.redenWijziging());
        assertEquals(LocalTime.MIDNIGHT, toewijzing.toewijzingstijd());
    }

    @Test
    void jw305MetEnZonderToewijzing() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw305.xml"));

        assertEquals(BerichtSoort.JW305, bericht.soort());
        assertEquals("0344", bericht.gemeente());
        assertEquals("87654321", bericht.aanbieder());
        assertEquals(List.of(
                new Levering("2024000117", new Product("43", "43A03"), LocalDate.of(2024, 3, 1),
                        LocalDate.of(2024, 3, 4), null, null, "1"),
                new Levering(null, Product.GEEN, null, LocalDate.of(2024, 3, 5), null, null, "1")),
                bericht.leveringen());
        assertTrue(bericht.toewijzingen().isEmpty());
    }

    @Test
    void jw307MetIntrekkingEnTijdelijkeStop() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw307.xml"));

        assertEquals(BerichtSoort.JW307, bericht.soort());
        assertEquals("0344", bericht.gemeente());
        Levering ingetrokken = bericht.leveringen().get(0);
        assertTrue(ingetrokken.isIntrekking());
        assertEquals("31", ingetrokken.redenBeeindiging());
        assertEquals(LocalDate.of(2024, 8, 30), ingetrokken.einddatum());
        Levering tijdelijk = bericht.leveringen().get(1);
        assertFalse(tijdelijk.isIntrekking());
        assertEquals("20", tijdelijk.redenBeeindiging());
        assertEquals(tijdelijk.begindatum(), tijdelijk.einddatum());
    }

    @Test
    void jw315MetVerwijzer() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw315.xml"));

        assertEquals(BerichtSoort.JW315, bericht.soort());
        assertEquals("0344", bericht.gemeente());
        assertEquals("87654321", bericht.aanbieder());
        assertEquals(List.of(new VerzochtProduct(new Product("45", "45A06"), "02"),
                new VerzochtProduct(Product.GEEN, "06")), bericht.verzochteProducten(), "a referrer per product");
        assertTrue(bericht.toewijzingen().isEmpty());
        assertTrue(bericht.leveringen().isEmpty());
    }

    @Test
    void productlijstNaastClientWordtGeaccepteerd() throws IjwFout {
        IjwBericht bericht = parser.parse(fixture("jw305-3_0-lijst-onder-bericht.xml"));

        assertEquals("3_0", bericht.versie());
        assertNull(bericht.client().voorletters());
        assertEquals(List.of(new Levering("77", new Product("36", null), LocalDate.of(2019, 3, 1),
                LocalDate.of(2019, 3, 11), null, null, "2")), bericht.leveringen());
    }

    @Test
    void productZonderLijstelementWordtGeaccepteerd() throws IjwFout {
        byte[] xml = variant("jw301-3_2.xml", "<ToegewezenProducten>", "")
                .replace("</ToegewezenProducten>", "").getBytes(UTF_8);

        assertEquals(1, parser.parse(xml).toewijzingen().size());
    }

    @Test
    void utf8ByteOrderMarkWordtGetolereerd() throws IjwFout {
        byte[] zonder = fixture("jw301-3_2.xml");
        byte[] met = new byte[zonder.length + 3];
        met[0] = (byte) 0xEF;
        met[1] = (byte) 0xBB;
        met[2] = (byte) 0xBF;
        System.arraycopy(zonder, 0, met, 3, zonder.length);

        assertEquals(parser.parse(zonder), parser.parse(met));
    }

    @Test
    void nietAsciiTekensInUtf8() throws IjwFout {
        byte[] xml = variant("jw301-3_2.xml", "<ijw:Voorletters>J.P.</ijw:Voorletters>",
                "<ijw:Voorletters>É.Ø.</ijw:Voorletters>").getBytes(UTF_8);

        assertEquals("É.Ø.", parser.parse(xml).client().voorletters());
    }

    @Test
    void nestingTotDeGrensIsToegestaan() throws IjwFout {
        // Bericht (1) > Client (2) > 30 nested elements reaches depth 32 exactly.
        assertEquals(1, parser.parse(genest(IjwParser.MAX_DIEPTE - 2)).toewijzingen().size());
    }

    @Test
    void eenGedeeldeParserIsThreadSafe() throws Exception {
        List<String> namen = List.of("jw301-3_2.xml", "jw301-3_0.xml", "jw301-meerdere-producten.xml", "jw305.xml",
                "jw307.xml", "jw315.xml", "jw301-prefixen-a-q.xml");
        List<IjwBericht> verwacht = new ArrayList<>();
        for (String naam : namen) {
            verwacht.add(parser.parse(fixture(naam)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> resultaten = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                resultaten.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int n = i % namen.size();
                        if (!verwacht.get(n).equals(parser.parse(fixture(namen.get(n))))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> resultaat : resultaten) {
                assertTrue(resultaat.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- refused messages, one or more per fault code

    @Test
    void externeEntiteitWordtGeweigerd() {
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, fixture("fout-xxe.xml"));
        assertTrue(fout.reden().contains("DTD"), fout.reden());
        assertFalse(fout.reden().contains("root:"), "no file content may leak");
    }

    @Test
    void billionLaughsWordtGeweigerd() {
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, fixture("fout-billion-laughs.xml"));
        assertTrue(fout.reden().contains("DTD"), fout.reden());
    }

    @Test
    void nietWelgevormdeXml() {
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, fixture("fout-niet-welgevormd.xml"));
        assertTrue(fout.reden().startsWith("XML is niet welgevormd (regel 6"), fout.reden());
    }

    @Test
    void ongeldigeUtf8Bytes() {
        byte[] xml = fixture("jw301-3_2.xml");
        int plek = indexOf(xml, "J.P.".getBytes(UTF_8));
        xml[plek + 1] = (byte) 0xC3; // a lead byte followed by '.', which cannot continue it
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, xml);
        assertTrue(fout.reden().contains("geen geldige UTF-8"), fout.reden());
        assertTrue(fout.reden().contains("positie " + (plek + 1)), fout.reden());
    }

    @Test
    void overlongUtf8WordtGeweigerd() {
        byte[] xml = fixture("jw301-3_2.xml");
        int plek = indexOf(xml, "J.P.".getBytes(UTF_8));
        xml[plek + 1] = (byte) 0xC0; // an overlong encoding of '.'
        xml[plek + 2] = (byte) 0xAE;
        weigert(Foutcode.XML_ONGELDIG, xml);
    }

    @Test
    void latin1Verklaring() {
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, fixture("fout-iso-8859-1.xml"));
        assertEquals("Bericht verklaart tekenset 'ISO-8859-1'; iJw-berichten moeten UTF-8 zijn", fout.reden());
    }

    @Test
    void teDiepGenest() {
        IjwFout fout = weigert(Foutcode.XML_ONGELDIG, genest(IjwParser.MAX_DIEPTE - 1));
        assertEquals("Bericht is dieper genest dan " + IjwParser.MAX_DIEPTE + " niveaus", fout.reden());
    }

    @Test
    void extreemDiepGenestFaaltSnelEnZonderStackOverflow() {
        weigert(Foutcode.XML_ONGELDIG, genest(200_000));
    }

    @Test
    void leegBericht() {
        weigert(Foutcode.XML_ONGELDIG, new byte[0]);
    }

    @Test
    void inhoudNaHetRootElement() {
        weigert(Foutcode.XML_ONGELDIG, (tekst("jw301-3_2.xml") + "<Bericht/>").getBytes(UTF_8));
    }

    @Test
    void onbekendeNamespace() {
        IjwFout fout = weigert(Foutcode.BERICHT_ONBEKEND, fixture("fout-onbekende-namespace.xml"));
        assertTrue(fout.reden().contains("http://www.example.org/jeugdhulp/toewijzing"), fout.reden());
    }

    @Test
    void berichttypeDatDeHubNietLeest() {
        IjwFout fout = weigert(Foutcode.BERICHT_ONBEKEND, fixture("fout-jw303.xml"));
        assertTrue(fout.reden().contains("'jw303'"), fout.reden());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw309/schema\"/>",
        "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/2_4/jw301/schema\"/>",
        "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\"/>",
        "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/schema\"/>",
        "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_x/jw301/schema\"/>",
        "<Bericht xmlns=\"http://www.istandaarden.nl/iwmo/3_2/wmo301/schema\"/>",
        "<Berichten xmlns=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"/>",
        "<html><body/></html>"
    })
    void andereRootElementenZijnOnbekend(String xml) {
        weigert(Foutcode.BERICHT_ONBEKEND, xml.getBytes(UTF_8));
    }

    @Test
    void berichtCodePastNietBijNamespace() {
        IjwFout fout = weigert(Foutcode.BERICHT_ONBEKEND, fixture("fout-berichtcode.xml"));
        assertEquals("Header/BerichtCode '438' past niet bij het berichttype JW301 van de namespace (verwacht 436)",
                fout.reden());
    }

    @Test
    void bsnOntbreekt() {
        IjwFout fout = weigert(Foutcode.VELD_ONTBREEKT, fixture("fout-zonder-bsn.xml"));
        assertEquals("Verplicht element Client/Bsn ontbreekt", fout.reden());
    }

    @Test
    void bsnFaaltOpElfproef() {
        IjwFout fout = weigert(Foutcode.BSN_ONGELDIG, fixture("fout-bsn-elfproef.xml"));
        assertEquals("Client/Bsn is geen geldig burgerservicenummer (9 cijfers die aan de elfproef voldoen)",
                fout.reden());
    }

    @Test
    void eenendertigJuni() {
        IjwFout fout = weigert(Foutcode.DATUM_ONGELDIG, fixture("fout-datum-31-juni.xml"));
        assertEquals("Datum '2027-06-31' in ToegewezenProduct/Ingangsdatum is geen geldige datum (verwacht JJJJ-MM-DD)",
                fout.reden());
    }

    @Test
    void einddatumVoorIngangsdatum() {
        IjwFout fout = weigert(Foutcode.DATUM_ONGELDIG, fixture("fout-einddatum-voor-ingangsdatum.xml"));
        assertEquals("Einddatum 2027-06-30 ligt voor Ingangsdatum 2027-07-01 in ToegewezenProduct", fout.reden());
    }

    @Test
    void onbekendeStatusAanlevering() {
        IjwFout fout = weigert(Foutcode.VELD_ONTBREEKT, fixture("fout-statusaanlevering.xml"));
        assertEquals("Ongeldige waarde '4' in StartProduct/StatusAanlevering: deze code komt niet voor in de "
                + "codelijst van de standaard", fout.reden());
    }

    @Test
    void bsnOpEenAndereplekKomtNietInDeReden() {
        IjwFout fout = weigert(Foutcode.VELD_ONTBREEKT,
                variant("jw301-3_2.xml", "<Afzender>0344</Afzender>", "<Afzender>999900006</Afzender>")
                        .getBytes(UTF_8));
        assertTrue(fout.reden().startsWith("Header/Afzender '*********' is geen geldige gemeentecode"), fout.reden());
    }

    @Test
    void geboortedatumWordtNietHerhaaldInDeReden() {
        IjwFout fout = weigert(Foutcode.DATUM_ONGELDIG, variant("jw301-3_2.xml",
                "<ijw:Datum>2012-05-17</ijw:Datum>", "<ijw:Datum>2012-02-30</ijw:Datum>").getBytes(UTF_8));
        assertEquals("Datum in Client/Geboortedatum/Datum is geen geldige datum (verwacht JJJJ-MM-DD)", fout.reden());
    }

    static Stream<Arguments> varianten() {
        String jw301 = "jw301-3_2.xml";
        String client = "<Geslacht>2</Geslacht>";
        return Stream.of(
                // XML_ONGELDIG: elements outside the two namespaces of the release
                arguments(jw301, client, client + "<x:Extra xmlns:x=\"urn:elders\">1</x:Extra>",
                        Foutcode.XML_ONGELDIG, "Element 'Extra' in namespace 'urn:elders' hoort niet"),
                arguments("jw301-3_0.xml", "<jw301:Geslacht>1</jw301:Geslacht>", "<Geslacht>1</Geslacht>",
                        Foutcode.XML_ONGELDIG, "Element 'Geslacht' zonder namespace hoort niet"),
                arguments(jw301, "ijw/3_2/basisschema", "ijw/3_1/basisschema",
                        Foutcode.XML_ONGELDIG, "in namespace 'http://www.istandaarden.nl/ijw/3_1/basisschema/schema'"),
                arguments(jw301, "<ijw:Voorletters>J.P.</ijw:Voorletters>",
                        "<ijw:Voorletters><b>J</b></ijw:Voorletters>",
                        Foutcode.VELD_ONTBREEKT, "Element Client/Naam/Voorletters mag alleen tekst bevatten"),
                // VELD_ONTBREEKT: header
                arguments(jw301, "<Afzender>0344</Afzender>", "<Afzender>344</Afzender>",
                        Foutcode.VELD_ONTBREEKT, "Header/Afzender '344' is geen geldige gemeentecode (4 cijfers)"),
                arguments(jw301, "<Ontvanger>87654321</Ontvanger>", "<Ontvanger>8765432X</Ontvanger>",
                        Foutcode.VELD_ONTBREEKT, "Header/Ontvanger '8765432X' is geen geldige AGB-code"),
                arguments("jw305.xml", "<jw305:Afzender>87654321</jw305:Afzender>",
                        "<jw305:Afzender>0344</jw305:Afzender>",
                        Foutcode.VELD_ONTBREEKT, "Header/Afzender '0344' is geen geldige AGB-code"),
                arguments(jw301, "<BerichtCode>436</BerichtCode>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element Header/BerichtCode ontbreekt"),
                arguments(jw301, "<ijw:Dagtekening>2024-03-01</ijw:Dagtekening>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element Header/BerichtIdentificatie/Dagtekening ontbreekt"),
                arguments(jw301, "<ijw:Identificatie>TW-2024-0001</ijw:Identificatie>",
                        "<ijw:Identificatie> </ijw:Identificatie>",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element Header/BerichtIdentificatie/Identificatie is leeg"),
                // VELD_ONTBREEKT: client and structure
                arguments(jw301, "<Bsn>999900006</Bsn>", "<Bsn>999900006</Bsn><Bsn>999900006</Bsn>",
                        Foutcode.VELD_ONTBREEKT, "Element Client/Bsn komt meer dan één keer voor"),
                arguments(jw301, "</Client>", "</Client><Client><Bsn>999900018</Bsn></Client>",
                        Foutcode.VELD_ONTBREEKT, "Bericht bevat meer dan één Client"),
                arguments(jw301, "<ijw:Datum>2012-05-17</ijw:Datum>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element Client/Geboortedatum/Datum ontbreekt"),
                arguments(jw301, "ToegewezenProduct>", "Vervallen>",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element ToegewezenProducten/ToegewezenProduct ontbreekt"),
                // VELD_ONTBREEKT: products and code lists
                arguments(jw301, "<ToewijzingNummer>2024000117</ToewijzingNummer>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element ToegewezenProduct/ToewijzingNummer ontbreekt"),
                arguments(jw301, "<ijw:Categorie>43</ijw:Categorie>", "<ijw:Categorie>4</ijw:Categorie>",
                        Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '4' in ToegewezenProduct/Product/Categorie"),
                arguments(jw301, "<ijw:Categorie>43</ijw:Categorie>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element ToegewezenProduct/Product/Categorie ontbreekt"),
                arguments(jw301, "<ijw:Code>43A03</ijw:Code>", "<ijw:Code>43A03X</ijw:Code>",
                        Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '43A03X' in ToegewezenProduct/Product/Code: een "
                                + "productcode bestaat uit 1 tot 5 tekens"),
                arguments(jw301, "<ijw:Code>43A03</ijw:Code>", "<ijw:Code> \t </ijw:Code>",
                        Foutcode.VELD_ONTBREEKT, "in ToegewezenProduct/Product/Code: een productcode bestaat uit"),
                arguments(jw301, "<Einddatum>2024-12-31</Einddatum>",
                        "<Einddatum>2024-12-31</Einddatum><RedenWijziging>15</RedenWijziging>",
                        Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '15' in ToegewezenProduct/RedenWijziging"),
                arguments("jw307.xml", "<RedenBeeindiging>31</RedenBeeindiging>",
                        "<RedenBeeindiging>99</RedenBeeindiging>",
                        Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '99' in StopProduct/RedenBeeindiging"),
                arguments("jw307.xml", "<RedenBeeindiging>31</RedenBeeindiging>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element StopProduct/RedenBeeindiging ontbreekt"),
                arguments("jw307.xml", "<Einddatum>2024-08-30</Einddatum>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element StopProduct/Einddatum ontbreekt"),
                arguments("jw305.xml", "<jw305:Begindatum>2024-03-05</jw305:Begindatum>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element StartProduct/Begindatum ontbreekt"),
                arguments("jw315.xml", "<ijw:Type>02</ijw:Type>", "<ijw:Type>07</ijw:Type>",
                        Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '07' in AangevraagdProduct/Verwijzer/Type"),
                arguments("jw315.xml", "<ijw:Type>02</ijw:Type>", "",
                        Foutcode.VELD_ONTBREEKT, "Verplicht element AangevraagdProduct/Verwijzer/Type ontbreekt"),
                // DATUM_ONGELDIG
                arguments(jw301, "<Toewijzingstijd>14:30:05</Toewijzingstijd>",
                        "<Toewijzingstijd>24:00:01</Toewijzingstijd>",
                        Foutcode.DATUM_ONGELDIG,
                        "Tijd '24:00:01' in ToegewezenProduct/Toewijzingstijd is geen geldige tijd"),
                arguments(jw301, "<Toewijzingstijd>14:30:05</Toewijzingstijd>",
                        "<Toewijzingstijd>24:00:00.01</Toewijzingstijd>",
                        Foutcode.DATUM_ONGELDIG, "Tijd '24:00:00.01' in ToegewezenProduct/Toewijzingstijd"),
                arguments(jw301, "<Toewijzingstijd>14:30:05</Toewijzingstijd>",
                        "<Toewijzingstijd>14:30</Toewijzingstijd>",
                        Foutcode.DATUM_ONGELDIG, "Tijd '14:30' in ToegewezenProduct/Toewijzingstijd"),
                arguments(jw301, "<Ingangsdatum>2024-03-01</Ingangsdatum>", "<Ingangsdatum>2024-03-01Z</Ingangsdatum>",
                        Foutcode.DATUM_ONGELDIG, "Datum '2024-03-01Z' in ToegewezenProduct/Ingangsdatum"),
                arguments(jw301, "<Ingangsdatum>2024-03-01</Ingangsdatum>", "<Ingangsdatum>2024-3-01</Ingangsdatum>",
                        Foutcode.DATUM_ONGELDIG, "Datum '2024-3-01' in ToegewezenProduct/Ingangsdatum"),
                arguments(jw301, "<ijw:Dagtekening>2024-03-01</ijw:Dagtekening>",
                        "<ijw:Dagtekening>2023-02-29</ijw:Dagtekening>",
                        Foutcode.DATUM_ONGELDIG, "Datum '2023-02-29' in Header/BerichtIdentificatie/Dagtekening"),
                arguments("jw307.xml", "<Einddatum>2024-08-30</Einddatum>", "<Einddatum>2024-03-03</Einddatum>",
                        Foutcode.DATUM_ONGELDIG,
                        "Einddatum 2024-03-03 ligt voor Begindatum 2024-03-04 in StopProduct"));
    }

    @ParameterizedTest(name = "{3}: {4}")
    @MethodSource("varianten")
    void afwijkingVanEenGeldigBericht(String fixture, String zoek, String vervang, Foutcode code, String reden) {
        IjwFout fout = weigert(code, variant(fixture, zoek, vervang).getBytes(UTF_8));
        assertTrue(fout.reden().contains(reden), fout.reden());
    }

    /** Text that the XML parser reads as an element is named only when it is an element of the iJw schemas. */
    @Test
    void tekstDieEenElementWordtWordtNietAlsNaamGenoemd() {
        IjwFout zonderNamespace = weigert(Foutcode.XML_ONGELDIG, variant("jw301-3_0.xml",
                "<jw301:Geslacht>1</jw301:Geslacht>", "<jw301:Geslacht>1</jw301:Geslacht><Anna>x</Anna>")
                .getBytes(UTF_8));
        assertEquals("Een element zonder namespace hoort niet in een iJw-bericht van release 3_0 (gevonden in "
                + "Client)", zonderNamespace.reden());

        IjwFout inTekst = weigert(Foutcode.VELD_ONTBREEKT, variant("jw301-3_2.xml",
                "<ijw:Voorletters>J.P.</ijw:Voorletters>", "<ijw:Voorletters>J<ijw:P/></ijw:Voorletters>")
                .getBytes(UTF_8));
        assertEquals("Element Client/Naam/Voorletters mag alleen tekst bevatten, geen element", inTekst.reden());

        IjwFout ijwNaam = weigert(Foutcode.VELD_ONTBREEKT, variant("jw301-3_2.xml",
                "<ijw:Voorletters>J.P.</ijw:Voorletters>", "<ijw:Voorletters><ijw:Achternaam/></ijw:Voorletters>")
                .getBytes(UTF_8));
        assertEquals("Element Client/Naam/Voorletters mag alleen tekst bevatten, geen element 'Achternaam'",
                ijwNaam.reden());
    }

    @Test
    void beschadigdeBerichtenGevenAltijdEenIjwFoutEnNooitEenBsn() {
        Random toeval = new Random(20240301);
        String schadelijk = "<>/&;:\"x9\u00C3-";
        List<String> namen = List.of("jw301-3_2.xml", "jw301-meerdere-producten.xml", "jw305.xml", "jw307.xml",
                "jw315.xml");
        for (int poging = 0; poging < 3000; poging++) {
            byte[] xml = fixture(namen.get(poging % namen.size()));
            for (int schade = 1 + toeval.nextInt(3); schade > 0; schade--) {
                xml[toeval.nextInt(xml.length)] = (byte) schadelijk.charAt(toeval.nextInt(schadelijk.length()));
            }
            try {
                parser.parse(xml);
            } catch (IjwFout fout) {
                for (String bsn : TEST_BSNS) {
                    assertFalse(fout.reden().contains(bsn), fout.reden());
                }
            }
        }
    }

    // ---- helpers

    /** Asserts the refusal and what every reason must satisfy: present, and free of anything like a BSN. */
    private IjwFout weigert(Foutcode code, byte[] xml) {
        IjwFout fout = assertThrows(IjwFout.class, () -> parser.parse(xml));
        assertEquals(code, fout.code(), fout.reden());
        assertFalse(fout.reden().isBlank());
        for (String bsn : TEST_BSNS) {
            assertFalse(fout.reden().contains(bsn), "reason contains a BSN: " + fout.reden());
        }
        assertEquals(IjwFout.zonderBsn(fout.reden()), fout.reden(), "reason contains a possible BSN");
        return fout;
    }

    /** jw301-3_2.xml with {@code niveaus} nested elements inside Client, in the message namespace. */
    private static byte[] genest(int niveaus) {
        String xml = tekst("jw301-3_2.xml");
        StringBuilder nest = new StringBuilder(xml.length() + niveaus * 25);
        int plek = xml.indexOf("<Bsn>");
        nest.append(xml, 0, plek);
        nest.append("<Commentaar>".repeat(niveaus)).append("</Commentaar>".repeat(niveaus));
        nest.append(xml, plek, xml.length());
        return nest.toString().getBytes(UTF_8);
    }

    private static String variant(String fixture, String zoek, String vervang) {
        String xml = tekst(fixture);
        assertTrue(xml.contains(zoek), fixture + " does not contain " + zoek);
        return xml.replace(zoek, vervang);
    }

    private static String tekst(String naam) {
        return new String(fixture(naam), UTF_8);
    }

    private static byte[] fixture(String naam) {
        try (InputStream in = IjwParserTest.class.getResourceAsStream("/ijw/" + naam)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture ontbreekt: " + naam);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] zoek) {
        for (int i = 0; i + zoek.length <= bytes.length; i++) {
            boolean gelijk = true;
            for (int j = 0; j < zoek.length && gelijk; j++) {
                gelijk = bytes[i + j] == zoek[j];
            }
            if (gelijk) {
                return i;
            }
        }
        throw new IllegalArgumentException("niet gevonden");
    }
}
