package nl.procesregie.hub.ijw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every date of every message type is checked, and the parser reads every date and time form the XSDs allow, except
 * dates outside the years 0001 to 9999, which the hub cannot store.
 */
class IjwDatumTest {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final String BASISSCHEMA = "ijw/xsd/" + IjwSchemas.RELEASE + "/basisschema.xsd";
    private static final String LDT_DATUM = "ijw:LDT_Datum";
    private static final Pattern ELEMENT_MET_TEKST = Pattern.compile("<((?:ijw:)?(\\w+))>([^<]*)</\\1>");

    private final IjwParser parser = new IjwParser();

    @Test
    void deDatumelementenVanDeParserZijnDieVanDeXsds() {
        Map<String, Set<String>> typen = new TreeMap<>();
        for (BerichtSoort soort : BerichtSoort.values()) {
            elementTypen(soort).forEach((naam, t) -> typen.computeIfAbsent(naam, n -> new TreeSet<>()).addAll(t));
        }
        Set<String> datums = new TreeSet<>();
        typen.forEach((naam, t) -> {
            if (t.contains(LDT_DATUM)) {
                datums.add(naam);
                assertEquals(Set.of(LDT_DATUM), t, naam + " also has another type, so its name cannot mark a date");
            }
        });
        assertEquals(datums, new TreeSet<>(IjwParser.DATUM_ELEMENTEN));
    }

