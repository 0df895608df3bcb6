package nl.procesregie.hub.ijw;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Checks a message against the bundled iJw 3.2 XSDs and describes each deviation in Dutch by its element path and
 * kind, never by its value. Xerces' own messages are English and quote the offending value (a BSN, initials, a birth
 * date), so only their key ({@code cvc-pattern-valid}, {@code cvc-complex-type.2.4.a}, …) is used, and the path comes
 * from the element stack this class keeps while it feeds the document to the validator.
 *
 * <p>Thread-safe: the compiled schema is shared, and each thread keeps its own reader and validator, which are not.
 * Counting and describing use the same de-duplicated deviations, so "(en nog N afwijkingen)" counts distinct ones.
 */
public final class SchemaControle {

    /** Deviations described; a message with more says how many more. */
    static final int MAX_BESCHREVEN = 10;
    private static final String SCHEMA = "het iJw 3.2-schema";
    private static final Pattern SLEUTEL = Pattern.compile("[A-Za-z0-9.-]+");

    /** A document the validator must refuse: its root is in no iJw schema. */
    private static final byte[] PROEF = "<proef/>".getBytes(StandardCharsets.UTF_8);

    private final Schema schema;
    private final ThreadLocal<Werktuig> werktuigen;

    public SchemaControle() {
        this(IjwSchemas.release32());
    }

    /**
     * Makes a first reader and validator and checks a document with them, so that a setup that cannot check stops
     * the start instead of failing every message.
     *
     * @throws IllegalStateException when they cannot be made or do not check
     */
    SchemaControle(Schema schema) {
        this.schema = schema;
        Werktuig eerste;
        Uitslag proef;
        try {
            eerste = werktuig();
            proef = eerste.controleer(PROEF);
        } catch (SAXException | IOException | RuntimeException e) {
            throw new IllegalStateException("De schemacontrole kan geen document controleren", e);
        }
        if (proef.isGeldig()) {
            throw new IllegalStateException("De schemacontrole keurt een document goed dat niet in het iJw-schema "
                    + "staat; zij controleert niet");
        }
        this.werktuigen = ThreadLocal.withInitial(this::werktuig);
        werktuigen.set(eerste);
    }

    /**
     * What the check found.
     *
     * @param afwijkingen the first {@link #MAX_BESCHREVEN} deviations in document order, each in Dutch without a value
     * @param aantal      how many deviations there are in all
     */
    public record Uitslag(List<String> afwijkingen, int aantal) {
        static final Uitslag GELDIG = new Uitslag(List.of(), 0);

        public Uitslag {
            afwijkingen = List.copyOf(afwijkingen);
        }

        public boolean isGeldig() {
            return aantal == 0;
        }

        /** One line for a reason or a log line: the first deviation, and how many more there are. */
        public String samenvatting() {
            if (isGeldig()) {
                return "geen afwijkingen";
            }
            int meer = aantal - 1;
            return afwijkingen.get(0) + (meer == 0 ? "" : " (en nog " + meer + (meer == 1 ? " afwijking)"
                    : " afwijkingen)"));
        }
    }

    /**
     * @param xml a message the parser has read, so well-formed UTF-8 without a DTD
     * @throws IllegalStateException when the check itself fails rather than finds a deviation: a fault of the hub,
     *                               which the caller handles as any other processing failure, not the sender's
     */
    public Uitslag controleer(byte[] xml) {
        try {
            return werktuigen.get().controleer(xml);
        } catch (SAXException | IOException | RuntimeException e) {
            // Not reusable after a break in the middle of a document; the next attempt gets a fresh one.
            werktuigen.remove();
            // Only what the validator reports to error() is a deviation of the message. Anything that escapes the
            // reader is the machinery's own failure, including a fatal parse error: the parser has read this very
            // message, so the two readers disagree (a limit, an encoding edge), and that is the hub's to fix, not
            // a reason to park the message as SCHEMA_ONGELDIG. The text of a Xerces exception may quote the
            // document, so neither it nor the exception as cause goes along; the class name and, for a parse
            // error, the message key say enough to reproduce it with the parked message.
            String sleutel = e instanceof SAXParseException p ? Werktuig.sleutel(p) : "";
            throw new IllegalStateException("De schemacontrole is mislukt door een fout in de hub: "
                    + e.getClass().getName() + (sleutel.isEmpty() ? "" : " " + sleutel));
        }
    }

