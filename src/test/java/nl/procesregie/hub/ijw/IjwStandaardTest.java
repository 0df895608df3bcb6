package nl.procesregie.hub.ijw;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages written from the iJw 3.2 XSDs (see {@link StandaardBericht}), each validated against the XSDs before it is
 * parsed: whatever the standard allows in a field the parser reads, the parser reads.
 */
class IjwStandaardTest {

    /** Product codes of 1 to 5 characters: letters and digits, and any other characters LDT_ProductCode allows. */
    private static final List<String> CODES_GEWOON = List.of("7", "YS", "YS1", "YS1U", "43A03");
    private static final List<String> CODES_BIJZONDER = List.of("é", "4-", "a b", "Ä.1/", "ÿ 2_#");

    private final IjwParser parser = new IjwParser();

    enum Lengte { MINIMAAL, MAXIMAAL }

    static Stream<Arguments> berichten() {
        Stream.Builder<Arguments> alle = Stream.builder();
        for (BerichtSoort soort : BerichtSoort.values()) {
            for (int i = 0; i < CODES_GEWOON.size(); i++) {
                alle.add(arguments(soort, CODES_GEWOON.get(i), Lengte.MINIMAAL));
                alle.add(arguments(soort, CODES_GEWOON.get(i), Lengte.MAXIMAAL));
                alle.add(arguments(soort, CODES_BIJZONDER.get(i), Lengte.MAXIMAAL));
            }
        }
        return alle.build();
    }

