package nl.procesregie.hub.ijw;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.CharArrayReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one iJw 3.x message (JW301, JW305, JW307 or JW315) into an {@link IjwBericht}, or refuses it with an
 * {@link IjwFout} whose Dutch reason names the offending element and never contains a BSN.
 *
 * <p>Elements are recognised by namespace URI and local name only; prefixes mean nothing. Every element must be in the
 * message's own namespace or in the basisschema namespace of the same release; either is accepted wherever an element
 * is expected, because senders differ in which one they qualify shared types with. An element in any other namespace
 * (including none) is refused as {@link Foutcode#XML_ONGELDIG}: the iJw schemas have no extension points, so such an
 * element means mixed releases or hand-made XML, and silently skipping it would turn into a misleading "ontbreekt".
 * Unknown elements in the two iJw namespaces are skipped, so additions in later 3.x releases do not break reading.
 *
 * <p>Release differences tolerated: the product list ({@code ToegewezenProducten}, {@code StartProducten},
 * {@code StopProducten}, {@code AangevraagdeProducten}) may sit inside {@code Client} (3.x schemas) or directly under
 * {@code Bericht}, and the products may appear with or without that wrapper. Element order is not checked.
 *
 * <p>Thread-safe: the factory is configured once in the constructor and afterwards only creates readers, which the
 * JDK implementation allows concurrently (its reader reuse is off by default); all other state lives per call.
 */
public final class IjwParser {

    /** Real messages nest about eight levels deep; the margin leaves room for later releases. */
    static final int MAX_DIEPTE = 32;

    private static final String IJW_NAMESPACE_BEGIN = "http://www.istandaarden.nl/ijw/";
    private static final String NAMESPACE_EINDE = "/schema";
    private static final String BASISSCHEMA = "basisschema";
    private static final int MAX_GETOONDE_LENGTE = 100;
    private static final BerichtSoort[] SOORTEN = BerichtSoort.values();
    private static final int MAX_PRODUCTCODE = 5;

    /**
     * The local names of every element of type LDT_Datum in JW301, JW305, JW307 and JW315 (release 3.2, with the
     * basisschema types they use). Each is checked wherever it occurs, also where the hub does not use its value, so
     * an impossible date never passes unnoticed. None of these names has another type anywhere in those messages.
     */
    static final Set<String> DATUM_ELEMENTEN = Set.of("Dagtekening", "Datum", "Toewijzingsdatum", "Ingangsdatum",
            "Einddatum", "Begindatum", "ToewijzingIngangsdatum", "ToewijzingEinddatum", "BeschikkingIngangsdatum");

    /**
     * xs:time allows 24:00:00, the end of the day. The hub keeps it on the same date, as the last moment PostgreSQL
     * can store (microseconds), so it orders after every other time of that day and survives a round trip unchanged.
     */
    static final LocalTime EINDE_VAN_DE_DAG = LocalTime.of(23, 59, 59, 999_999_000);

    private final XMLInputFactory factory;
    private final Codelijsten codelijsten = Codelijsten.standaard();

    public IjwParser() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // No DTD processing and no external anything: XXE and entity expansion are impossible by configuration.
        // A DOCTYPE is still reported as an event, and lees() refuses it before the root element is read.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("externe bron geweigerd");
        });
    }

    public IjwBericht parse(byte[] xml) throws IjwFout {
        if (xml == null || xml.length == 0) {
            throw fout(Foutcode.XML_ONGELDIG, "Bericht is leeg");
        }
        CharBuffer tekst = alsUtf8(xml);
        XMLStreamReader reader = null;
        try {
            // The decoded characters are handed over as a Reader so the parser cannot second-guess the charset.
            reader = factory.createXMLStreamReader(
                    new CharArrayReader(tekst.array(), tekst.position(), tekst.remaining()));
            return new Lezer(reader).lees();
        } catch (XMLStreamException e) {
            throw nietWelgevormd(e);
        } finally {
            sluit(reader);
        }
    }

    private static CharBuffer alsUtf8(byte[] xml) throws IjwFout {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(xml);
        // UTF-8 never yields more chars than bytes, so one buffer of that size always suffices.
        CharBuffer uit = CharBuffer.allocate(xml.length);
        CoderResult resultaat = decoder.decode(in, uit, true);
        if (!resultaat.isError()) {
            resultaat = decoder.flush(uit);
        }
        if (resultaat.isError()) {
            throw fout(Foutcode.XML_ONGELDIG, "Bericht is geen geldige UTF-8: ongeldige bytereeks op positie "
                    + in.position() + " (iJw-berichten moeten in UTF-8 zijn)");
        }
        uit.flip();
        if (uit.hasRemaining() && uit.get(uit.position()) == '\uFEFF') {
            uit.position(uit.position() + 1);
        }
        return uit;
    }

    /** The parser's own text is never passed on: it is English, and it could quote content of the message. */
    private static IjwFout nietWelgevormd(XMLStreamException e) {
        Location plek = e.getLocation();
        String waar = plek == null || plek.getLineNumber() < 0 ? ""
                : " (regel " + plek.getLineNumber() + ", kolom " + plek.getColumnNumber() + ")";
        return fout(Foutcode.XML_ONGELDIG, "XML is niet welgevormd" + waar + ": "
                + toon(XmlFoutmelding.beschrijf(e.getMessage()), 3 * MAX_GETOONDE_LENGTE));
    }

    private static void sluit(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Nothing is left to release: the reader reads from memory.
        }
    }

    /**
     * All faults leave through here, so no 8- or 9-digit number that passes the eleven-test (a possible BSN) can reach
     * a reason: {@link IjwFout#zonderBsn} masks them.
     */
    private static IjwFout fout(Foutcode code, String reden) {
        return new IjwFout(code, IjwFout.zonderBsn(reden));
    }

    /** A value from the message as shown in a reason: short, and without control characters that break log lines. */
    private static String toon(String waarde) {
        return toon(waarde, MAX_GETOONDE_LENGTE);
    }

    private static String toon(String waarde, int maximum) {
        String kort = waarde.length() > maximum ? waarde.substring(0, maximum) + "…" : waarde;
        StringBuilder sb = new StringBuilder(kort.length());
        for (int i = 0; i < kort.length(); i++) {
            char c = kort.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    private static boolean cijfers(String waarde, int aantal) {
        return waarde.length() == aantal && alleenCijfers(waarde, 0, aantal);
    }

    private static boolean alleenCijfers(String waarde, int van, int tot) {
        for (int i = van; i < tot; i++) {
            if (waarde.charAt(i) < '0' || waarde.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** LDT_ProductCode: 1 to 5 characters (code points, as XSD counts them) of which at least one is not white. */
    private static boolean isProductcode(String code) {
        int lengte = code.codePointCount(0, code.length());
        return lengte >= 1 && lengte <= MAX_PRODUCTCODE && !zonderXmlWitruimte(code).isEmpty();
    }

    /** What XSD's whitespace collapse removes at both ends: space, tab, line feed and carriage return only. */
    private static String zonderXmlWitruimte(String waarde) {
        int begin = 0;
        int einde = waarde.length();
        while (begin < einde && isXmlWitruimte(waarde.charAt(begin))) {
            begin++;
        }
        while (einde > begin && isXmlWitruimte(waarde.charAt(einde - 1))) {
            einde--;
        }
        return waarde.substring(begin, einde);
    }

    private static boolean isXmlWitruimte(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int getal(String waarde, int van, int tot) {
        int getal = 0;
        for (int i = van; i < tot; i++) {
            char c = waarde.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            getal = getal * 10 + (c - '0');
        }
        return getal;
    }

    private static BerichtSoort soortVan(String namespaceSegment) {
        for (BerichtSoort soort : SOORTEN) {
            if (soort.namespaceSegment().equals(namespaceSegment)) {
                return soort;
            }
        }
        return null;
    }

    private static String lijstNaam(BerichtSoort soort) {
        return switch (soort) {
            case JW301 -> "ToegewezenProducten";
            case JW305 -> "StartProducten";
            case JW307 -> "StopProducten";
            case JW315 -> "AangevraagdeProducten";
        };
    }

    private static String productNaam(BerichtSoort soort) {
        return switch (soort) {
            case JW301 -> "ToegewezenProduct";
            case JW305 -> "StartProduct";
            case JW307 -> "StopProduct";
            case JW315 -> "AangevraagdProduct";
        };
    }

    /** The state of one parse: a recursive descent over the element tree, one method per element type. */
    private final class Lezer {
        private final XMLStreamReader r;
        private int diepte;
        /** Local names from below the root to the current element, for reasons about elements the hub skips. */
        private final ArrayDeque<String> plek = new ArrayDeque<>();

        private BerichtSoort soort;
        private String versie;
        private String berichtNs;
        private String basisNs;
        private String lijstNaam;
        private String productNaam;

        private boolean headerGelezen;
        private boolean identificatieGelezen;
        private String afzender;
        private String ontvanger;
        private String identificatie;
        private LocalDate dagtekening;

        private Client client;
        private final List<Toewijzing> toewijzingen = new ArrayList<>();
        private final List<Levering> leveringen = new ArrayList<>();
        private final List<VerzochtProduct> verzochteProducten = new ArrayList<>();

        Lezer(XMLStreamReader r) {
            this.r = r;
        }

        IjwBericht lees() throws XMLStreamException, IjwFout {
            controleerTekenset();
            int event = r.getEventType();
            while (event != START_ELEMENT) {
                event = r.next();
                if (event == DTD) {
                    throw fout(Foutcode.XML_ONGELDIG,
                            "Bericht bevat een DTD (<!DOCTYPE …>); DTD's en entiteiten zijn in iJw-berichten "
                                    + "niet toegestaan");
                }
            }
            herkenBericht();
            diepte = 1;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "Header" -> leesHeader();
                    case "Client" -> leesClient();
                    default -> leesProductenOfOverslaan();
                }
            }
            // Reading to the end lets the parser reject anything but comments after the root element.
            while (r.hasNext()) {
                r.next();
            }
            return bouw();
        }

        private void controleerTekenset() throws IjwFout {
            String verklaard = r.getCharacterEncodingScheme();
            if (verklaard != null && !"UTF-8".equalsIgnoreCase(verklaard)) {
                throw fout(Foutcode.XML_ONGELDIG, "Bericht verklaart tekenset '" + toon(verklaard)
                        + "'; iJw-berichten moeten UTF-8 zijn");
            }
        }

        private void herkenBericht() throws IjwFout {
            String ns = r.getNamespaceURI();
            String naam = r.getLocalName();
            if (ns == null || ns.length() <= IJW_NAMESPACE_BEGIN.length() + NAMESPACE_EINDE.length()
                    || !ns.startsWith(IJW_NAMESPACE_BEGIN) || !ns.endsWith(NAMESPACE_EINDE)) {
                throw fout(Foutcode.BERICHT_ONBEKEND, "Onbekend bericht: root-element '" + toon(naam)
                        + "' in namespace '" + toon(ns == null ? "" : ns) + "' is geen iJw-bericht");
            }
            // "3_2/jw301" from "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
            String midden = ns.substring(IJW_NAMESPACE_BEGIN.length(), ns.length() - NAMESPACE_EINDE.length());
            int scheiding = midden.indexOf('/');
            String release = scheiding < 0 ? midden : midden.substring(0, scheiding);
            String segment = scheiding < 0 ? "" : midden.substring(scheiding + 1);
            if (release.length() < 3 || !release.startsWith("3_") || getal(release, 2, release.length()) < 0) {
                throw fout(Foutcode.BERICHT_ONBEKEND, "Release '" + toon(release)
                        + "' van iJw wordt niet ondersteund; de hub leest alleen release 3.x");
            }
            soort = soortVan(segment);
            if (soort == null) {
                throw fout(Foutcode.BERICHT_ONBEKEND, "Berichttype '" + toon(segment)
                        + "' wordt door de hub niet verwerkt (alleen JW301, JW305, JW307 en JW315)");
            }
            if (!"Bericht".equals(naam)) {
                throw fout(Foutcode.BERICHT_ONBEKEND, "Onbekend bericht: root-element heet '" + toon(naam)
                        + "' in plaats van 'Bericht'");
            }
            versie = release;
            berichtNs = ns;
            basisNs = IJW_NAMESPACE_BEGIN + release + "/" + BASISSCHEMA + NAMESPACE_EINDE;
            lijstNaam = lijstNaam(soort);
            productNaam = productNaam(soort);
        }

        // ---- cursor: every child is consumed completely before the next one is looked for

        /** Moves to the next child element of the current element; false when the current element has ended. */
        private boolean volgendKind() throws XMLStreamException, IjwFout {
            while (true) {
                switch (r.next()) {
                    case START_ELEMENT -> {
                        betreed();
                        return true;
                    }
                    case END_ELEMENT -> {
                        verlaat();
                        return false;
                    }
                    default -> {
                        // Whitespace, comments and processing instructions between elements carry nothing.
                    }
                }
            }
        }

        private void betreed() throws IjwFout {
            if (++diepte > MAX_DIEPTE) {
                throw fout(Foutcode.XML_ONGELDIG, "Bericht is dieper genest dan " + MAX_DIEPTE + " niveaus");
            }
            String ns = r.getNamespaceURI();
            if (ns == null || ns.isEmpty()) {
                // Text such as "zie <Anna/>" in a message whose elements all carry a prefix makes an element without
                // a namespace: only a name of the iJw schemas is repeated, the path says where it is.
                String ouder = String.join("/", plek);
                throw fout(Foutcode.XML_ONGELDIG, (XmlFoutmelding.isElement(r.getLocalName())
                        ? "Element '" + toon(r.getLocalName()) + "'" : "Een element")
                        + " zonder namespace hoort niet in een iJw-bericht van release " + versie
                        + (ouder.isEmpty() ? "" : " (gevonden in " + ouder + ")"));
            }
            if (!berichtNs.equals(ns) && !basisNs.equals(ns)) {
                throw fout(Foutcode.XML_ONGELDIG, "Element '" + toon(r.getLocalName()) + "' in namespace '"
                        + toon(ns) + "' hoort niet in een iJw-bericht van release " + versie);
            }
            plek.addLast(r.getLocalName());
        }

        private void verlaat() {
            diepte--;
            plek.pollLast();
        }

        /** The text of the current element without the whitespace XSD collapses at its ends; "" when empty. */
        private String tekst(String pad) throws XMLStreamException, IjwFout {
            String waarde = null;
            StringBuilder meer = null;
            while (true) {
                switch (r.next()) {
                    case CHARACTERS, CDATA, SPACE -> {
                        if (waarde == null) {
                            waarde = r.getText();
                        } else {
                            if (meer == null) {
                                meer = new StringBuilder(waarde);
                            }
                            meer.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case START_ELEMENT -> throw fout(Foutcode.VELD_ONTBREEKT,
                            "Element " + pad + " mag alleen tekst bevatten, geen element"
                                    + (XmlFoutmelding.isElement(r.getLocalName())
                                    ? " '" + toon(r.getLocalName()) + "'" : ""));
                    case END_ELEMENT -> {
                        verlaat();
                        String geheel = meer != null ? meer.toString() : waarde;
                        return geheel == null ? "" : zonderXmlWitruimte(geheel);
                    }
                    default -> {
                        // A comment inside a value does not change it.
                    }
                }
            }
        }

        /** The text of an element that may occur only once where it stands. */
        private String eenmaal(String eerder, String pad) throws XMLStreamException, IjwFout {
            if (eerder != null) {
                throw dubbel(pad);
            }
            return tekst(pad);
        }

        /**
         * Skips the current element with everything inside it, except that every date element inside is still
         * checked. An element with a date's name that holds elements is not a date (a later release may have one)
         * and is skipped like any other. Recursion is bounded by {@link #MAX_DIEPTE}.
         */
        private void overslaan() throws XMLStreamException, IjwFout {
            // A name the schemas do not know came from the sender and is not repeated in a reason.
            StringBuilder waarde = DATUM_ELEMENTEN.contains(r.getLocalName()) ? new StringBuilder() : null;
            while (true) {
                switch (r.next()) {
                    case START_ELEMENT -> {
                        betreed();
                        waarde = null;
                        overslaan();
                    }
                    case CHARACTERS, CDATA, SPACE -> {
                        if (waarde != null) {
                            waarde.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case END_ELEMENT -> {
                        if (waarde != null) {
                            String datum = zonderXmlWitruimte(waarde.toString());
                            if (datumOfNull(datum) == null) {
                                // A name the schemas do not know came from the sender and is not repeated in a reason.
                                datum(datum, plek.stream().map(n -> XmlFoutmelding.isElement(n) ? n : "?")
                                        .collect(Collectors.joining("/")));
                            }
                        }
                        verlaat();
                        return;
                    }
                    default -> {
                        // Comments and processing instructions carry nothing.
                    }
                }
            }
        }

        // ---- Header

        private void leesHeader() throws XMLStreamException, IjwFout {
            if (headerGelezen) {
                throw dubbel("Header");
            }
            headerGelezen = true;
            String berichtCode = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "BerichtCode" -> berichtCode = eenmaal(berichtCode, "Header/BerichtCode");
                    case "Afzender" -> afzender = eenmaal(afzender, "Header/Afzender");
                    case "Ontvanger" -> ontvanger = eenmaal(ontvanger, "Header/Ontvanger");
                    case "BerichtIdentificatie" -> leesBerichtIdentificatie();
                    default -> overslaan();
                }
            }
            verplicht(berichtCode, "Header/BerichtCode");
            String verwacht = Integer.toString(soort.berichtCode());
            if (!verwacht.equals(berichtCode)) {
                throw fout(Foutcode.BERICHT_ONBEKEND, "Header/BerichtCode '" + toon(berichtCode)
                        + "' past niet bij het berichttype " + soort.name() + " van de namespace (verwacht "
                        + verwacht + ")");
            }
            verplicht(afzender, "Header/Afzender");
            verplicht(ontvanger, "Header/Ontvanger");
            if (soort.verzondenDoorGemeente()) {
                controleerGemeente(afzender, "Header/Afzender");
                controleerAgb(ontvanger, "Header/Ontvanger");
            } else {
                controleerAgb(afzender, "Header/Afzender");
                controleerGemeente(ontvanger, "Header/Ontvanger");
            }
            if (!identificatieGelezen) {
                throw ontbreekt("Header/BerichtIdentificatie");
            }
            verplicht(identificatie, "Header/BerichtIdentificatie/Identificatie");
        }

        private void leesBerichtIdentificatie() throws XMLStreamException, IjwFout {
            if (identificatieGelezen) {
                throw dubbel("Header/BerichtIdentificatie");
            }
            identificatieGelezen = true;
            String dag = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "Identificatie" -> identificatie =
                            eenmaal(identificatie, "Header/BerichtIdentificatie/Identificatie");
                    case "Dagtekening" -> dag = eenmaal(dag, "Header/BerichtIdentificatie/Dagtekening");
                    default -> overslaan();
                }
            }
            String pad = "Header/BerichtIdentificatie/Dagtekening";
            dagtekening = datum(verplicht(dag, pad), pad);
        }

        private void controleerGemeente(String code, String pad) throws IjwFout {
            if (!cijfers(code, 4)) {
                throw fout(Foutcode.VELD_ONTBREEKT, pad + " '" + toon(code)
                        + "' is geen geldige gemeentecode (4 cijfers)");
            }
        }

        private void controleerAgb(String code, String pad) throws IjwFout {
            if (!cijfers(code, 8)) {
                throw fout(Foutcode.VELD_ONTBREEKT, pad + " '" + toon(code)
                        + "' is geen geldige AGB-code van de aanbieder (8 cijfers)");
            }
        }

        // ---- Client

        private void leesClient() throws XMLStreamException, IjwFout {
            if (client != null) {
                throw fout(Foutcode.VELD_ONTBREEKT,
                        "Bericht bevat meer dan één Client; er hoort precies één cliënt in");
            }
            String bsn = null;
            boolean geboortedatumGelezen = false;
            String geboortedatum = null;
            boolean naamGelezen = false;
            String voorletters = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "Bsn" -> bsn = eenmaal(bsn, "Client/Bsn");
                    case "Geboortedatum" -> {
                        if (geboortedatumGelezen) {
                            throw dubbel("Client/Geboortedatum");
                        }
                        geboortedatumGelezen = true;
                        geboortedatum = leesEnkelKind("Datum", "Client/Geboortedatum");
                    }
                    case "Naam" -> {
                        if (naamGelezen) {
                            throw dubbel("Client/Naam");
                        }
                        naamGelezen = true;
                        // Naam also holds the surname; the hub keeps only the initials a regisseur recognises.
                        voorletters = leesEnkelKind("Voorletters", "Client/Naam");
                    }
                    default -> leesProductenOfOverslaan();
                }
            }
            verplicht(bsn, "Client/Bsn");
            if (!Elfproef.isGeldig(bsn)) {
                throw fout(Foutcode.BSN_ONGELDIG,
                        "Client/Bsn is geen geldig burgerservicenummer (9 cijfers die aan de elfproef voldoen)");
            }
            String geboortePad = "Client/Geboortedatum/Datum";
            LocalDate geboren = datum(verplicht(geboortedatum, geboortePad), geboortePad);
            client = new Client(bsn, geboren, voorletters == null || voorletters.isEmpty() ? null : voorletters);
        }

        /** The text of the one child named {@code kind} of the current element, or null; other children are skipped. */
        private String leesEnkelKind(String kind, String pad) throws XMLStreamException, IjwFout {
            String waarde = null;
            while (volgendKind()) {
                if (kind.equals(r.getLocalName())) {
                    waarde = eenmaal(waarde, pad + "/" + kind);
                } else {
                    overslaan();
                }
            }
            return waarde;
        }

        // ---- products

        private void leesProductenOfOverslaan() throws XMLStreamException, IjwFout {
            String naam = r.getLocalName();
            if (naam.equals(lijstNaam)) {
                while (volgendKind()) {
                    if (productNaam.equals(r.getLocalName())) {
                        leesProduct();
                    } else {
                        overslaan();
                    }
                }
            } else if (naam.equals(productNaam)) {
                leesProduct();
            } else {
                overslaan();
            }
        }

        private void leesProduct() throws XMLStreamException, IjwFout {
            switch (soort) {
                case JW301 -> toewijzingen.add(leesToegewezenProduct());
                case JW305, JW307 -> leveringen.add(leesLevering());
                case JW315 -> leesAangevraagdProduct();
            }
        }

        private Toewijzing leesToegewezenProduct() throws XMLStreamException, IjwFout {
            String p = productNaam;
            String nummer = null;
            Product product = null;
            String toewijzingsdatum = null;
            String toewijzingstijd = null;
            String ingangsdatum = null;
            String einddatum = null;
            String redenWijziging = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "ToewijzingNummer" -> nummer = eenmaal(nummer, p + "/ToewijzingNummer");
                    case "Product" -> product = leesCodering(product, p + "/Product");
                    case "Toewijzingsdatum" -> toewijzingsdatum = eenmaal(toewijzingsdatum, p + "/Toewijzingsdatum");
                    case "Toewijzingstijd" -> toewijzingstijd = eenmaal(toewijzingstijd, p + "/Toewijzingstijd");
                    case "Ingangsdatum" -> ingangsdatum = eenmaal(ingangsdatum, p + "/Ingangsdatum");
                    case "Einddatum" -> einddatum = eenmaal(einddatum, p + "/Einddatum");
                    case "RedenWijziging" -> redenWijziging = eenmaal(redenWijziging, p + "/RedenWijziging");
                    default -> overslaan();
                }
            }
            nummer = toewijzingNummer(verplicht(nummer, p + "/ToewijzingNummer"));
            LocalDate toegewezenOp =
                    datum(verplicht(toewijzingsdatum, p + "/Toewijzingsdatum"), p + "/Toewijzingsdatum");
            LocalTime toegewezenOm = tijd(verplicht(toewijzingstijd, p + "/Toewijzingstijd"), p + "/Toewijzingstijd");
            LocalDate ingang = datum(verplicht(ingangsdatum, p + "/Ingangsdatum"), p + "/Ingangsdatum");
            LocalDate einde = einddatum == null ? null : datum(einddatum, p + "/Einddatum");
            if (einde != null && einde.isBefore(ingang)) {
                throw fout(Foutcode.DATUM_ONGELDIG, "Einddatum " + einde + " ligt voor Ingangsdatum " + ingang
                        + " in " + p);
            }
            if (redenWijziging != null) {
                code(Codelijst.REDEN_WIJZIGING, redenWijziging, p + "/RedenWijziging");
            }
            return new Toewijzing(nummer, product == null ? Product.GEEN : product, toegewezenOp, toegewezenOm,
                    ingang, einde, redenWijziging);
        }

        private Levering leesLevering() throws XMLStreamException, IjwFout {
            String p = productNaam;
            boolean stop = soort == BerichtSoort.JW307;
            String nummer = null;
            Product product = null;
            String toewijzingIngangsdatum = null;
            String begindatum = null;
            String einddatum = null;
            String redenBeeindiging = null;
            String status = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "ToewijzingNummer" -> nummer = eenmaal(nummer, p + "/ToewijzingNummer");
                    case "Product" -> product = leesCodering(product, p + "/Product");
                    case "ToewijzingIngangsdatum" ->
                            toewijzingIngangsdatum = eenmaal(toewijzingIngangsdatum, p + "/ToewijzingIngangsdatum");
                    case "Begindatum" -> begindatum = eenmaal(begindatum, p + "/Begindatum");
                    case "Einddatum" -> {
                        if (stop) {
                            einddatum = eenmaal(einddatum, p + "/Einddatum");
                        } else {
                            overslaan();
                        }
                    }
                    case "RedenBeeindiging" -> {
                        if (stop) {
                            redenBeeindiging = eenmaal(redenBeeindiging, p + "/RedenBeeindiging");
                        } else {
                            overslaan();
                        }
                    }
                    case "StatusAanlevering" -> status = eenmaal(status, p + "/StatusAanlevering");
                    default -> overslaan();
                }
            }
            // ToewijzingNummer is optional in the schema: care without an allocation is started and stopped too.
            if (nummer != null) {
                nummer = toewijzingNummer(verplicht(nummer, p + "/ToewijzingNummer"));
            }
            LocalDate toewijzingIngang = toewijzingIngangsdatum == null ? null
                    : datum(toewijzingIngangsdatum, p + "/ToewijzingIngangsdatum");
            LocalDate begin = datum(verplicht(begindatum, p + "/Begindatum"), p + "/Begindatum");
            LocalDate einde = null;
            if (stop) {
                code(Codelijst.REDEN_BEEINDIGING, verplicht(redenBeeindiging, p + "/RedenBeeindiging"),
                        p + "/RedenBeeindiging");
                einde = datum(verplicht(einddatum, p + "/Einddatum"), p + "/Einddatum");
                if (einde.isBefore(begin)) {
                    throw fout(Foutcode.DATUM_ONGELDIG, "Einddatum " + einde + " ligt voor Begindatum " + begin
                            + " in " + p);
                }
            }
            code(Codelijst.STATUS_AANLEVERING, verplicht(status, p + "/StatusAanlevering"), p + "/StatusAanlevering");
            return new Levering(nummer, product == null ? Product.GEEN : product, toewijzingIngang, begin, einde,
                    redenBeeindiging, status);
        }

        /** The schema gives a referrer per requested product; rule 9 looks it up per (youth, aanbieder, product). */
        private void leesAangevraagdProduct() throws XMLStreamException, IjwFout {
            String p = productNaam;
            Product product = null;
            String type = null;
            boolean verwijzerGelezen = false;
            String beschikkingIngangsdatum = null;
            String toewijzingIngangsdatum = null;
            String toewijzingEinddatum = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "Product" -> product = leesCodering(product, p + "/Product");
                    case "BeschikkingIngangsdatum" -> beschikkingIngangsdatum =
                            eenmaal(beschikkingIngangsdatum, p + "/BeschikkingIngangsdatum");
                    case "ToewijzingIngangsdatum" -> toewijzingIngangsdatum =
                            eenmaal(toewijzingIngangsdatum, p + "/ToewijzingIngangsdatum");
                    case "ToewijzingEinddatum" -> toewijzingEinddatum =
                            eenmaal(toewijzingEinddatum, p + "/ToewijzingEinddatum");
                    case "Verwijzer" -> {
                        if (verwijzerGelezen) {
                            throw dubbel(p + "/Verwijzer");
                        }
                        verwijzerGelezen = true;
                        type = leesEnkelKind("Type", p + "/Verwijzer");
                    }
                    default -> overslaan();
                }
            }
            // The hub does not use these dates, but a request with an impossible period is not a valid request.
            if (beschikkingIngangsdatum != null) {
                datum(beschikkingIngangsdatum, p + "/BeschikkingIngangsdatum");
            }
            LocalDate ingang = toewijzingIngangsdatum == null ? null
                    : datum(toewijzingIngangsdatum, p + "/ToewijzingIngangsdatum");
            LocalDate einde = toewijzingEinddatum == null ? null
                    : datum(toewijzingEinddatum, p + "/ToewijzingEinddatum");
            if (ingang != null && einde != null && einde.isBefore(ingang)) {
                throw fout(Foutcode.DATUM_ONGELDIG, "ToewijzingEinddatum " + einde + " ligt voor ToewijzingIngangsdatum "
                        + ingang + " in " + p);
            }
            code(Codelijst.VERWIJZER_TYPE, verplicht(type, p + "/Verwijzer/Type"), p + "/Verwijzer/Type");
            verzochteProducten.add(new VerzochtProduct(product == null ? Product.GEEN : product, type));
        }

        /** CDT_Product: a required 2-digit Categorie and an optional Code of 1 to 5 characters. */
        private Product leesCodering(Product eerder, String pad) throws XMLStreamException, IjwFout {
            if (eerder != null) {
                throw dubbel(pad);
            }
            String categorie = null;
            String code = null;
            while (volgendKind()) {
                switch (r.getLocalName()) {
                    case "Categorie" -> categorie = eenmaal(categorie, pad + "/Categorie");
                    case "Code" -> code = eenmaal(code, pad + "/Code");
                    default -> overslaan();
                }
            }
            // Unknown categories pass: regions use whatever the schema allows, the code list only describes.
            if (!cijfers(verplicht(categorie, pad + "/Categorie"), 2)) {
                throw fout(Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '" + toon(categorie) + "' in " + pad
                        + "/Categorie: een productcategorie bestaat uit 2 cijfers");
            }
            if (code != null && !isProductcode(code)) {
                throw fout(Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '" + toon(code) + "' in " + pad
                        + "/Code: een productcode bestaat uit 1 tot 5 tekens");
            }
            return new Product(categorie, code);
        }

        // ---- values

        private String verplicht(String waarde, String pad) throws IjwFout {
            if (waarde == null) {
                throw ontbreekt(pad);
            }
            if (waarde.isEmpty()) {
                throw fout(Foutcode.VELD_ONTBREEKT, "Verplicht element " + pad + " is leeg");
            }
            return waarde;
        }

        /**
         * LDT_Nummer is an xs:integer, so "12345", "012345" and "+12345" are one allocation: a number is kept in its
         * canonical form, or the hub would link a start to no allocation and a removal would miss the allocation.
         * A minus only fits zero ("-0" is 0, within minInclusive 0). Any other value stays as written; the schema
         * check reports it.
         */
        private String toewijzingNummer(String waarde) {
            int begin = waarde.startsWith("+") || waarde.startsWith("-") ? 1 : 0;
            if (waarde.length() == begin || !alleenCijfers(waarde, begin, waarde.length())) {
                return waarde;
            }
            if (waarde.startsWith("-")) {
                return alleenNullen(waarde, 1) ? "0" : waarde;
            }
            int eersteCijfer = begin;
            while (eersteCijfer < waarde.length() - 1 && waarde.charAt(eersteCijfer) == '0') {
                eersteCijfer++;
            }
            return waarde.substring(eersteCijfer);
        }

        private void code(Codelijst lijst, String waarde, String pad) throws IjwFout {
            if (!codelijsten.bevat(lijst, waarde)) {
                throw fout(Foutcode.VELD_ONTBREEKT, "Ongeldige waarde '" + toon(waarde) + "' in " + pad
                        + ": deze code komt niet voor in de codelijst van de standaard");
            }
        }

        /**
         * A birth date is personal data: unlike other values it is not repeated in the reason. In the four messages an
         * element named Datum is only ever the date of a Geboortedatum, so the name decides, wherever the sender put it.
         */
        private LocalDate datum(String waarde, String pad) throws IjwFout {
            LocalDate datum = datumOfNull(waarde);
            if (datum != null) {
                return datum;
            }
            boolean geboortedatum = pad.endsWith("/Datum") || pad.equals("Datum")
                    || pad.toLowerCase(Locale.ROOT).contains("geboortedatum");
            String getoond = geboortedatum ? "Datum" : "Datum '" + toon(waarde) + "'";
            throw fout(Foutcode.DATUM_ONGELDIG, getoond + " in " + pad + (buitenBereik(waarde)
                    ? " ligt buiten het bereik dat de hub verwerkt (jaar 0001 tot en met 9999)"
                    : " is geen geldige datum (verwacht JJJJ-MM-DD)"));
        }

        /**
         * xs:date as LDT_Datum restricts it (no time zone), within the years 0001 to 9999: JJJJ-MM-DD with a day
         * that exists.
         */
        private LocalDate datumOfNull(String waarde) {
            if (waarde.length() != 10 || waarde.charAt(4) != '-' || waarde.charAt(7) != '-') {
                return null;
            }
            int jaar = getal(waarde, 0, 4);
            int maand = getal(waarde, 5, 7);
            int dag = getal(waarde, 8, 10);
            if (jaar < 1 || maand < 0 || dag < 0) {
                return null;
            }
            try {
                return LocalDate.of(jaar, maand, dag);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /**
         * A date written as xs:date allows (or year 0000, which XSD 1.0 lacks) whose year lies outside 0001-9999:
         * a minus sign, five or more digits, or 0000. This is the one place the parser is deliberately stricter than
         * the XSD. The hub stores dates in PostgreSQL, which cannot take such a year in the form the hub writes it
         * ({@code LocalDate.toString()} gives "+12345-01-01", "-0001-01-01" or "0000-01-01"), so one such date
         * would fail the whole batch it is stored in and park the message with a reason that says nothing, while
         * the database's error quotes the value. Refusing it here names the element instead. No youth-care date
         * lies outside these years, so no real message is lost.
         */
        private boolean buitenBereik(String waarde) {
            int begin = waarde.startsWith("-") ? 1 : 0;
            int jaarEinde = waarde.indexOf('-', begin);
            int jaarCijfers = jaarEinde - begin;
            if (jaarCijfers < 4 || waarde.length() != jaarEinde + 6 || waarde.charAt(jaarEinde + 3) != '-'
                    || !alleenCijfers(waarde, begin, jaarEinde)) {
                return false;
            }
            int maand = getal(waarde, jaarEinde + 1, jaarEinde + 3);
            int dag = getal(waarde, jaarEinde + 4, jaarEinde + 6);
            boolean vormVanEenDatum = maand >= 1 && maand <= 12 && dag >= 1 && dag <= 31;
            return vormVanEenDatum && (begin == 1 || jaarCijfers > 4 || alleenNullen(waarde.substring(0, 4), 0));
        }

        /**
         * xs:time as LDT_Tijd restricts it (no time zone): HH:MM:SS with an optional fraction of any length (the
         * hub keeps nanoseconds), and 24:00:00 for the end of the day ({@link #EINDE_VAN_DE_DAG}).
         */
        private LocalTime tijd(String waarde, String pad) throws IjwFout {
            LocalTime tijd = null;
            if (waarde.length() >= 8 && waarde.charAt(2) == ':' && waarde.charAt(5) == ':') {
                int uur = getal(waarde, 0, 2);
                int minuut = getal(waarde, 3, 5);
                int seconde = getal(waarde, 6, 8);
                int nano = fractie(waarde);
                if (uur == 24 && minuut == 0 && seconde == 0 && nano == 0 && alleenNullen(waarde, 9)) {
                    tijd = EINDE_VAN_DE_DAG;
                } else if (uur >= 0 && minuut >= 0 && seconde >= 0 && nano >= 0) {
                    try {
                        tijd = LocalTime.of(uur, minuut, seconde, nano);
                    } catch (DateTimeException e) {
                        tijd = null;
                    }
                }
            }
            if (tijd == null) {
                throw fout(Foutcode.DATUM_ONGELDIG, "Tijd '" + toon(waarde) + "' in " + pad
                        + " is geen geldige tijd (verwacht UU:MM:SS)");
            }
            return tijd;
        }

        /** The nanoseconds of an optional ".fff…" after HH:MM:SS (digits beyond the ninth dropped); -1 if malformed. */
        private int fractie(String waarde) {
            if (waarde.length() == 8) {
                return 0;
            }
            if (waarde.charAt(8) != '.' || waarde.length() == 9 || !alleenCijfers(waarde, 9, waarde.length())) {
                return -1;
            }
            int cijfers = Math.min(waarde.length() - 9, 9);
            int getal = getal(waarde, 9, 9 + cijfers);
            for (int i = cijfers; i < 9; i++) {
                getal *= 10;
            }
            return getal;
        }

        private boolean alleenNullen(String waarde, int van) {
            for (int i = van; i < waarde.length(); i++) {
                if (waarde.charAt(i) != '0') {
                    return false;
                }
            }
            return true;
        }

        private IjwFout ontbreekt(String pad) {
            return fout(Foutcode.VELD_ONTBREEKT, "Verplicht element " + pad + " ontbreekt");
        }

        private IjwFout dubbel(String pad) {
            return fout(Foutcode.VELD_ONTBREEKT, "Element " + pad + " komt meer dan één keer voor");
        }

        private IjwBericht bouw() throws IjwFout {
            if (!headerGelezen) {
                throw ontbreekt("Header");
            }
            if (client == null) {
                throw ontbreekt("Client");
            }
            if (toewijzingen.isEmpty() && leveringen.isEmpty() && verzochteProducten.isEmpty()) {
                throw fout(Foutcode.VELD_ONTBREEKT, "Verplicht element " + lijstNaam + "/" + productNaam
                        + " ontbreekt: het bericht bevat geen enkel product");
            }
            return new IjwBericht(soort, versie, new BerichtIdentiteit(afzender, identificatie, dagtekening),
                    afzender, ontvanger, client, toewijzingen, leveringen, verzochteProducten);
        }
    }
}
