package nl.procesregie.hub.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import nl.procesregie.hub.testinfra.Xsd;

/**
 * The schema check of 3.2 messages: Dutch deviations that name the element path and never its value, and the three
 * settings of {@code HUB_XSD_CONTROLE} in the one reading entry point.
 */
class SchemaControleTest {

    static String geldig;
    final SchemaControle controle = new SchemaControle();

    @BeforeAll
    static void laad() throws Exception {
        geldig = bron("ijw/schema/jw301-geldig.xml");
        // The fixture's validity is proven by the JDK's own validator, not by the class under test.
        assertEquals(List.of(), new Xsd().fouten(geldig.getBytes(StandardCharsets.UTF_8)));
    }

    static String bron(String pad) throws IOException {
        try (InputStream in = SchemaControleTest.class.getClassLoader().getResourceAsStream(pad)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code xml} with the first {@code oud} replaced; the fixture must hold it. */
    static String met(String xml, String oud, String nieuw) {
        int i = xml.indexOf(oud);
        assertTrue(i >= 0, "fixture holds " + oud);
        return xml.substring(0, i) + nieuw + xml.substring(i + oud.length());
    }

    SchemaControle.Uitslag controleer(String xml) {
        return controle.controleer(bytes(xml));
    }

    @Test
    void aValidMessageHasNoDeviation() {
        SchemaControle.Uitslag u = controleer(geldig);
        assertTrue(u.isGeldig(), u.afwijkingen().toString());
        assertEquals(List.of(), u.afwijkingen());
    }

    @Test
    void anElementOutOfOrderNamesTheElementAndItsParent() {
        String xml = met(geldig, "<Geslacht>2</Geslacht>", "");
        xml = met(xml, "<Geboortedatum>", "<Geslacht>2</Geslacht>\n    <Geboortedatum>");
        // Now: Bsn, Geslacht, Geboortedatum, Naam.
        SchemaControle.Uitslag u = controleer(xml);
        assertFalse(u.isGeldig());
        assertEquals("element Geslacht staat op een plaats waar het iJw 3.2-schema het niet toestaat (Client)",
                u.afwijkingen().get(0));
    }

    @Test
    void aPatternViolationNamesThePathAndNotTheValue() {
        SchemaControle.Uitslag u = controleer(met(geldig, "<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<"));
        assertEquals(List.of("Client/Naam/Voorletters voldoet niet aan het patroon van het iJw 3.2-schema"),
                u.afwijkingen(), "one deviation: Xerces' follow-up on the same element is not a second one");
        assertEquals(1, u.aantal());
        assertFalse(u.samenvatting().contains("S.Y."));
    }

    /** A name the schemas do not know is the sender's text (here a surname after a stray tag): never repeated. */
    @Test
    void anUnknownElementIsToldWhereItStandsButNotNamed() {
        SchemaControle.Uitslag u = controleer(met(geldig, "<Geslacht>2</Geslacht>",
                "<Geslacht>2</Geslacht><Pietersen>38</Pietersen>"));
        assertEquals("een onbekend element staat op een plaats waar het iJw 3.2-schema het niet toestaat (Client)",
                u.afwijkingen().get(0));
        assertFalse(u.samenvatting().contains("38") || u.samenvatting().contains("Pietersen"), u.samenvatting());
    }

    @Test
    void aValueOverItsMaximumLengthNamesThePathAndNotTheValue() {
        String lang = "Vandenbroeckeverhagenhuizen".repeat(8);
        SchemaControle.Uitslag u = controleer(met(geldig, "<ijw:Achternaam>Dijk<", "<ijw:Achternaam>" + lang + "<"));
        assertEquals(List.of("Client/Naam/Geslachtsnaam/Achternaam is langer dan het iJw 3.2-schema toestaat"),
                u.afwijkingen());
        assertFalse(u.samenvatting().contains("Vandenbroecke"));
    }

    @Test
    void aBsnFieldOutOfItsSchemaNeverShowsItsDigits() {
        SchemaControle.Uitslag u = controleer(met(geldig, "<Bsn>999900006</Bsn>", "<Bsn>1999900006</Bsn>"));
        assertFalse(u.isGeldig());
        assertTrue(u.afwijkingen().stream().allMatch(a -> a.startsWith("Client/Bsn ")), u.afwijkingen().toString());
        assertFalse(u.samenvatting().matches(".*\\d{4,}.*"), u.samenvatting());
    }

    @Test
    void aMissingRequiredElementNamesTheIncompleteElement() {
        SchemaControle.Uitslag u = controleer(met(geldig, "<ijw:NaamGebruik>1</ijw:NaamGebruik>", ""));
        assertEquals(List.of("Client/Naam is onvolledig: er ontbreekt een element dat het iJw 3.2-schema verplicht "
                + "stelt"), u.afwijkingen());
    }

    @Test
    void severalDeviationsAreSummarisedByTheFirstAndHowManyMore() {
        String xml = met(geldig, "<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<");
        xml = met(xml, "<Geslacht>2</Geslacht>", "<Geslacht>2</Geslacht><Schoenmaat>38</Schoenmaat>");
        xml = met(xml, "<ijw:Postcode>3512PH<", "<ijw:Postcode>3512 PH<");
        SchemaControle.Uitslag u = controleer(xml);
        assertEquals(u.afwijkingen().size(), u.aantal());
        assertTrue(u.aantal() >= 2, u.afwijkingen().toString());
        assertEquals(u.afwijkingen().get(0) + " (en nog " + (u.aantal() - 1) + " afwijking"
                + (u.aantal() == 2 ? ")" : "en)"), u.samenvatting());
    }

    /** The fixture with many different deviations before its product, and that product {@code keer} times. */
    static String veelAfwijkingenEnProducten(int keer) {
        String xml = geldig;
        for (String element : List.of("BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger",
                "ijw:Identificatie", "ijw:Dagtekening", "ijw:BasisschemaXsdVersie", "ijw:BerichtXsdVersie", "Bsn",
                "ijw:Datum", "Geslacht", "ijw:Achternaam", "ijw:Voorletters", "ijw:NaamGebruik", "Soort")) {
            int begin = xml.indexOf("<" + element + ">") + element.length() + 2;
            xml = xml.substring(0, begin) + "%".repeat(300) + xml.substring(xml.indexOf("</" + element + ">"));
        }
        String product = xml.substring(xml.indexOf("<ToegewezenProduct>"),
                xml.indexOf("</ToegewezenProduct>") + "</ToegewezenProduct>".length());
        // The same deviation in every copy: one text, however often it occurs.
        String fout = met(product, "<ReferentieAanbieder>REF-17<", "<ReferentieAanbieder>" + "R".repeat(300) + "<");
        return xml.replace(product, fout.repeat(keer));
    }

    @Test
    void aDeviationRepeatedAfterTheDescribedOnesIsCountedOnce() {
        SchemaControle.Uitslag een = controleer(veelAfwijkingenEnProducten(1));
        SchemaControle.Uitslag vijf = controleer(veelAfwijkingenEnProducten(5));
        assertTrue(een.aantal() > SchemaControle.MAX_BESCHREVEN, een.toString());
        assertEquals(SchemaControle.MAX_BESCHREVEN, een.afwijkingen().size());
        assertEquals(een.aantal(), vijf.aantal(), "a repeat is the same deviation, also past the described ones");
        assertEquals(een.afwijkingen(), vijf.afwijkingen());
        assertTrue(vijf.samenvatting().endsWith(" (en nog " + (een.aantal() - 1) + " afwijkingen)"),
                vijf.samenvatting());
    }

    @Test
    void theCheckIsReusableAfterADeviationAndSafeAcrossThreads() throws Exception {
        byte[] fout = bytes(met(geldig, "<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<"));
        byte[] goed = bytes(geldig);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> uitkomsten = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean geldigVerwacht = i % 2 == 0;
                uitkomsten.add(pool.submit(() -> controle.controleer(geldigVerwacht ? goed : fout).isGeldig()
                        == geldigVerwacht));
            }
            for (Future<Boolean> u : uitkomsten) {
                assertTrue(u.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSetupThatCannotCheckStopsTheConstructionNotTheFirstMessage() {
        Schema kapot = new Schema() {
            @Override
            public Validator newValidator() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ValidatorHandler newValidatorHandler() {
                throw new UnsupportedOperationException("geen validator");
            }
        };
        assertThrows(IllegalStateException.class, () -> new SchemaControle(kapot));
    }

    @Test
    void aFailureOfTheCheckItselfIsThrownAndNotBlamedOnTheMessage() {
        // The parser reads a message before the check, so a document its reader cannot read means the two readers
        // disagree: the hub's fault, thrown as a processing failure, and not a deviation that parks the message.
        String bsn = "999900006";
        String afgebroken = "<Bericht><Bsn>" + bsn + "</Bsn><Geboortedatum>2012-05-17";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> controleer(afgebroken));
        assertTrue(e.getMessage().startsWith("De schemacontrole is mislukt door een fout in de hub: "), e.getMessage());
        assertFalse(e.getMessage().contains(bsn) || e.getMessage().contains("2012"), e.getMessage());
        assertNull(e.getCause(), "a Xerces exception's text may quote the document");
        // The thread's broken reader was dropped: the next message is checked by a fresh one.
        assertTrue(controleer(geldig).isGeldig());
    }

    @Test
    void xsiSchemaLocationFetchesNothing() {
        String xml = met(geldig, "xmlns:ijw=", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema http://127.0.0.1:9/x.xsd\" "
                + "xmlns:ijw=");
        assertTrue(controleer(xml).isGeldig(), "only the bundled schema counts; the hint is ignored");
    }

    // ---- the reading entry point

    static IjwInlezer inlezer(XsdControle c) {
        return new IjwInlezer(new IjwParser(), c, 1_000_000, gemeente -> gemeente.equals("0344"));
    }

    static final String VOORLETTERS_FOUT =
            "Client/Naam/Voorletters voldoet niet aan het patroon van het iJw 3.2-schema";

    @Test
    void meldenReadsADeviatingMessageAndSaysHowItDeviates() throws Exception {
        IjwInlezer.Gelezen g = inlezer(XsdControle.MELDEN).lees(bytes(met(geldig, "<ijw:Voorletters>JP<",
                "<ijw:Voorletters>S.Y.<")));
        assertEquals(BerichtSoort.JW301, g.bericht().soort());
        assertEquals(Optional.of(VOORLETTERS_FOUT), g.schemaafwijking());
        assertEquals(Optional.empty(), inlezer(XsdControle.MELDEN).lees(bytes(geldig)).schemaafwijking());
    }

    @Test
    void strengRefusesADeviatingMessageAsSchemaOngeldigWithItsDutchReason() throws Exception {
        IjwFout f = assertThrows(IjwFout.class, () -> inlezer(XsdControle.STRENG).lees(bytes(met(geldig,
                "<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<"))));
        assertEquals(Foutcode.SCHEMA_ONGELDIG, f.code());
        assertEquals("Het bericht voldoet niet aan het iJw 3.2-schema: " + VOORLETTERS_FOUT, f.reden());
        assertEquals(BerichtSoort.JW301, inlezer(XsdControle.STRENG).lees(bytes(geldig)).bericht().soort());
    }

    @Test
    void uitDoesNotCheck() throws Exception {
        IjwInlezer.Gelezen g = inlezer(XsdControle.UIT).lees(bytes(met(geldig, "<ijw:Voorletters>JP<",
                "<ijw:Voorletters>S.Y.<")));
        assertEquals(Optional.empty(), g.schemaafwijking());
    }

    @Test
    void theParsersOwnFaultTakesPrecedence() {
        // An eleven-test failure and a schema deviation in one message: the parser's finding is the more precise.
        String xml = met(met(geldig, "<Bsn>999900006</Bsn>", "<Bsn>999900007</Bsn>"), "<ijw:Voorletters>JP<",
                "<ijw:Voorletters>S.Y.<");
        IjwFout f = assertThrows(IjwFout.class, () -> inlezer(XsdControle.STRENG).lees(bytes(xml)));
        assertEquals(Foutcode.BSN_ONGELDIG, f.code());
    }

    @Test
    void anOlderReleaseIsReadWithoutTheCheck() throws Exception {
        String drieNul = met(geldig, "<BerichtSubversie>2<", "<BerichtSubversie>0<").replace("/ijw/3_2/", "/ijw/3_0/");
        String afwijkend = met(drieNul, "<ijw:Voorletters>JP<", "<ijw:Voorletters>S.Y.<");
        IjwInlezer.Gelezen g = inlezer(XsdControle.STRENG).lees(bytes(afwijkend));
        assertEquals("3_0", g.bericht().versie());
        assertEquals(Optional.empty(), g.schemaafwijking());
    }

    @Test
    void anUnknownGemeenteAndSizeAreRefusedByTheSameEntryPoint() {
        IjwFout onbekend = assertThrows(IjwFout.class, () -> new IjwInlezer(new IjwParser(), XsdControle.MELDEN,
                1_000_000, g -> false).lees(bytes(geldig)));
        assertEquals(Foutcode.GEMEENTE_ONBEKEND, onbekend.code());
        IjwFout groot = assertThrows(IjwFout.class, () -> new IjwInlezer(new IjwParser(), XsdControle.MELDEN,
                100, g -> true).lees(bytes(geldig)));
        assertEquals(Foutcode.TE_GROOT, groot.code());
        IjwFout leeg = assertThrows(IjwFout.class, () -> inlezer(XsdControle.MELDEN).lees(new byte[0]));
        assertEquals(Foutcode.XML_ONGELDIG, leeg.code());
        IjwFout parserLeeg = assertThrows(IjwFout.class, () -> new IjwParser().parse(new byte[0]));
        assertEquals(parserLeeg.reden(), leeg.reden(), "one reason for an empty message, the parser's");
        IjwFout nul = assertThrows(IjwFout.class, () -> inlezer(XsdControle.MELDEN).lees(null));
        assertEquals(parserLeeg.reden(), nul.reden());
    }
}
