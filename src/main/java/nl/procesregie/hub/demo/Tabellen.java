package nl.procesregie.hub.demo;

import java.util.List;

/**
 * The demo feed's own picture of Utrecht West: its gemeenten (the codes of the bundled {@code utrecht-west.yaml}),
 * fictional providers with made-up AGB codes, product codes in the national format grouped by the kind of help, and
 * the code values the generator writes. Kept apart from the hub's code lists on purpose (see {@link TestBsn}).
 */
final class Tabellen {

    private Tabellen() {
    }

    /** A gemeente with a weight by its number of young inhabitants, and the postcodes and places of its addresses. */
    record Gemeente(String code, String naam, int gewicht, int postcodeVan, int postcodeTot, List<String> plaatsen) {
    }

    static final List<Gemeente> GEMEENTEN = List.of(
            new Gemeente("1904", "Stichtse Vecht", 33, 3600, 3632,
                    List.of("Maarssen", "Breukelen", "Loenen aan de Vecht")),
            new Gemeente("0736", "De Ronde Venen", 22, 3640, 3649, List.of("Mijdrecht", "Vinkeveen", "Abcoude")),
            new Gemeente("0632", "Woerden", 28, 3440, 3449, List.of("Woerden", "Harmelen", "Kamerik")),
            new Gemeente("0589", "Oudewater", 7, 3420, 3421, List.of("Oudewater", "Hekendorp")),
            new Gemeente("0335", "Montfoort", 8, 3417, 3417, List.of("Montfoort", "Linschoten")));

    /** Utrecht (stad) borders the regio but is not in its configuration: a message for it is GEMEENTE_ONBEKEND. */
    static final String GEMEENTE_BUITEN_REGIO = "0344";

    /**
     * The kind of help a product gives, with what it takes to simulate it: allocation length, how often it is
     * extended, whether it may be allocated by category only, and the volume it is allocated in.
     */
    enum Soort {
        AMBULANT(90, 240, 0.35, 0.15, 0.0, "04", "2", 1, 4),
        DIAGNOSTIEK(42, 120, 0.10, 0.0, 0.0, "04", "6", 8, 20),
        JEUGD_GGZ(120, 300, 0.40, 0.10, 0.0, "04", "4", 4, 12),
        DAGBEHANDELING(120, 300, 0.45, 0.0, 0.0, "16", "2", 2, 8),
        VERBLIJF(180, 365, 0.55, 0.0, 0.0, "14", "1", 1, 1),
        PLEEGZORG(180, 365, 0.60, 0.0, 0.40, "14", "1", 1, 1),
        GEZINSHUIS(180, 365, 0.60, 0.0, 0.0, "14", "1", 1, 1),
        CRISIS(14, 42, 0.20, 0.0, 0.0, "14", "1", 1, 1),
        JEUGDBESCHERMING(300, 365, 0.50, 0.0, 0.0, "82", "4", 1, 1),
        JEUGDRECLASSERING(180, 365, 0.30, 0.0, 0.0, "82", "4", 1, 1),
        /** Transport to day treatment: excluded in the bundled configuration (category 42), so it never counts. */
        VERVOER(120, 300, 0.45, 0.0, 0.0, "82", "2", 4, 10);

        final int minDagen;
        final int maxDagen;
        final double verlengKans;
        final double aspecifiekKans;
        final double openKans;
        final String eenheid;
        final String frequentie;
        final int minVolume;
        final int maxVolume;

        Soort(int minDagen, int maxDagen, double verlengKans, double aspecifiekKans, double openKans, String eenheid,
              String frequentie, int minVolume, int maxVolume) {
            this.minDagen = minDagen;
            this.maxDagen = maxDagen;
            this.verlengKans = verlengKans;
            this.aspecifiekKans = aspecifiekKans;
            this.openKans = openKans;
            this.eenheid = eenheid;
            this.frequentie = frequentie;
            this.minVolume = minVolume;
            this.maxVolume = maxVolume;
        }
    }

    /** A product: a national category and a code in the national format (NN + A/B + 2 digits); null = category only. */
    record Product(String categorie, String code) {
        /** The hub's trajectory product: the code, else the category. */
        String sleutel() {
            return code != null ? code : categorie;
        }
    }

    static List<Product> producten(Soort soort) {
        return switch (soort) {
            case AMBULANT -> List.of(p("45A01"), p("45A02"), p("45A04"), p("45A07"), p("45A48"), p("45A52"));
            case DIAGNOSTIEK -> List.of(p("45A03"), p("45A06"), p("45A45"), p("45A46"), p("45B01"), p("45B02"),
                    p("41B01"));
            case JEUGD_GGZ -> List.of(p("54A01"), p("54A02"), p("54A05"), p("54B03"));
            case DAGBEHANDELING -> List.of(p("41A01"), p("41A02"), p("41A05"));
            case VERBLIJF -> List.of(p("43A01"), p("43A05"), p("43A11"), p("44A01"), p("44A02"));
            case PLEEGZORG -> List.of(p("43A03"), p("43A09"), p("43A23"), p("43A24"), p("43A60"));
            case GEZINSHUIS -> List.of(p("43A04"), p("43A10"), p("43A29"));
            case CRISIS -> List.of(p("46A01"), p("46A03"), p("46A04"), p("46A05"), p("46B02"));
            case JEUGDBESCHERMING -> List.of(p("48A01"), p("48A02"));
            case JEUGDRECLASSERING -> List.of(p("47A01"));
            case VERVOER -> List.of(p("42A01"), p("42A02"));
        };
    }