    /** Every optional element the parser reads, at the minimum or maximum length the XSD gives it. */
    @ParameterizedTest(name = "{0} code ''{1}'' {2}")
    @MethodSource("berichten")
    void volledigBerichtMetProductcodeVanEenTotVijfTekens(BerichtSoort soort, String code, Lengte lengte)
            throws IjwFout {
        boolean max = lengte == Lengte.MAXIMAAL;
        StandaardBericht b = new StandaardBericht(soort);
        b.overigeOptionele = true;
        b.identificatie = max ? "123456789012" : "7";
        b.voorletters = max ? "JPKLMÉ" : "J";
        b.categorie = "45";
        b.code = code;
        b.toewijzingNummer = max ? "999999999" : "0";
        b.toewijzingstijd = max ? "24:00:00" : "00:00:00";
        b.einddatum = max ? "9999-12-31" : b.ingangsdatum;
        b.redenWijziging = max ? "14" : "01";
        b.toewijzingIngangsdatum = "2026-02-01";
        b.beschikkingIngangsdatum = "2026-01-15";
        b.toewijzingEinddatum = max ? "9999-12-31" : b.toewijzingIngangsdatum;
        b.redenBeeindiging = max ? "39" : "02";
        b.statusAanlevering = max ? "9" : "1";
        b.verwijzerType = max ? "08" : "01";

        IjwBericht bericht = parser.parse(b.xml());

        assertEquals(soort, bericht.soort());
        assertEquals("3_2", bericht.versie());
        assertEquals(b.identificatie, bericht.identiteit().identificatie());
        assertEquals(LocalDate.of(2026, 3, 2), bericht.identiteit().dagtekening());
        assertEquals(new Client("999900006", LocalDate.of(2014, 5, 17), b.voorletters), bericht.client());
        Product product = new Product("45", code);
        switch (soort) {
            case JW301 -> assertEquals(List.of(new Toewijzing(b.toewijzingNummer, product,
                    LocalDate.of(2026, 2, 27), max ? IjwParser.EINDE_VAN_DE_DAG : LocalTime.MIDNIGHT,
                    LocalDate.of(2026, 3, 1), max ? LocalDate.of(9999, 12, 31) : LocalDate.of(2026, 3, 1),
                    b.redenWijziging)), bericht.toewijzingen());
            case JW305 -> assertEquals(List.of(new Levering(b.toewijzingNummer, product, LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 3, 4), null, null, b.statusAanlevering)), bericht.leveringen());
            case JW307 -> assertEquals(List.of(new Levering(b.toewijzingNummer, product, LocalDate.of(2026, 2, 1),
                    LocalDate.of(2026, 3, 4), LocalDate.of(2026, 8, 30), b.redenBeeindiging, b.statusAanlevering)),
                    bericht.leveringen());
            case JW315 -> assertEquals(List.of(new VerzochtProduct(product, b.verwijzerType)),
                    bericht.verzochteProducten());
        }
    }

    /** Without any optional element: what the XSD leaves out, the parser does not demand. */
    @ParameterizedTest
    @EnumSource(BerichtSoort.class)
    void zonderOptioneleElementen(BerichtSoort soort) throws IjwFout {
        StandaardBericht b = new StandaardBericht(soort);
        if (soort == BerichtSoort.JW305 || soort == BerichtSoort.JW307) {
            assertNull(b.toewijzingNummer, "ToewijzingNummer is optional in " + soort);
        }

        IjwBericht bericht = parser.parse(b.xml());

        assertNull(bericht.client().voorletters());
        switch (soort) {
            case JW301 -> {
                Toewijzing t = bericht.toewijzingen().get(0);
                assertEquals(Product.GEEN, t.product());
                assertNull(t.einddatum());
                assertNull(t.redenWijziging());
            }
            case JW305, JW307 -> {
                Levering l = bericht.leveringen().get(0);
                assertNull(l.toewijzingNummer());
                assertEquals(Product.GEEN, l.product());
                assertNull(l.toewijzingIngangsdatum());
            }
            case JW315 -> assertEquals(Product.GEEN, bericht.verzochteProducten().get(0).product());
        }
    }

    /** Product without Code: Categorie alone, as CDT_Product allows. */
    @ParameterizedTest
    @EnumSource(BerichtSoort.class)
    void productZonderCode(BerichtSoort soort) throws IjwFout {
        StandaardBericht b = new StandaardBericht(soort);
        b.categorie = "54";

        IjwBericht bericht = parser.parse(b.xml());

        Product product = switch (soort) {
            case JW301 -> bericht.toewijzingen().get(0).product();
            case JW305, JW307 -> bericht.leveringen().get(0).product();
            case JW315 -> bericht.verzochteProducten().get(0).product();
        };
        assertEquals(new Product("54", null), product);
    }

    @Test
    void eenTijdMetEenFractieVanMeerDanNegenCijfers() throws IjwFout {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW301);
        b.toewijzingstijd = "09:15:30.123456789012";

        LocalTime tijd = parser.parse(b.xml()).toewijzingen().get(0).toewijzingstijd();

        assertEquals(LocalTime.of(9, 15, 30, 123_456_789), tijd);
    }

    /**
     * No reason quotes a Bsn element's value, whatever is wrong with it. The values fail the eleven-test, so masking
     * would not hide them: only not quoting them does.
     */
    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678", "1234567890", "12345678X", "123 456 789", "",
        "123456789</Bsn><Bsn>123456789", "<b>123456789</b>", "123456789<!-- x -->1"})
    void eenBsnWordtNooitGeciteerd(String bsn) {
        StandaardBericht b = new StandaardBericht(BerichtSoort.JW305);
        String xml = b.tekst().replace("<Bsn>999900006</Bsn>", "<Bsn>" + bsn + "</Bsn>");

        IjwFout fout = assertThrows(IjwFout.class, () -> parser.parse(xml.getBytes(UTF_8)));

        for (String deel : List.of("123", "456", "789", "12345678X")) {
            assertFalse(fout.reden().contains(deel), fout.reden());
        }
    }

    /**
     * LDT_Nummer is an xs:integer: "12345", "012345" and "+12345" are one number to the standard, so they must be one
     * allocation to the hub, or a start would not find its allocation and a removal would not void it.
     */
    @ParameterizedTest
    @EnumSource(value = BerichtSoort.class, names = {"JW301", "JW305", "JW307"})
    void elkeSchrijfwijzeVanEenToewijzingNummerIsHetzelfdeGetal(BerichtSoort soort) throws IjwFout {
        for (String schrijfwijze : List.of("12345", "012345", "+12345", "+0000012345", " 012345\n")) {
            assertEquals("12345", toewijzingNummer(soort, schrijfwijze, true), schrijfwijze);
        }
        for (String nul : List.of("0", "000", "+0", "+000")) {
            assertEquals("0", toewijzingNummer(soort, nul, true), nul);
        }
        assertEquals("999999999", toewijzingNummer(soort, "+000999999999", true));
    }

    /** The parser stays looser than the XSD here: what is not a plain number is kept as written. */
    @ParameterizedTest
    @ValueSource(strings = {"12a45", "-12345", "+", "++1", "1 2", "１２"})
    void eenToewijzingNummerDatGeenGetalIsBlijftZoalsHetIs(String waarde) throws IjwFout {
        for (BerichtSoort soort : List.of(BerichtSoort.JW301, BerichtSoort.JW305, BerichtSoort.JW307)) {
            assertEquals(waarde, toewijzingNummer(soort, waarde, false), soort.name());
        }
    }

    private String toewijzingNummer(BerichtSoort soort, String waarde, boolean geldigInDeXsd) throws IjwFout {
        StandaardBericht b = new StandaardBericht(soort);
        b.toewijzingNummer = waarde;
        assertEquals(geldigInDeXsd, b.volgtXsd(), waarde);
        IjwBericht bericht = parser.parse(b.tekst().getBytes(UTF_8));
        assertTrue(bericht.toewijzingen().size() + bericht.leveringen().size() == 1);
        return soort == BerichtSoort.JW301 ? bericht.toewijzingen().get(0).toewijzingNummer()
                : bericht.leveringen().get(0).toewijzingNummer();
    }
}
