package nl.procesregie.hub.demo;

/**
 * The citizen service numbers of the demo feed: only the test range 999900006 … 999999990 that the iJw test practice
 * reserves, never a number that could belong to a real person. About one number in eleven passes the eleven-test, so
 * the range holds {@link #AANTAL} (9,091) valid ones: the feed has that many youths to give out.
 *
 * <p>Deliberately its own eleven-test, not the parser's: a generator that shared the hub's check would hide a bug in
 * it from every test that feeds the hub generated messages.
 */
public final class TestBsn {

    static final long EERSTE = 999_900_006L;
    static final long LAATSTE = 999_999_990L;
    /** The test range as a generator's series: the demo's youths. */
    public static final BsnReeks REEKS = BsnReeks.tussen(EERSTE, LAATSTE);
    public static final int AANTAL = REEKS.aantal();

    private TestBsn() {
    }

    /** The n-th valid test BSN (0-based), ascending. */
    public static String geldig(int n) {
        return REEKS.geldig(n);
    }

    /** A number from the test range that fails the eleven-test: for the records that must be parked as BSN_ONGELDIG. */
    public static String ongeldig(int n) {
        return REEKS.ongeldig(n);
    }

    /** 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11, nine digits, not all zeros. */
    public static boolean elfproef(String bsn) {
        if (bsn == null || bsn.length() != 9) {
            return false;
        }
        int som = 0;
        boolean nul = true;
        for (int i = 0; i < 9; i++) {
            int d = bsn.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            nul &= d == 0;
            som += i < 8 ? (9 - i) * d : -d;
        }
        return !nul && som % 11 == 0;
    }
}
