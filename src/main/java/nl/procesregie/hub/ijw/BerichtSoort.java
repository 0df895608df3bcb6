package nl.procesregie.hub.ijw;

/** The iJw message types the hub reads, with their BerichtCode and the namespace segment of their schema. */
public enum BerichtSoort {
    JW301(436, "jw301", "Toewijzing Jeugdhulp"),
    JW305(438, "jw305", "Start Jeugdhulp"),
    JW307(440, "jw307", "Stop Jeugdhulp"),
    JW315(446, "jw315", "Verzoek om toewijzing");

    private final int berichtCode;
    private final String namespaceSegment;
    private final String omschrijving;

    BerichtSoort(int berichtCode, String namespaceSegment, String omschrijving) {
        this.berichtCode = berichtCode;
        this.namespaceSegment = namespaceSegment;
        this.omschrijving = omschrijving;
    }

    public int berichtCode() {
        return berichtCode;
    }

    public String namespaceSegment() {
        return namespaceSegment;
    }

    public String omschrijving() {
        return omschrijving;
    }

    /** In a JW301 the gemeente sends; in the others the aanbieder sends and the gemeente receives. */
    public boolean verzondenDoorGemeente() {
        return this == JW301;
    }
}
