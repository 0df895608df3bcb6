package nl.procesregie.hub.ijw;

/**
 * A record that can never be processed, however often it is tried. The reason is Dutch text for the person who
 * reads the dead-letter topic; it must never contain a BSN.
 */
public class IjwFout extends Exception {
    private final Foutcode code;

    public IjwFout(Foutcode code, String reden) {
        super(reden);
        this.code = code;
    }

    public IjwFout(Foutcode code, String reden, Throwable oorzaak) {
        super(reden, oorzaak);
        this.code = code;
    }

    public Foutcode code() {
        return code;
    }

    public String reden() {
        return getMessage();
    }
}
