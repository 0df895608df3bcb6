package nl.procesregie.hub.ijw;

/**
 * A record that can never be processed, however often it is tried. The reason is Dutch text for the person who
 * reads the dead-letter topic; it must never contain a BSN.
 */
public class IjwFout extends Exception {
    private static final int BSN_LENGTE = 9;
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

    /** {@code tekst} with every run of nine or more digits (a possible BSN) replaced by asterisks. */
    public static String zonderBsn(String tekst) {
        StringBuilder veilig = null;
        int reeksBegin = -1;
        for (int i = 0; i <= tekst.length(); i++) {
            boolean cijfer = i < tekst.length() && Character.isDigit(tekst.charAt(i));
            if (cijfer && reeksBegin < 0) {
                reeksBegin = i;
            } else if (!cijfer && reeksBegin >= 0) {
                if (i - reeksBegin >= BSN_LENGTE) {
                    if (veilig == null) {
                        veilig = new StringBuilder(tekst);
                    }
                    for (int j = reeksBegin; j < i; j++) {
                        veilig.setCharAt(j, '*');
                    }
                }
                reeksBegin = -1;
            }
        }
        return veilig == null ? tekst : veilig.toString();
    }
}
