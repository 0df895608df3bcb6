package nl.procesregie.hub.ijw;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Dutch description of why the JDK's XML parser found a message not well-formed. The parser reports in English
 * (or in the language of the JVM's locale); a reason on the dead-letter topic is read by Dutch staff, so the common
 * faults are recognised by their English wording and described anew, and everything else falls back to a general Dutch
 * sentence. No text of the parser itself is ever passed on, so no foreign language can reach a reason.
 *
 * <p>From the parser's text only character codes, the XML version and names the hub knows are taken over: element
 * names of the iJw schemas (without the sender's own prefix, which is text of the message too; the standard prefixes
 * xml, xmlns and xsi are kept), the few standard attribute names a message may hold, and the five entities of XML. Any other name is left out ("een element", "een attribuut") and the
 * line and column point at it: after a stray '<' or '&' in a text, the parser takes the text that follows for a
 * name, and that text can be a name or initials of the youth.
 */
final class XmlFoutmelding {

    static final String ALGEMEEN = "de opbouw van de XML klopt niet";

    /** The entities XML declares itself; a message can declare no others (it has no DTD). */
    private static final Set<String> XML_ENTITEITEN = Set.of("lt", "gt", "amp", "quot", "apos");

    /** Attributes a sender may put on any element: namespace declarations and the XML Schema instance ones. */
    private static final Set<String> STANDAARD_ATTRIBUTEN = Set.of("xmlns", "xsi:type", "xsi:nil",
            "xsi:schemaLocation", "xsi:noNamespaceSchemaLocation", "xml:lang", "xml:space");

    private static final Set<String> STANDAARD_PREFIXEN = Set.of("xml", "xmlns", "xsi");

    private static final Set<String> ELEMENTEN;
    private static final Set<String> ATTRIBUTEN;

    static {
        Set<String> elementen = new HashSet<>();
        Set<String> attributen = new HashSet<>();
        leesIjwNamen(elementen, attributen);
        ELEMENTEN = Set.copyOf(elementen);
        ATTRIBUTEN = Set.copyOf(attributen);
    }

    private record Regel(Pattern patroon, Function<Matcher, String> tekst) {
    }

    private static final List<Regel> REGELS = List.of(
            regel("Premature end of file",
                    m -> "het bericht eindigt voordat het root-element is begonnen of afgesloten"),
            regel("XML document structures must start and end within the same entity",
                    m -> "het bericht eindigt midden in een element, tag, opmerking of CDATA-sectie "
                            + "(afgebroken bericht?)"),
            regel("The element type \"(?<naam>[^\"]*)\" must be terminated by the matching end-tag",
                    m -> isElement(naam(m))
                            ? "element '" + getoond(naam(m)) + "' wordt niet afgesloten met de bijbehorende eindtag"
                            : "een element wordt niet afgesloten met een bijbehorende eindtag (een los '<'-teken "
                                    + "in een tekst?)"),
            regel("The end-tag for element type \"(?<naam>[^\"]*)\" must end with a '>' delimiter",
                    m -> "de eindtag van " + element(naam(m)) + " eindigt niet met '>'"),
            regel("Content is not allowed in prolog",
                    m -> "er staat tekst vóór het root-element"),
            regel("The markup in the document preceding the root element must be well-formed",
                    m -> "wat vóór het root-element staat is geen geldige opmaak"),
            regel("Content is not allowed in trailing section",
                    m -> "er staat tekst na het einde van het root-element"),
            regel("The markup in the document following the root element must be well-formed",
                    m -> "na het einde van het root-element staat nog opmaak (een bericht heeft precies één "
                            + "root-element)"),
            regel("An invalid XML character \\(Unicode: (?<code>0x[0-9a-fA-F]+)\\) was found in the value of "
                            + "attribute \"(?<naam>[^\"]*)\"",
                    m -> "de waarde van " + attribuut(naam(m)) + " bevat een teken dat in XML niet is toegestaan "
                            + "(Unicode " + m.group("code") + ")"),
            regel("An invalid XML character \\(Unicode: (?<code>0x[0-9a-fA-F]+)\\)",
                    m -> "het bericht bevat een teken dat in XML niet is toegestaan (Unicode " + m.group("code")
                            + ")"),
            regel("Character reference \"(?<naam>&#[^\"]*)\" is an invalid XML character",
                    m -> "tekenreferentie '" + naam(m) + ";' verwijst naar een teken dat in XML niet is toegestaan"),
            regel("(representation must immediately follow|character reference must end)",
                    m -> "een tekenreferentie (&#…;) is onvolledig"),
            regel("Attribute \"(?<naam>[^\"]*)\" was already specified for element \"(?<element>[^\"]*)\"",
                    m -> attribuut(naam(m)) + " komt meer dan eens voor in " + element(m.group("element"))),
            regel("#AttributeNotUnique\\?(?<element>[^&]*)&(?<naam>.*)$",
                    m -> attribuut(naam(m)) + " komt meer dan eens voor in " + element(m.group("element"))),
            regel("Open quote is expected for attribute \"(?<naam>[^\"]*)\" associated with an +element type +"
                            + "\"(?<element>[^\"]*)\"",
                    m -> "de waarde van " + attribuut(naam(m)) + " van " + element(m.group("element"))
                            + " staat niet tussen aanhalingstekens"),
            regel("Attribute name \"(?<naam>[^\"]*)\" associated with an element type \"(?<element>[^\"]*)\" "
                            + "must be followed by the ' = ' character",
                    m -> attribuut(naam(m)) + " van " + element(m.group("element")) + " heeft geen '=' met een waarde"),
            regel("The value of attribute \"(?<naam>[^\"]*)\" associated with an element type "
                            + "\"(?<element>[^\"]*)\" must not contain the '<' character",
                    m -> "de waarde van " + attribuut(naam(m)) + " van " + element(m.group("element"))
                            + " bevat het teken '<' (schrijf &lt;)"),
            regel("Element type \"(?<naam>[^\"]*)\" must be followed by either attribute specifications",
                    m -> "na de naam van " + element(naam(m))
                            + " moeten attributen, '>' of '/>' volgen"),
            regel("attribute \"(?<naam>[^\"]*)\"",
                    m -> attribuut(naam(m)) + " is niet goed geschreven"),
            // An entity that is not one of the five of XML is never declared in an iJw message: its name is text
            // of the message after a stray '&', so it is not repeated.
            regel("The entity \"(?<naam>[^\"]*)\" was referenced, but not declared",
                    m -> "het bericht verwijst naar een entiteit die in XML niet bestaat (alleen &lt; &gt; &amp; "
                            + "&quot; en &apos; zijn toegestaan; schrijf een los &-teken als &amp;)"),
            regel("The entity name must immediately follow the '&' in the entity reference",
                    m -> "na '&' volgt geen naam van een entiteit (schrijf een los &-teken als &amp;)"),
            regel("The reference to entity \"(?<naam>[^\"]*)\" must end with the ';' delimiter",
                    m -> XML_ENTITEITEN.contains(naam(m))
                            ? "de verwijzing naar entiteit '&" + naam(m) + "' eindigt niet met ';'"
                            : "een verwijzing naar een entiteit eindigt niet met ';' (schrijf een los &-teken als "
                                    + "&amp;)"),
            regel("#ElementPrefixUnbound\\?(?<prefix>[^&]*)&(?<naam>.*)$",
                    m -> (isElement(naam(m))
                            ? "de prefix van element '" + getoond(naam(m)) + "'"
                            : "de prefix van een element") + " is niet aan een namespace gebonden"),
            regel("#AttributePrefixUnbound\\?(?<element>[^&]*)&(?<naam>[^&]*)&(?<prefix>.*)$",
                    m -> (isAttribuut(naam(m))
                            ? "de prefix van attribuut '" + getoond(naam(m)) + "'"
                            : "de prefix van een attribuut") + " in " + element(m.group("element"))
                            + " is niet aan een namespace gebonden"),
            regel("REC-xml-names-",
                    m -> "een namespacedeclaratie of prefix is ongeldig"),
            regel("The string \"--\" is not permitted within comments",
                    m -> "een opmerking (<!-- … -->) bevat '--'"),
            regel("Comment must start with",
                    m -> "een opmerking begint niet met '<!--'"),
            regel("The processing instruction target matching \"\\[xX\\]\\[mM\\]\\[lL\\]\" is not allowed",
                    m -> "de XML-declaratie (<?xml …?>) staat niet helemaal aan het begin van het bericht"),
            regel("XML version \"(?<naam>[^\"]*)\" is not supported",
                    m -> "XML-versie '" + naam(m) + "' wordt niet ondersteund; alleen XML 1.0"),
            regel("(XML declaration|pseudo attribute|standalone document declaration|encoding declaration)",
                    m -> "de XML-declaratie (<?xml …?>) is ongeldig"),
            regel("The character sequence \"]]>\" must not appear in content",
                    m -> "de tekens ']]>' staan in tekst zonder dat een CDATA-sectie wordt afgesloten"),
            regel("The content of elements must consist of well-formed character data or markup",
                    m -> "de inhoud van een element is geen geldige tekst of opmaak (een los '<'-teken?)"),
            regel("(do not match QName production|must start with a letter)",
                    m -> "een element- of attribuutnaam is ongeldig"),
            regel("JAXP0001",
                    m -> "het bericht overschrijdt een veiligheidsgrens van de XML-parser (te lange naam, te veel "
                            + "attributen of te grote omvang)"));

    private XmlFoutmelding() {
    }

    /** The Dutch description of the parser's {@code melding}; {@link #ALGEMEEN} when it is not recognised. */
    static String beschrijf(String melding) {
        if (melding != null) {
            for (Regel regel : REGELS) {
                Matcher m = regel.patroon().matcher(melding);
                if (m.find()) {
                    return regel.tekst().apply(m);
                }
            }
        }
        return ALGEMEEN;
    }

    private static Regel regel(String patroon, Function<Matcher, String> tekst) {
        return new Regel(Pattern.compile(patroon), tekst);
    }

    private static String naam(Matcher m) {
        return m.group("naam");
    }

    private static String element(String naam) {
        return isElement(naam) ? "element '" + getoond(naam) + "'" : "een element";
    }

    private static String attribuut(String naam) {
        return isAttribuut(naam) ? "attribuut '" + getoond(naam) + "'" : "een attribuut";
    }

    /** A known name as a reason shows it: a sender's own prefix is text of the message and is left out. */
    static String getoond(String naam) {
        int dubbelepunt = naam.indexOf(':');
        return dubbelepunt < 0 || STANDAARD_PREFIXEN.contains(naam.substring(0, dubbelepunt)) ? naam
                : naam.substring(dubbelepunt + 1);
    }

    /** A name of the iJw schemas; the prefix is the sender's choice and is judged by the name it qualifies. */
    static boolean isElement(String naam) {
        return ELEMENTEN.contains(naam.substring(naam.indexOf(':') + 1));
    }

    static boolean isAttribuut(String naam) {
        return ATTRIBUTEN.contains(naam.substring(naam.indexOf(':') + 1)) || STANDAARD_ATTRIBUTEN.contains(naam);
    }

    /**
     * Every xs:element and xs:attribute name in the XSDs of the message types the hub reads and the schemas they
     * import or include (basisschema.xsd); other message types are refused before their content matters.
     */
    private static void leesIjwNamen(Set<String> elementen, Set<String> attributen) {
        Deque<String> teLezen = new ArrayDeque<>();
        Set<String> gezien = new HashSet<>();
        for (BerichtSoort soort : BerichtSoort.values()) {
            teLezen.add(IjwSchemas.bron(soort));
        }
        DocumentBuilder builder = veiligeBuilder();
        while (!teLezen.isEmpty()) {
            String bron = teLezen.poll();
            if (!gezien.add(bron)) {
                continue;
            }
            Element schema = lees(builder, bron);
            namen(schema, "element", elementen);
            namen(schema, "attribute", attributen);
            String map = bron.substring(0, bron.lastIndexOf('/') + 1);
            for (String soort : List.of("import", "include")) {
                NodeList verwijzingen = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, soort);
                for (int i = 0; i < verwijzingen.getLength(); i++) {
                    String plek = ((Element) verwijzingen.item(i)).getAttribute("schemaLocation");
                    if (!plek.isEmpty()) {
                        teLezen.add(map + plek);
                    }
                }
            }
        }
    }

    private static void namen(Element schema, String soort, Set<String> namen) {
        NodeList lijst = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, soort);
        for (int i = 0; i < lijst.getLength(); i++) {
            String naam = ((Element) lijst.item(i)).getAttribute("name");
            if (!naam.isEmpty()) {
                namen.add(naam);
            }
        }
    }

    /** The XSDs are bundled, but are read as strictly as any XML: no DTD, nothing external. */
    private static DocumentBuilder veiligeBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML-parser ondersteunt geen veilige verwerking", e);
        }
    }

    private static Element lees(DocumentBuilder builder, String bron) {
        try (InputStream in = XmlFoutmelding.class.getClassLoader().getResourceAsStream(bron)) {
            if (in == null) {
                throw new IllegalStateException("iJw-schema ontbreekt op het classpath: " + bron);
            }
            return builder.parse(in).getDocumentElement();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("iJw-schema " + bron + " is niet te lezen", e);
        }
    }
}
