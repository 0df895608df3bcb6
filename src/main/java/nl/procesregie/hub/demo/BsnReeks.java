package nl.procesregie.hub.demo;

import java.util.Arrays;

/**
 * The citizen service numbers a simulation gives its youths, in order: the numbers that pass the eleven-test ({@link
 * TestBsn#elfproef}), counted upward from a first number.
 */
public final class BsnReeks {

    private final long eerste;
    /** The valid numbers, as offsets from {@link #eerste}. */
    private final int[] geldig;

    private BsnReeks(long eerste, long laatste, int hoogstens) {
        this.eerste = eerste;
        // For nine given leading digits at most one last digit passes, so at most one number in ten.
        int[] lijst = new int[(int) Math.min(hoogstens, (laatste - eerste) / 10 + 1)];
        int n = 0;
        for (long b = eerste; b <= laatste && n < lijst.length; b++) {
            if (TestBsn.elfproef(Long.toString(b))) {
                lijst[n++] = (int) (b - eerste);
            }
        }
        this.geldig = Arrays.copyOf(lijst, n);
    }

    /** Every valid number from {@code eerste} up to and including {@code laatste}. */
    public static BsnReeks tussen(long eerste, long laatste) {
        return new BsnReeks(eerste, laatste, Integer.MAX_VALUE);
    }

    /** The first {@code aantal} valid numbers from {@code eerste} on. */
    public static BsnReeks vanaf(long eerste, int aantal) {
        return new BsnReeks(eerste, 999_999_999L, aantal);
    }

    /** How many youths the series can number. */
    public int aantal() {
        return geldig.length;
    }

    /** The n-th valid number (0-based), ascending. */
    public String geldig(int n) {
        if (n < 0 || n >= geldig.length) {
            throw new IllegalArgumentException("de reeks heeft " + geldig.length + " geldige BSN's; gevraagd nummer "
                    + n);
        }
        return Long.toString(eerste + geldig[n]);
    }

    /** A number of the series' range that fails the eleven-test, for the n-th youth's broken records. */
    public String ongeldig(int n) {
        // Moving the last digit by one (without a carry) moves the sum by one, so the neighbour always fails.
        long b = eerste + geldig[Math.floorMod(n, geldig.length)];
        return Long.toString(b % 10 == 9 ? b - 1 : b + 1);
    }
}
