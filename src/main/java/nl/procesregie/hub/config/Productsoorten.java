package nl.procesregie.hub.config;

import java.util.Set;

/**
 * Which products mean what, for the signals that depend on the kind of care. Codes mean something only within their
 * regio, hence this is configuration.
 *
 * @param perspectiefbiedend perspectiefbiedende pleegzorg; the loader fills it with the gemeente's pleegzorg set when
 *                           neither the regio nor the gemeente names it, so that no foster start goes unnoticed
 */
public record Productsoorten(
        Soort pleegzorg,
        Soort gezinshuis,
        Soort crisis,
        Soort verblijf,
        Soort diagnostiek,
        Soort perspectiefbiedend) {

    private static final Soort JZ21_PLEEGZORG = new Soort(Set.of("35"),
            Set.of("43A03", "43A09", "43A23", "43A24", "43A25", "43A26", "43A27", "43A28", "43A60", "43A61"));

    /** The national (JZ21) codes and the categories of IJW.md, used for every key a regio does not set. */
    public static final Productsoorten STANDAARD = new Productsoorten(
            JZ21_PLEEGZORG,
            new Soort(Set.of(), Set.of("43A04", "43A10", "43A29", "43A30", "43A31")),
            new Soort(Set.of("46"), Set.of()),
            new Soort(Set.of("43", "44", "36", "37", "38"), Set.of()),
            new Soort(Set.of(), Set.of("45A03", "45A06", "45A45", "45A46", "45A47",
                    "45B01", "45B02", "45B03", "45B04", "45B05", "45B06", "45B07", "45B08", "45B09",
                    "41B01", "41B02", "43B04", "43B05", "43B06", "43B07")),
            JZ21_PLEEGZORG);

    public boolean isPleegzorg(String categorie, String code) {
        return pleegzorg.bevat(categorie, code);
    }

    public boolean isGezinshuis(String categorie, String code) {
        return gezinshuis.bevat(categorie, code);
    }

    public boolean isCrisis(String categorie, String code) {
        return crisis.bevat(categorie, code);
    }

    /**
     * Residential care (woon-/leefgroep). Pleegzorg and gezinshuis codes live inside the verblijf categories but are
     * family settings, the very outcome the verblijf signal steers towards, so they are not residential.
     */
    public boolean isVerblijf(String categorie, String code) {
        return verblijf.bevat(categorie, code) && !isPleegzorg(categorie, code) && !isGezinshuis(categorie, code);
    }

    /**
     * A foster placement that offers the youth a lasting home (perspectiefbiedende pleegzorg): for a youth under
     * procesregie its start is a handover. Until a regio names its own codes every pleegzorg product counts as such.
     */
    public boolean isPerspectiefbiedend(String categorie, String code) {
        return perspectiefbiedend.bevat(categorie, code);
    }

    public boolean isDiagnostiek(String categorie, String code) {
        return diagnostiek.bevat(categorie, code);
    }

    /**
     * One kind of product: whole categories (2 digits, LDT_ProductCategorie) and single product codes (1 to 5
     * characters, LDT_ProductCode). Kept apart because a code may itself be 2 digits: code "43" of some category is
     * not category 43.
     */
    public record Soort(Set<String> categorieen, Set<String> codes) {

        public Soort {
            categorieen = Set.copyOf(categorieen);
            codes = Set.copyOf(codes);
        }

        boolean bevat(String categorie, String code) {
            return (code != null && codes.contains(code)) || (categorie != null && categorieen.contains(categorie));
        }
    }
}