    /** Each date element of the message, one at a time, made impossible: refused, naming that element. */
    @ParameterizedTest
    @EnumSource(BerichtSoort.class)
    void elkeDatumVanElkBerichtWordtGecontroleerd(BerichtSoort soort) {
        String tekst = volledig(soort).tekst();
        Set<String> gevonden = new HashSet<>();
        Matcher m = ELEMENT_MET_TEKST.matcher(tekst);
        while (m.find()) {
            String naam = m.group(2);
            if (!IjwParser.DATUM_ELEMENTEN.contains(naam)) {
                continue;
            }
            gevonden.add(naam);
            String fout = tekst.substring(0, m.start(3)) + "2027-06-31" + tekst.substring(m.end(3));
            IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(fout.getBytes(UTF_8)), naam);
            assertEquals(Foutcode.DATUM_ONGELDIG, f.code(), f.reden());
            assertTrue(f.reden().contains("/" + naam + " "), f.reden());
            boolean geboortedatum = tekst.substring(0, m.start()).endsWith("<Geboortedatum>");
            assertEquals(!geboortedatum, f.reden().contains("2027-06-31"),
                    "a birth date is never quoted, other dates are: " + f.reden());
        }
        Set<String> inXsd = new TreeSet<>();
        elementTypen(soort).forEach((naam, t) -> {
            if (t.contains(LDT_DATUM)) {
                inXsd.add(naam);
            }
        });
        assertEquals(inXsd, new TreeSet<>(gevonden), "the test message holds every date element of " + soort);
    }

    @Test
    void jw315MetToewijzingEinddatum31Juni() {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW315);
        b.toewijzingEinddatum = "2027-06-31";

        IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(b.tekst().getBytes(UTF_8)));

        assertEquals(Foutcode.DATUM_ONGELDIG, f.code());
        assertEquals("Datum '2027-06-31' in AangevraagdProduct/ToewijzingEinddatum is geen geldige datum "
                + "(verwacht JJJJ-MM-DD)", f.reden());
    }

    /** Datum is only ever a birth date in these messages: its value is not repeated, wherever a sender puts it. */
    @ParameterizedTest
    @ValueSource(strings = {"<Datum>2014-5-17</Datum>", "<GeboorteDatum><Datum>2014-05-32</Datum></GeboorteDatum>",
        "<Pietersen><Datum>2014-05-32</Datum></Pietersen>"})
    void eenDatumBuitenZijnPlaatsWordtNietHerhaaldEnEenOnbekendeNaamOokNiet(String element) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        String tekst = b.tekst().replaceFirst("<Client>", "<Client>" + element);

        IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(tekst.getBytes(UTF_8)));

        assertEquals(Foutcode.DATUM_ONGELDIG, f.code());
        assertFalse(f.reden().contains("2014") || f.reden().contains("GeboorteDatum")
                || f.reden().contains("Pietersen"), f.reden());
    }

    @Test
    void jw315MetToewijzingEinddatumVoorToewijzingIngangsdatum() {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW315);
        b.toewijzingIngangsdatum = "2027-07-01";
        b.toewijzingEinddatum = "2027-06-30";

        IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(b.xml()));

        assertEquals(Foutcode.DATUM_ONGELDIG, f.code());
        assertEquals("ToewijzingEinddatum 2027-06-30 ligt voor ToewijzingIngangsdatum 2027-07-01 in "
                + "AangevraagdProduct", f.reden());
    }

    @Test
    void jw315MetToewijzingEinddatumOpToewijzingIngangsdatum() throws IjwFout {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW315);
        b.toewijzingEinddatum = b.toewijzingIngangsdatum;

        assertEquals(1, parser.parse(b.xml()).verzochteProducten().size());
    }

    /**
     * Within the years 0001 to 9999 the parser accepts every date the XSD accepts and refuses every date it refuses.
     * Outside them it refuses every date, XSD-valid or not: see {@link #eenJaarBuiten0001Tot9999WordtGeweigerd}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "2023-02-29", "2024-06-31", "2024-04-30", "2024-13-01", "2024-00-10",
        "2024-01-00", "0001-01-01", "9999-12-31", "0999-01-01", "999-01-01", " 2024-01-01\n", "2024-01-01Z",
        "2024-01-01+01:00", "2024-01-01-05:00", "+2024-01-01", "+12345-01-01", "2024-1-01", "2024-01-1",
        "2024/01/01", "2024-01-01T00:00:00", "2024-01-01 ", "20240101", "2024-01-0a"})
    void datumAlsInDeXsd(String datum) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.ingangsdatum = datum;
        boolean xsd = b.volgtXsd();
        try {
            LocalDate gelezen = parser.parse(b.tekst().getBytes(UTF_8)).toewijzingen().get(0).ingangsdatum();
            assertTrue(xsd, datum + " is refused by the XSD but read as " + gelezen);
            assertEquals(datum.strip(), gelezen.toString());
        } catch (IjwFout f) {
            assertFalse(xsd, datum + " is valid in the XSD but refused: " + f.reden());
            assertEquals(Foutcode.DATUM_ONGELDIG, f.code(), f.reden());
        }
    }

    /**
     * The one place the parser is stricter than the XSD: a year with a minus, with five or more digits, or 0000 (which
     * XSD 1.0 lacks) cannot be stored by the hub, so it is refused with a reason that says so.
     */
    @ParameterizedTest
    @CsvSource({"10000-01-01, true", "12345-06-15, true", "999999999-12-31, true", "1000000000-01-01, true",
        "-0001-01-01, true", "-2024-06-15, true", "-0004-02-29, true", "-999999999-01-01, true",
        "0000-01-01, false", "-0000-01-01, false", "010000-01-01, false"})
    void eenJaarBuiten0001Tot9999WordtGeweigerd(String datum, boolean geldigInDeXsd) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.ingangsdatum = datum;
        assertEquals(geldigInDeXsd, b.volgtXsd(), datum);

        IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(b.tekst().getBytes(UTF_8)));

        assertEquals(Foutcode.DATUM_ONGELDIG, f.code());
        assertEquals("Datum '" + datum + "' in ToegewezenProduct/Ingangsdatum ligt buiten het bereik dat de hub "
                + "verwerkt (jaar 0001 tot en met 9999)", f.reden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2014-05-17", "12014-05-17", "0000-05-17"})
    void eenGeboortedatumBuitenHetBereikWordtNietHerhaald(String datum) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.geboortedatum = datum;

        IjwFout f = assertThrows(IjwFout.class, () -> parser.parse(b.tekst().getBytes(UTF_8)));

        assertEquals(Foutcode.DATUM_ONGELDIG, f.code());
        assertEquals("Datum in Client/Geboortedatum/Datum ligt buiten het bereik dat de hub verwerkt (jaar 0001 tot "
                + "en met 9999)", f.reden());
    }

    /** The parser accepts a time exactly when the XSD does. */
    @ParameterizedTest
    @ValueSource(strings = {"00:00:00", "23:59:59", "24:00:00", "24:00:00.000", "24:00:01", "24:00:00.5",
        "23:59:60", "12:00:00.1234567890123", "12:00:00.", "12:00:00,5", " 12:00:00\t", "1:00:00", "12:00",
        "12:00:00Z", "12:00:00+01:00", "25:00:00", "12:60:00", "12:00:00.-1"})
    void tijdAlsInDeXsd(String tijd) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.toewijzingstijd = tijd;
        boolean xsd = b.volgtXsd();
        try {
            LocalTime gelezen = parser.parse(b.tekst().getBytes(UTF_8)).toewijzingen().get(0).toewijzingstijd();
            assertTrue(xsd, tijd + " is refused by the XSD but read as " + gelezen);
        } catch (IjwFout f) {
            assertFalse(xsd, tijd + " is valid in the XSD but refused: " + f.reden());
            assertEquals(Foutcode.DATUM_ONGELDIG, f.code(), f.reden());
        }
    }

    @Test
    void vierentwintigUurIsHetEindeVanDeDag() throws IjwFout {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.toewijzingstijd = "24:00:00";

        Toewijzing t = parser.parse(b.xml()).toewijzingen().get(0);

        assertEquals(LocalDate.of(2026, 2, 27), t.toewijzingsdatum(), "the date stays the date the sender gave");
        assertEquals(IjwParser.EINDE_VAN_DE_DAG, t.toewijzingstijd());
        assertTrue(t.toewijzingstijd().isAfter(LocalTime.of(23, 59, 59, 999_998_000)));
    }

    /** Whatever LDT_ProductCode allows, the parser reads; it may be looser where the XSD is stricter. */
    @ParameterizedTest
    @ValueSource(strings = {"A", "YS1U", "43A03", "ABCDEF", " A", "A B", "é", "\u00A0", "   ", "\t", "😀", "😀😀😀",
        "a\nb", "<&>", "1234567"})
    void productcodeNietStrengerDanDeXsd(String code) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW315);
        b.categorie = "45";
        b.code = code;
        boolean xsd = b.volgtXsd();
        try {
            Product p = parser.parse(b.tekst().getBytes(UTF_8)).verzochteProducten().get(0).product();
            assertEquals(code.strip(), p.code());
        } catch (IjwFout f) {
            assertFalse(xsd, "'" + code + "' is valid in the XSD but refused: " + f.reden());
            assertEquals(Foutcode.VELD_ONTBREEKT, f.code(), f.reden());
        }
    }

    // ---- the XSDs

    /** Local name → the types it has in the message XSD of {@code soort} and the basisschema types it uses. */
    private static Map<String, Set<String>> elementTypen(BerichtSoort soort) {
        Map<String, Element> basistypen = new HashMap<>();
        Element basis = lees(BASISSCHEMA);
        for (Element type : kinderen(basis, "complexType")) {
            basistypen.put("ijw:" + type.getAttribute("name"), type);
        }
        Map<String, Set<String>> typen = new HashMap<>();
        verzamel(lees(IjwSchemas.bron(soort)), basistypen, typen, new HashSet<>());
        return typen;
    }

    private static void verzamel(Element schema, Map<String, Element> basistypen, Map<String, Set<String>> typen,
                                 Set<String> bezocht) {
        NodeList elementen = schema.getElementsByTagNameNS(XS, "element");
        for (int i = 0; i < elementen.getLength(); i++) {
            Element e = (Element) elementen.item(i);
            String type = e.hasAttribute("type") ? e.getAttribute("type") : "anoniem";
            typen.computeIfAbsent(e.getAttribute("name"), n -> new TreeSet<>()).add(type);
            Element basistype = basistypen.get(type);
            if (basistype != null && bezocht.add(type)) {
                verzamel(basistype, basistypen, typen, bezocht);
            }
        }
    }

    private static Iterable<Element> kinderen(Element ouder, String naam) {
        List<Element> lijst = new ArrayList<>();
        NodeList nodes = ouder.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && XS.equals(e.getNamespaceURI()) && naam.equals(e.getLocalName())) {
                lijst.add(e);
            }
        }
        return lijst;
    }

    private static Element lees(String bron) {
        try (InputStream in = IjwDatumTest.class.getClassLoader().getResourceAsStream(bron)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(in);
            return d.getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(bron, e);
        }
    }

    private static StandaardBericht volledig(BerichtSoort soort) {
        StandaardBericht b = new StandaardBericht(soort);
        b.overigeOptionele = true;
        b.einddatum = "2026-12-31";
        b.toewijzingIngangsdatum = "2026-02-01";
        b.beschikkingIngangsdatum = "2026-01-15";
        b.toewijzingEinddatum = "2026-12-31";
        b.xml();
        return b;
    }

}
