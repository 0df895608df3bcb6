package nl.procesregie.hub.ijw;

/** The iJw code lists the hub knows, each with its section name in {@code ijw/codelijsten.yaml}. */
public enum Codelijst {
    PRODUCTCATEGORIE("productcategorie"),
    REDEN_BEEINDIGING("redenBeeindiging"),
    REDEN_WIJZIGING("redenWijziging"),
    STATUS_AANLEVERING("statusAanlevering"),
    VERWIJZER_TYPE("verwijzerType"),
    EENHEID("eenheid"),
    FREQUENTIE("frequentie");

    private final String sleutel;

    Codelijst(String sleutel) {
        this.sleutel = sleutel;
    }

    public String sleutel() {
        return sleutel;
    }
}
