package nl.procesregie.hub.it;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds iJw 3.2 messages for integration tests as plain text, independent of the parser under test, valid by the
 * official XSDs unless a test breaks them on purpose. Test BSNs only (999900006 … 999999990, eleven-test valid).
 *
 * <p>A test names its allocations as it likes ({@code T1}, {@code BOVEN3}); iJw's ToewijzingNummer is an integer of at
 * most nine digits (LDT_Nummer), so each distinct name gets a number of its own, the same one every time it is used
 * in this JVM. {@link #toewijzingNummer(String)} gives it for assertions on what the hub stored or mailed.
 */
public final class Berichten {

    private static final AtomicLong VOLGNUMMER = new AtomicLong(1);
    private static final String BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    private static final Map<String, String> NUMMERS = new ConcurrentHashMap<>();
    /** Nine digits from the first number on, so numbers sort as they were handed out, as text and as integers. */
    private static final AtomicLong VOLGEND_NUMMER = new AtomicLong(100_000_001L);

    /**
     * A distinct test BSN for each n (0 ≤ n < 990): the first eleven-test-valid number in a window of its own, so two
     * tests never share a youth by accident. Every 20 consecutive numbers hold a valid one.
     */
    public static String bsn(int n) {
        if (n < 0 || n >= 990) {
            throw new IllegalArgumentException("n buiten het testbereik: " + n);
        }
        for (long kandidaat = 999900006L + 100L * n; ; kandidaat++) {
            String s = Long.toString(kandidaat);
            int som = 0;
            for (int i = 0; i < 8; i++) {
                som += (9 - i) * (s.charAt(i) - '0');
            }
            som -= s.charAt(8) - '0';
            if (som % 11 == 0) {
                return s;
            }
        }
    }

    public static String identificatie() {
        return "IT-" + VOLGNUMMER.getAndIncrement();
    }

    /** The ToewijzingNummer the messages carry for the allocation a test calls {@code naam}. */
    public static String toewijzingNummer(String naam) {
        return NUMMERS.computeIfAbsent(naam, n -> Long.toString(VOLGEND_NUMMER.getAndIncrement()));
    }

    /**
     * @param nummer    the test's name of the allocation (see {@link #toewijzingNummer(String)}); null for a start
     *                  without an allocation
     * @param categorie null for no Product at all
     */
    public record Product(String nummer, String categorie, String code) {
    }

    public static byte[] toewijzing(String gemeente, String aanbieder, String bsn, LocalDate dagtekening, String identificatie,
                             String reden, Product... producten) {
        StringBuilder p = new StringBuilder();
        for (Product pr : producten) {
            p.append("<ToegewezenProduct><ToewijzingNummer>").append(toewijzingNummer(pr.nummer()))
                    .append("</ToewijzingNummer>");
            p.append(product(pr));
            p.append("<Toewijzingsdatum>").append(dagtekening).append("</Toewijzingsdatum>")
                    .append("<Toewijzingstijd>10:00:00</Toewijzingstijd>")
                    .append("<Ingangsdatum>").append(dagtekening).append("</Ingangsdatum>");
            if (reden != null) {
                p.append("<Einddatum>").append(dagtekening).append("</Einddatum>")
                        .append("<RedenWijziging>").append(reden).append("</RedenWijziging>");
            }
            p.append("<Omvang><ijw:Volume>1</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></Omvang>")
                    .append("</ToegewezenProduct>");
        }
        return bericht("jw301", "436", gemeente, aanbieder, bsn, dagtekening, identificatie,
                "<ToegewezenProducten>" + p + "</ToegewezenProducten>");
    }

    public static byte[] start(String gemeente, String aanbieder, String bsn, LocalDate dagtekening, String identificatie,
                        String status, Product pr, LocalDate begin) {
        String nummer = pr.nummer() == null ? ""
                : "<ToewijzingNummer>" + toewijzingNummer(pr.nummer()) + "</ToewijzingNummer>";
        String inhoud = "<StartProducten><StartProduct>" + nummer + product(pr) + "<ToewijzingIngangsdatum>" + begin + "</ToewijzingIngangsdatum><Begindatum>" + begin
                + "</Begindatum><StatusAanlevering>" + status + "</StatusAanlevering></StartProduct></StartProducten>";
        return bericht("jw305", "438", aanbieder, gemeente, bsn, dagtekening, identificatie, inhoud);
    }

    public static byte[] stop(String gemeente, String aanbieder, String bsn, LocalDate dagtekening, String identificatie,
                              String status, Product pr, LocalDate begin, LocalDate eind, String reden) {
        String inhoud = "<StopProducten><StopProduct><ToewijzingNummer>" + toewijzingNummer(pr.nummer())
                + "</ToewijzingNummer>"
                + product(pr) + "<ToewijzingIngangsdatum>" + begin + "</ToewijzingIngangsdatum><Begindatum>" + begin
                + "</Begindatum><RedenBeeindiging>" + reden + "</RedenBeeindiging><Einddatum>" + eind
                + "</Einddatum><StatusAanlevering>" + status + "</StatusAanlevering></StopProduct></StopProducten>";
        return bericht("jw307", "440", aanbieder, gemeente, bsn, dagtekening, identificatie, inhoud);
    }

    public static byte[] verzoek(String gemeente, String aanbieder, String bsn, LocalDate dagtekening, String identificatie,
                          String verwijzerType, Product pr) {
        String inhoud = "<AangevraagdeProducten><AangevraagdProduct><ReferentieAanbieder>R1</ReferentieAanbieder>"
                + product(pr) + "<ToewijzingIngangsdatum>" + dagtekening + "</ToewijzingIngangsdatum>"
                + "<Verwijzer><ijw:Type>" + verwijzerType + "</ijw:Type></Verwijzer></AangevraagdProduct>"
                + "</AangevraagdeProducten>";
        return bericht("jw315", "446", aanbieder, gemeente, bsn, dagtekening, identificatie, inhoud);
    }

    private static String product(Product pr) {
        if (pr.categorie() == null) {
            return "";
        }
        return "<Product><ijw:Categorie>" + pr.categorie() + "</ijw:Categorie>"
                + (pr.code() == null ? "" : "<ijw:Code>" + pr.code() + "</ijw:Code>") + "</Product>";
    }

    private static byte[] bericht(String soort, String code, String afzender, String ontvanger, String bsn,
                                  LocalDate dagtekening, String identificatie, String productLijst) {
        // Only the allocation has the full name (CDT_VolledigeNaam, with NaamGebruik) and the client's address.
        boolean toewijzing = soort.equals("jw301");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/" + soort + "/schema\" xmlns:ijw=\"" + BASIS + "\">"
                + "<Header><BerichtCode>" + code + "</BerichtCode><BerichtVersie>3</BerichtVersie>"
                + "<BerichtSubversie>2</BerichtSubversie><Afzender>" + afzender + "</Afzender><Ontvanger>" + ontvanger
                + "</Ontvanger><BerichtIdentificatie><ijw:Identificatie>" + identificatie + "</ijw:Identificatie>"
                + "<ijw:Dagtekening>" + dagtekening + "</ijw:Dagtekening></BerichtIdentificatie>"
                + "<XsdVersie><ijw:BasisschemaXsdVersie>1.2.0</ijw:BasisschemaXsdVersie>"
                + "<ijw:BerichtXsdVersie>1.2.0</ijw:BerichtXsdVersie></XsdVersie></Header>"
                + "<Client><Bsn>" + bsn + "</Bsn><Geboortedatum><ijw:Datum>2012-05-17</ijw:Datum></Geboortedatum>"
                + "<Geslacht>2</Geslacht><Naam><ijw:Geslachtsnaam><ijw:Achternaam>Test</ijw:Achternaam>"
                + "</ijw:Geslachtsnaam><ijw:Voorletters>JP</ijw:Voorletters>"
                + (toewijzing ? "<ijw:NaamGebruik>1</ijw:NaamGebruik></Naam>"
                        + "<Contactgegevens><Contact><Soort>01</Soort><Adres><ijw:Huis><ijw:Huisnummer>1</ijw:Huisnummer>"
                        + "</ijw:Huis><ijw:Postcode>3441AA</ijw:Postcode><ijw:Straatnaam>Teststraat</ijw:Straatnaam>"
                        + "<ijw:Plaatsnaam>Woerden</ijw:Plaatsnaam></Adres></Contact></Contactgegevens>"
                        : "</Naam>")
                + productLijst + "</Client></Bericht>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private Berichten() {
    }
}
