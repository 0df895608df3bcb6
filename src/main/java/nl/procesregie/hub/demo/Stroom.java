package nl.procesregie.hub.demo;

/** The three iJw topics of the hub; the feed maps them to the configured topic names. */
public enum Stroom {
    /** JW301 */
    TOEWIJZINGEN("ijw.toewijzingen"),
    /** JW305 and JW307 */
    START_STOP("ijw.start-stop"),
    /** JW315 */
    VERZOEKEN("ijw.verzoeken");

    private final String standaardTopic;

    Stroom(String standaardTopic) {
        this.standaardTopic = standaardTopic;
    }

    /** The hub's default topic name (CONTRACTS.md), for files written without a hub's settings. */
    public String standaardTopic() {
        return standaardTopic;
    }
}
