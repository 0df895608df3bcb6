package nl.procesregie.hub.ijw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A message that is not well-formed XML is refused with a Dutch reason; the XML parser's English never passes. */
class NietWelgevormdTest {

    /** Words of the JDK parser's messages; none may appear in a reason. */
    private static final List<String> ENGELS = List.of(" the ", "must", "allowed", "element type", "document",
            "content", "invalid", "message", "parseerror", "was found", "expected", "associated", "declared",
            "jaxp", "entity", "structures", "prolog", "trailing", "scanner", "recognized", "attribute ");

    private static final String GELDIG = new StandaardBericht(BerichtSoort.JW301).tekst();

    private final IjwParser parser = new IjwParser();

    static Stream<Arguments> gevallen() {
        String midden = GELDIG.substring(0, GELDIG.indexOf("<Geslacht>"));
        return Stream.of(
                arguments("afgebroken bericht", midden, "het bericht eindigt midden in een element"),
                arguments("alleen witruimte", "  \n ", "het bericht eindigt voordat het root-element"),
                arguments("tekst voor het root-element", GELDIG.replace("<Bericht ", "x<Bericht "),
                        "er staat tekst vóór het root-element"),
                arguments("XML-declaratie niet vooraan", " " + GELDIG,
                        "de XML-declaratie (<?xml …?>) staat niet helemaal aan het begin"),
                arguments("XML-versie 2.0", GELDIG.replace("version=\"1.0\"", "version=\"2.0\""),
                        "XML-versie '2.0' wordt niet ondersteund"),
                arguments("ongeldige XML-declaratie", GELDIG.replace("encoding=", "foo="),
                        "de XML-declaratie (<?xml …?>) is ongeldig"),
                arguments("tekst na het root-element", GELDIG + "x", "er staat tekst na het einde van het root-element"),
                arguments("tweede root-element", GELDIG + "<Bericht/>",
                        "na het einde van het root-element staat nog opmaak"),
                arguments("verkeerde eindtag", GELDIG.replace("</Naam>", "</Nam>"),
                        "element 'Naam' wordt niet afgesloten met de bijbehorende eindtag"),
                arguments("eindtag zonder >", GELDIG.replace("</Naam>", "</Naam "),
                        "de eindtag van element 'Naam' eindigt niet met '>'"),
                arguments("ongeldig teken", GELDIG.replace("Jansen", "Jan\u0001sen"),
                        "het bericht bevat een teken dat in XML niet is toegestaan (Unicode 0x1)"),
                arguments("ongeldige tekenreferentie", GELDIG.replace("Jansen", "Jan&#1;sen"),
                        "tekenreferentie '&#1;' verwijst naar een teken dat in XML niet is toegestaan"),
                arguments("onvolledige tekenreferentie", GELDIG.replace("Jansen", "Jan&#x;sen"),
                        "een tekenreferentie (&#…;) is onvolledig"),
                arguments("dubbel attribuut", GELDIG.replace("<Client>", "<Client a=\"1\" a=\"2\">"),
                        "een attribuut komt meer dan eens voor in element 'Client'"),
                arguments("dubbele namespacedeclaratie", GELDIG.replace("<Client>", "<Client xmlns=\"x\" xmlns=\"y\">"),
                        "attribuut 'xmlns' komt meer dan eens voor in element 'Client'"),
                arguments("attribuut zonder aanhalingstekens", GELDIG.replace("<Client>", "<Client a=1>"),
                        "de waarde van een attribuut van element 'Client' staat niet tussen aanhalingstekens"),
                arguments("xsi-attribuut zonder aanhalingstekens", GELDIG.replace("<Client>", "<Client xsi:nil=1>"),
                        "de waarde van attribuut 'xsi:nil' van element 'Client' staat niet tussen aanhalingstekens"),
                arguments("attribuut zonder waarde", GELDIG.replace("<Client>", "<Client a>"),
                        "een attribuut van element 'Client' heeft geen '=' met een waarde"),
                arguments("< in attribuut", GELDIG.replace("<Client>", "<Client a=\"<\">"),
                        "de waarde van een attribuut van element 'Client' bevat het teken '<'"),
                arguments("ongeldig teken in attribuut", GELDIG.replace("<Client>", "<Client a=\"\u0001\">"),
                        "de waarde van een attribuut bevat een teken dat in XML niet is toegestaan (Unicode 0x1)"),
                arguments("attributen zonder spatie", GELDIG.replace("<Client>", "<Client a='1'b='2'>"),
                        "na de naam van element 'Client' moeten attributen, '>' of '/>' volgen"),
                arguments("onbekende entiteit", GELDIG.replace("Jansen", "Jansen&nbsp;"),
                        "het bericht verwijst naar een entiteit die in XML niet bestaat"),
                arguments("los &-teken", GELDIG.replace("Jansen", "Jansen & Co"),
                        "na '&' volgt geen naam van een entiteit"),
                arguments("entiteit zonder ;", GELDIG.replace("Jansen", "Jansen &amp Co"),
                        "de verwijzing naar entiteit '&amp' eindigt niet met ';'"),
                arguments("ongebonden prefix", GELDIG.replace("<Geslacht>2</Geslacht>", "<q:Geslacht>2</q:Geslacht>"),
                        "de prefix van element 'Geslacht' is niet aan een namespace gebonden"),
                arguments("ongebonden prefix van attribuut", GELDIG.replace("<Client>", "<Client q:a=\"1\">"),
                        "de prefix van een attribuut in element 'Client' is niet aan een namespace gebonden"),
                arguments("ongebonden prefix xsi", GELDIG.replace("<Client>", "<Client xsi:type=\"1\">"),
                        "de prefix van attribuut 'xsi:type' in element 'Client' is niet aan een namespace gebonden"),
                arguments("lege namespace voor prefix", GELDIG.replace("<Client>", "<Client xmlns:q=\"\">"),
                        "een namespacedeclaratie of prefix is ongeldig"),
                arguments("-- in opmerking", GELDIG.replace("<Client>", "<Client><!-- a -- b -->"),
                        "een opmerking (<!-- … -->) bevat '--'"),
                arguments("]]> in tekst", GELDIG.replace("Jansen", "Jansen ]]>"),
                        "de tekens ']]>' staan in tekst"),
                arguments("los <-teken", GELDIG.replace("Jansen", "Jansen < Co"),
                        "de inhoud van een element is geen geldige tekst of opmaak"),
                arguments("te lange naam", GELDIG.replace("<Client>", "<Client><" + "x".repeat(2000) + "/>"),
                        "het bericht overschrijdt een veiligheidsgrens van de XML-parser"),
                arguments("onbekende fout", GELDIG.replace("<Client>", "<Client><!DOCTYPE x>"),
                        XmlFoutmelding.ALGEMEEN),
                arguments("een BSN in een naam", GELDIG.replace("</Naam>", "<x999924515></Naam>"),
                        "een element wordt niet afgesloten"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void nederlandseRedenMetRegelEnKolom(String geval, String xml, String verwacht) {
        IjwFout fout = assertThrows(IjwFout.class, () -> parser.parse(xml.getBytes(UTF_8)));

        assertEquals(Foutcode.XML_ONGELDIG, fout.code(), fout.reden());
        assertTrue(fout.reden().matches("XML is niet welgevormd \\(regel \\d+, kolom \\d+\\): .+"), fout.reden());
        assertTrue(fout.reden().contains(verwacht), fout.reden());
        geenEngels(fout.reden());
    }

    /**
     * After a stray '<' or '&' in a text the XML parser takes the text that follows for a name; the reason goes to
     * the dead-letter topic and the log, so it must not repeat initials or a name. Line and column point at it.
     */
    static Stream<Arguments> inhoudAlsNaam() {
        String voorletters = new StandaardBericht(BerichtSoort.JW301).tekst()
                .replace("</ijw:Geslachtsnaam>", "</ijw:Geslachtsnaam><ijw:Voorletters>J<P</ijw:Voorletters>");
        String commentaar = GELDIG.replace("</ToegewezenProduct>",
                "<Commentaar>Gesprek met moeder <Anna> op dinsdag</Commentaar></ToegewezenProduct>");
        return Stream.of(
                arguments(voorletters, "P", "na de naam van een element moeten attributen, '>' of '/>' volgen"),
                arguments(commentaar, "Anna", "een element wordt niet afgesloten met een bijbehorende eindtag"),
                arguments(GELDIG.replace("Jansen", "Jansen J<P a>"), "P", "een attribuut van een element heeft geen"),
                arguments(GELDIG.replace("Jansen", "Jansen J<P Anna=1>"), "Anna", "de waarde van een attribuut van "
                        + "een element staat niet tussen aanhalingstekens"),
                arguments(GELDIG.replace("Jansen", "Jansen&Anna<"), "Anna",
                        "een verwijzing naar een entiteit eindigt niet met ';'"),
                arguments(GELDIG.replace("Jansen", "Jansen &Anna;"), "Anna",
                        "het bericht verwijst naar een entiteit die in XML niet bestaat"),
                arguments(GELDIG.replace("Jansen", "Jansen <Anna:P>"), "Anna",
                        "de prefix van een element is niet aan een namespace gebonden"),
                arguments(GELDIG.replace("Jansen", "zie <Anna:Naam/>"), "Anna",
                        "de prefix van element 'Naam' is niet aan een namespace gebonden"),
                arguments(GELDIG.replace("Jansen", "a <Anna:Code b"), "Anna", "attribuut"));
    }

    @ParameterizedTest
    @MethodSource("inhoudAlsNaam")
    void tekstUitHetBerichtWordtNietAlsNaamGenoemd(String xml, String naam, String verwacht) {
        IjwFout fout = assertThrows(IjwFout.class, () -> parser.parse(xml.getBytes(UTF_8)));

        assertEquals(Foutcode.XML_ONGELDIG, fout.code(), fout.reden());
        assertTrue(fout.reden().matches("XML is niet welgevormd \\(regel \\d+, kolom \\d+\\): .+"), fout.reden());
        assertTrue(fout.reden().contains(verwacht), fout.reden());
        assertFalse(fout.reden().contains("'" + naam) || fout.reden().contains(naam + "'")
                || fout.reden().contains("Anna"), fout.reden());
    }

    @Test
    void alleenNamenUitDeIjwSchemasWordenGenoemd() {
        assertTrue(XmlFoutmelding.isElement("Voorletters"));
        assertTrue(XmlFoutmelding.isElement("ijw:Voorletters"));
        assertTrue(XmlFoutmelding.isElement("Bericht"));
        assertTrue(XmlFoutmelding.isElement("ToegewezenProduct"));
        assertTrue(XmlFoutmelding.isElement("BerichtXsdVersie"), "a basisschema element");
        assertFalse(XmlFoutmelding.isElement("P"));
        assertFalse(XmlFoutmelding.isElement("Anna"));
        assertFalse(XmlFoutmelding.isElement("voorletters"));
        assertTrue(XmlFoutmelding.isAttribuut("xmlns"));
        assertTrue(XmlFoutmelding.isAttribuut("xsi:schemaLocation"));
        assertFalse(XmlFoutmelding.isAttribuut("Anna"));
    }

    @Test
    void eenOnbekendeMeldingWordtDeAlgemeneNederlandseZin() {
        assertEquals(XmlFoutmelding.ALGEMEEN, XmlFoutmelding.beschrijf("Scanner State 24 not Recognized"));
        assertEquals(XmlFoutmelding.ALGEMEEN, XmlFoutmelding.beschrijf(null));
        assertEquals(XmlFoutmelding.ALGEMEEN,
                XmlFoutmelding.beschrijf("Le type d'élément \"Naam\" doit se terminer par la balise de fin"));
    }

    /** A JVM in another locale reports in its own language: the reason is Dutch all the same. */
    @Test
    void eenAndereTaalVanDeJvmGeeftEenNederlandseReden() {
        Locale eerder = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            IjwFout fout = assertThrows(IjwFout.class,
                    () -> new IjwParser().parse(GELDIG.replace("</Naam>", "</Nam>").getBytes(UTF_8)));
            assertTrue(fout.reden().startsWith("XML is niet welgevormd (regel "), fout.reden());
            geenEngels(fout.reden());
            assertFalse(fout.reden().contains("balise"), fout.reden());
        } finally {
            Locale.setDefault(eerder);
        }
    }

    private static void geenEngels(String reden) {
        String klein = reden.toLowerCase(Locale.ROOT);
        for (String woord : ENGELS) {
            assertFalse(klein.contains(woord), "'" + woord + "' in: " + reden);
        }
    }
}
