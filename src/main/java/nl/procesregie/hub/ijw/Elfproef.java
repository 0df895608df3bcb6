package nl.procesregie.hub.ijw;

/**
 * The eleven-test (elfproef) for a BSN: nine digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and
 * not all zeros. It catches every single-digit typo and most swaps, which is why the standard demands it.
 */
public final class Elfproef {

    private static final int LENGTE = 9;

    private Elfproef() {
    }

    public static boolean isGeldig(String bsn) {
        if (bsn == null || bsn.length() != LENGTE) {
            return false;
        }
        int som = 0;
        boolean alleenNullen = true;
        for (int i = 0; i < LENGTE; i++) {
            char c = bsn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int cijfer = c - '0';
            alleenNullen &= cijfer == 0;
            som += i == LENGTE - 1 ? -cijfer : (LENGTE - i) * cijfer;
        }
        return !alleenNullen && som % 11 == 0;
    }
}
