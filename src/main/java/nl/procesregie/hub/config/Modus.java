package nl.procesregie.hub.config;

/** How the hub runs: with embedded infrastructure for a newcomer, or against the region's own systems. */
public enum Modus {
    DEMO("demo"),
    PRODUCTIE("productie");

    private final String waarde;

    Modus(String waarde) {
        this.waarde = waarde;
    }

    /** The value as written in HUB_MODE. */
    public String waarde() {
        return waarde;
    }
}
