package nl.procesregie.hub.bench;

import nl.procesregie.hub.demo.BsnReeks;
import nl.procesregie.hub.demo.TestBsn;

/**
 * Numbers for a national-size feed: the iJw test range holds only 9,091 valid numbers, too few for a year of a
 * country's youth care. These are nine-digit numbers that pass the eleven-test, made up in order from
 * {@value #EERSTE}; they exist only in the benchmark's own broker and database, both removed after the run.
 */
final class SynthetischeBsn implements BsnReeks {

    static final long EERSTE = 800_000_000L;

    private final int[] geldig;

    SynthetischeBsn(int aantal) {
        geldig = new int[aantal];
        int n = 0;
        for (long b = EERSTE; n < aantal; b++) {
            if (TestBsn.elfproef(Long.toString(b))) {
                geldig[n++] = (int) (b - EERSTE);
            }
        }
    }

    @Override
    public int aantal() {
        return geldig.length;
    }

    @Override
    public String geldig(int n) {
        return Long.toString(EERSTE + geldig[n]);
    }

    @Override
    public String ongeldig(int n) {
        long b = EERSTE + geldig[Math.floorMod(n, geldig.length)];
        return Long.toString(b % 10 == 9 ? b - 1 : b + 1);
    }
}
