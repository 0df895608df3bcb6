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

    /**
     * {@code tekst} with every number that could be a BSN replaced by asterisks: 8 or 9 digits that pass the
     * eleven-test (an 8-digit BSN is a 9-digit one without its leading zero), also when the digits are written in
     * groups separated by a space or a dot ({@code 9999 24 515}, {@code 999.924.515}). Other numbers stay readable:
     * a reason that names an AGB code, a ToewijzingNummer or a 12-digit Identificatie must still point at it.
     *
     * <p>Groups are tried in every run of adjacent groups, not only as a whole, so a BSN written next to another
     * number ({@code 12345678 999924515}) is still found.
     */
    public static String zonderBsn(String tekst) {
        if (tekst == null) {
            return null;
        }
        StringBuilder veilig = null;
        int[] begin = new int[tekst.length()];
        int[] einde = new int[tekst.length()];
        int groepen = 0;
        int i = 0;
        while (i <= tekst.length()) {
            int groepBegin = i;
            while (i < tekst.length() && Character.isDigit(tekst.charAt(i))) {
                i++;
            }
            if (i > groepBegin) {
                begin[groepen] = groepBegin;
                einde[groepen] = i;
                groepen++;
            }
            boolean ketenGaatDoor = i > groepBegin && i + 1 < tekst.length()
                    && isScheiding(tekst.charAt(i)) && Character.isDigit(tekst.charAt(i + 1));
            if (!ketenGaatDoor) {
                veilig = maskeer(tekst, begin, einde, groepen, veilig);
                groepen = 0;
            }
            i++;
        }
        return veilig == null ? tekst : veilig.toString();
    }

    private static boolean isScheiding(char c) {
        return c == ' ' || c == '.' || c == '\u00A0' || c == '\u202F';
    }

    /** Masks every run of adjacent groups in one chain whose digits together form a BSN. */
    private static StringBuilder maskeer(String tekst, int[] begin, int[] einde, int groepen, StringBuilder veilig) {
        for (int van = 0; van < groepen; van++) {
            StringBuilder cijfers = new StringBuilder(9);
            for (int tot = van; tot < groepen; tot++) {
                for (int j = begin[tot]; j < einde[tot]; j++) {
                    cijfers.append((char) ('0' + Character.digit(tekst.charAt(j), 10)));
                }
                if (cijfers.length() > 9) {
                    break;
                }
                String kandidaat = cijfers.length() == 8 ? "0" + cijfers : cijfers.toString();
                if (kandidaat.length() == 9 && Elfproef.isGeldig(kandidaat)) {
                    if (veilig == null) {
                        veilig = new StringBuilder(tekst);
                    }
                    for (int g = van; g <= tot; g++) {
                        for (int j = begin[g]; j < einde[g]; j++) {
                            veilig.setCharAt(j, '*');
                        }
                    }
                }
            }
        }
        return veilig;
    }
}
