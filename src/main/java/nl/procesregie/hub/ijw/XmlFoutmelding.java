package nl.procesregie.hub.ijw;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dutch description of why the JDK's XML parser found a message not well-formed. The parser reports in English
 * (or in the language of the JVM's locale); a reason on the dead-letter topic is read by Dutch staff, so the common
 * faults are recognised by their English wording and described anew, and everything else falls back to a general Dutch
 * sentence. No text of the parser itself is ever passed on, so no foreign language can reach a reason.
 *
 * <p>Only names (of elements, attributes, entities, prefixes) and character codes are taken over from the parser's
 * text, never element content.
 */
final class XmlFoutmelding {

    static final String ALGEMEEN = "de opbouw van de XML klopt niet";

    private record Regel(Pattern patroon, Function<Matcher, String> tekst) {
    }

    private static final List<Regel> REGELS = List.of(
            regel("Premature end of file",
                    m -> "het bericht eindigt voordat het root-element is begonnen of afgesloten"),
            regel("XML document structures must start and end within the same entity",
                    m -> "het bericht eindigt midden in een element, tag, opmerking of CDATA-sectie "
                            + "(afgebroken bericht?)"),
            regel("The element type \"(?<naam>[^\"]*)\" must be terminated by the matching end-tag",
                    m -> "element '" + naam(m) + "' wordt niet afgesloten met de bijbehorende eindtag </"
                            + naam(m) + ">"),
            regel("The end-tag for element type \"(?<naam>[^\"]*)\" must end with a '>' delimiter",
                    m -> "de eindtag van element '" + naam(m) + "' eindigt niet met '>'"),
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
                    m -> "de waarde van attribuut '" + naam(m) + "' bevat een teken dat in XML niet is toegestaan "
                            + "(Unicode " + m.group("code") + ")"),
            regel("An invalid XML character \\(Unicode: (?<code>0x[0-9a-fA-F]+)\\)",
                    m -> "het bericht bevat een teken dat in XML niet is toegestaan (Unicode " + m.group("code")
                            + ")"),
            regel("Character reference \"(?<naam>&#[^\"]*)\" is an invalid XML character",
                    m -> "tekenreferentie '" + naam(m) + ";' verwijst naar een teken dat in XML niet is toegestaan"),
            regel("(representation must immediately follow|character reference must end)",
                    m -> "een tekenreferentie (&#…;) is onvolledig"),
            regel("Attribute \"(?<naam>[^\"]*)\" was already specified for element \"(?<element>[^\"]*)\"",
                    m -> "attribuut '" + naam(m) + "' komt meer dan eens voor in element '" + element(m) + "'"),
            regel("#AttributeNotUnique\\?(?<element>[^&]*)&(?<naam>.*)$",
                    m -> "attribuut '" + naam(m) + "' komt meer dan eens voor in element '" + element(m) + "'"),
            regel("Open quote is expected for attribute \"(?<naam>[^\"]*)\" associated with an +element type +"
                            + "\"(?<element>[^\"]*)\"",
                    m -> "de waarde van attribuut '" + naam(m) + "' van element '" + element(m)
                            + "' staat niet tussen aanhalingstekens"),
            regel("Attribute name \"(?<naam>[^\"]*)\" associated with an element type \"(?<element>[^\"]*)\" "
                            + "must be followed by the ' = ' character",
                    m -> "attribuut '" + naam(m) + "' van element '" + element(m) + "' heeft geen '=' met een waarde"),
            regel("The value of attribute \"(?<naam>[^\"]*)\" associated with an element type "
                            + "\"(?<element>[^\"]*)\" must not contain the '<' character",
                    m -> "de waarde van attribuut '" + naam(m) + "' van element '" + element(m)
                            + "' bevat het teken '<' (schrijf &lt;)"),
            regel("Element type \"(?<naam>[^\"]*)\" must be followed by either attribute specifications",
                    m -> "na de naam van element '" + naam(m) + "' moeten attributen, '>' of '/>' volgen"),
            regel("attribute \"(?<naam>[^\"]*)\"",
                    m -> "attribuut '" + naam(m) + "' is niet goed geschreven"),
            regel("The entity \"(?<naam>[^\"]*)\" was referenced, but not declared",
                    m -> "entiteit '&" + naam(m) + ";' bestaat niet in XML (alleen &lt; &gt; &amp; &quot; en &apos; "
                            + "zijn toegestaan)"),
            regel("The entity name must immediately follow the '&' in the entity reference",
                    m -> "na '&' volgt geen naam van een entiteit (schrijf een los &-teken als &amp;)"),
            regel("The reference to entity \"(?<naam>[^\"]*)\" must end with the ';' delimiter",
                    m -> "de verwijzing naar entiteit '&" + naam(m) + "' eindigt niet met ';'"),
            regel("#ElementPrefixUnbound\\?(?<prefix>[^&]*)&(?<naam>.*)$",
                    m -> "prefix '" + m.group("prefix") + "' van element '" + naam(m)
                            + "' is niet aan een namespace gebonden"),
            regel("#AttributePrefixUnbound\\?(?<element>[^&]*)&(?<naam>[^&]*)&(?<prefix>.*)$",
                    m -> "prefix '" + m.group("prefix") + "' van attribuut '" + naam(m) + "' in element '"
                            + element(m) + "' is niet aan een namespace gebonden"),
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

    private static String element(Matcher m) {
        return m.group("element");
    }
}