    private static Product p(String code) {
        return new Product(code.substring(0, 2), code);
    }

    /**
     * A fictional provider: an AGB code (8 digits), its name as the {@code aanbieders} list of the bundled
     * {@code utrecht-west.yaml} gives it, and the kinds of help it is contracted for.
     */
    record Aanbieder(String agb, String naam, List<Soort> soorten, boolean schrijftMetPrefix) {
    }

    static final List<Aanbieder> AANBIEDERS = List.of(
            new Aanbieder("88100011", "Jeugdhulp Vechtstreek",
                    List.of(Soort.AMBULANT, Soort.DIAGNOSTIEK, Soort.JEUGD_GGZ), false),
            new Aanbieder("88100029", "Praktijk De Linde",
                    List.of(Soort.AMBULANT, Soort.JEUGD_GGZ), true),
            new Aanbieder("88100037", "Kind & Gezin Groene Hart",
                    List.of(Soort.AMBULANT, Soort.DIAGNOSTIEK, Soort.DAGBEHANDELING), false),
            new Aanbieder("88100045", "GGZ Jeugd Rijnstreek",
                    List.of(Soort.JEUGD_GGZ, Soort.DIAGNOSTIEK, Soort.DAGBEHANDELING, Soort.CRISIS), false),
            new Aanbieder("88100053", "Stichting Het Erf",
                    List.of(Soort.VERBLIJF, Soort.GEZINSHUIS, Soort.CRISIS, Soort.DAGBEHANDELING), true),
            new Aanbieder("88100061", "Pleegzorg Midden",
                    List.of(Soort.PLEEGZORG, Soort.GEZINSHUIS, Soort.CRISIS), false),
            new Aanbieder("88100079", "Gezinshuizen De Waard",
                    List.of(Soort.GEZINSHUIS, Soort.VERBLIJF), true),
            new Aanbieder("88100087", "Ambulant Team Lek en IJssel",
                    List.of(Soort.AMBULANT, Soort.CRISIS), false),
            new Aanbieder("88100095", "Orthopedagogisch Centrum Veen",
                    List.of(Soort.DIAGNOSTIEK, Soort.AMBULANT, Soort.DAGBEHANDELING), false),
            new Aanbieder("88100103", "Gecertificeerde Instelling Regio Utrecht",
                    List.of(Soort.JEUGDBESCHERMING, Soort.JEUGDRECLASSERING), false),
            new Aanbieder("88100111", "Jeugd-ggz Vinkeveen",
                    List.of(Soort.JEUGD_GGZ, Soort.AMBULANT), true),
            new Aanbieder("88100129", "Vervoer Groene Hart",
                    List.of(Soort.VERVOER), false));

    /** A code with its weight in a draw. */
    record Gewogen(String code, int gewicht) {
    }

    /** RedenBeeindiging of a definitive stop; 20 (temporary) is simulated on its own. */
    static final List<Gewogen> REDENEN_BEEINDIGING = List.of(
            new Gewogen("31", 55), new Gewogen("34", 10), new Gewogen("32", 8), new Gewogen("33", 4),
            new Gewogen("35", 4), new Gewogen("36", 2), new Gewogen("37", 5), new Gewogen("38", 7),
            new Gewogen("39", 5));

    static final List<Gewogen> REDENEN_BEEINDIGING_CRISIS = List.of(
            new Gewogen("31", 70), new Gewogen("38", 20), new Gewogen("34", 10));

    /** Verwijzer Type of a JW315: most requests follow a GP's referral. */
    static final List<Gewogen> VERWIJZERS = List.of(
            new Gewogen("02", 40), new Gewogen("01", 25), new Gewogen("03", 10), new Gewogen("04", 10),
            new Gewogen("05", 10), new Gewogen("06", 3), new Gewogen("08", 2));

    static final List<String> ACHTERNAMEN = List.of("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
            "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Koster", "Verhoeven", "Kok", "Willems",
            "Schouten", "Hoekstra", "Kramer", "Prins", "El Idrissi", "Yilmaz", "Öztürk", "Tahiri", "Nguyen");

    static final List<String> VOORVOEGSELS = List.of("de", "van", "van der", "van den", "van de", "ter");

    static final List<String> STRATEN = List.of("Dorpsstraat", "Kerkstraat", "Julianalaan", "Molenweg",
            "Beatrixstraat", "Weidelaan", "Schoolstraat", "Rijnstraat", "Vechtoever", "Populierenlaan");

    /** First letters of first names, weighted roughly as they occur; the feed writes initials only. */
    static final String INITIALEN = "AAAABBCDDEEFGHIIJJJJJKLLLLMMMMNNNOPRRSSSSTTVWYZ";
}