    private Werktuig werktuig() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            // The parser refused DTDs already; this reader refuses them again rather than trust that.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // A message's xsi:schemaLocation must not make the validator fetch anything: only the bundled XSDs count.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setResourceResolver((type, namespace, publicId, systemId, basis) -> {
                throw new IllegalStateException("externe bron geweigerd");
            });
            return new Werktuig(reader, validator);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML-lezer voor de schemacontrole ondersteunt geen veilige verwerking", e);
        }
    }

    /** A reader feeding a validator through an element stack, so that each error can name where it is. */
    private static final class Werktuig implements ContentHandler, ErrorHandler {
        private final XMLReader reader;
        private final ValidatorHandler validator;
        private final List<String> pad = new ArrayList<>();
        /** Every distinct deviation, in document order; the message's depth and name lengths bound each text. */
        private Set<String> afwijkingen;
        private String laatstePad;

        Werktuig(XMLReader reader, ValidatorHandler validator) {
            this.reader = reader;
            this.validator = validator;
            reader.setContentHandler(this);
            reader.setErrorHandler(this);
            validator.setErrorHandler(this);
        }

        Uitslag controleer(byte[] xml) throws SAXException, IOException {
            pad.clear();
            afwijkingen = new LinkedHashSet<>();
            laatstePad = null;
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
            return afwijkingen.isEmpty() ? Uitslag.GELDIG
                    : new Uitslag(afwijkingen.stream().limit(MAX_BESCHREVEN).toList(), afwijkingen.size());
        }

        // ---- ErrorHandler: of the validator (error) and of the reader (fatal: see controleer)

        @Override
        public void warning(SAXParseException e) {
            // The schema has no warnings worth a regisseur's or a back office's time.
        }

        @Override
        public void error(SAXParseException e) {
            String sleutel = sleutel(e);
            String hier = pad(pad.size());
            if (isGevolg(sleutel)) {
                // Xerces repeats a facet error as "the value of element X is not valid": one deviation, not two.
                if (hier.equals(laatstePad)) {
                    return;
                }
            }
            laatstePad = hier;
            afwijkingen.add(IjwFout.zonderBsn(beschrijf(sleutel)));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        private static String sleutel(SAXParseException e) {
            String melding = e.getMessage() == null ? "" : e.getMessage();
            int einde = melding.indexOf(':');
            String sleutel = einde < 0 ? "" : melding.substring(0, einde);
            return SLEUTEL.matcher(sleutel).matches() ? sleutel : "";
        }

        private static boolean isGevolg(String sleutel) {
            return sleutel.equals("cvc-type.3.1.3") || sleutel.equals("cvc-attribute.3")
                    || sleutel.equals("cvc-elt.5.2.1");
        }

        /** In Dutch, by path and kind only: the sender can find it, and no value is quoted. */
        private String beschrijf(String sleutel) {
            String hier = pad(pad.size());
            String laatste = pad.isEmpty() ? "" : pad.get(pad.size() - 1);
            String element = XmlFoutmelding.isElement(laatste) ? "element " + laatste : "een onbekend element";
            String ouder = pad(pad.size() - 1);
            if (sleutel.startsWith("cvc-datatype-valid")) {
                return hier + " heeft niet het gegevenstype dat " + SCHEMA + " voorschrijft";
            }
            return switch (sleutel) {
                case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.c" ->
                        element + " staat op een plaats waar " + SCHEMA + " het niet toestaat (" + ouder + ")";
                case "cvc-complex-type.2.4.d" ->
                        element + " staat op een plaats waar " + SCHEMA + " geen element meer toestaat (" + ouder
                                + ")";
                case "cvc-complex-type.2.4.b" ->
                        hier + " is onvolledig: er ontbreekt een element dat " + SCHEMA + " verplicht stelt";
                case "cvc-complex-type.2.1" -> hier + " moet volgens " + SCHEMA + " leeg zijn";
                case "cvc-complex-type.2.2" -> hier + " mag volgens " + SCHEMA + " alleen een waarde bevatten";
                case "cvc-complex-type.2.3" ->
                        hier + " mag volgens " + SCHEMA + " geen tekst bevatten, alleen elementen";
                case "cvc-complex-type.3.2.2", "cvc-type.3.1.1" ->
                        hier + " heeft een attribuut dat " + SCHEMA + " niet toestaat";
                case "cvc-complex-type.4" -> hier + " mist een attribuut dat " + SCHEMA + " verplicht stelt";
                case "cvc-pattern-valid" -> hier + " voldoet niet aan het patroon van " + SCHEMA;
                case "cvc-maxLength-valid" -> hier + " is langer dan " + SCHEMA + " toestaat";
                case "cvc-minLength-valid" -> hier + " is korter dan " + SCHEMA + " toestaat";
                case "cvc-length-valid" -> hier + " heeft niet de lengte die " + SCHEMA + " voorschrijft";
                case "cvc-enumeration-valid" ->
                        hier + " heeft een waarde die niet in de lijst van " + SCHEMA + " staat";
                case "cvc-minInclusive-valid", "cvc-minExclusive-valid" ->
                        hier + " is kleiner dan " + SCHEMA + " toestaat";
                case "cvc-maxInclusive-valid", "cvc-maxExclusive-valid" ->
                        hier + " is groter dan " + SCHEMA + " toestaat";
                case "cvc-totalDigits-valid" -> hier + " heeft meer cijfers dan " + SCHEMA + " toestaat";
                case "cvc-fractionDigits-valid" -> hier + " heeft meer decimalen dan " + SCHEMA + " toestaat";
                case "cvc-elt.1.a", "cvc-elt.1" -> "het root-element " + element + " staat niet in " + SCHEMA;
                case "cvc-type.3.1.3", "cvc-attribute.3", "cvc-elt.5.2.1" ->
                        hier + " heeft een waarde die " + SCHEMA + " niet toestaat";
                default -> hier + " wijkt af van " + SCHEMA;
            };
        }

        /** The path below the root ("Client/Naam/Voorletters") of the first {@code diepte} elements; else the root. */
        private String pad(int diepte) {
            if (diepte <= 1) {
                return diepte == 1 ? naam(pad.get(0)) : "het bericht";
            }
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < diepte; i++) {
                b.append(i == 1 ? "" : "/").append(naam(pad.get(i)));
            }
            return b.toString();
        }

        /** A name the schemas do not know came from the sender (a name, initials) and is shown as "?". */
        private static String naam(String naam) {
            return XmlFoutmelding.isElement(naam) ? naam : "?";
        }

        // ---- ContentHandler: every event to the validator; the stack is pushed before and popped after it

        @Override
        public void setDocumentLocator(Locator locator) {
            validator.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            validator.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            validator.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            validator.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            validator.endPrefixMapping(prefix);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            pad.add(localName);
            validator.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            validator.endElement(uri, localName, qName);
            pad.remove(pad.size() - 1);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            validator.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            validator.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            validator.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            validator.skippedEntity(name);
        }
    }
}
