package nl.procesregie.hub.aanlevering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a stream without trusting what it says of its own length (a zip entry's declared size, a file that is still
 * growing): at most {@code grens + 1} bytes are kept, enough to tell an oversized message from one at the limit.
 *
 * @param begin   the first bytes, at most {@code grens + 1}
 * @param grootte every byte the stream held, when it was read to its end; else {@code begin.length}
 * @param sha256  of every byte, only when the stream was longer than the limit and read to its end
 */
record Begrensd(byte[] begin, long grootte, String sha256) {

    /** An iJw message is a few KiB: larger blocks would be allocated and cleared for every file for nothing. */
    private static final int BLOK = 8 * 1024;

    boolean teGroot(int grens) {
        return grootte > grens;
    }

    /**
     * @param totHetEinde read an oversized stream to its end, for its size and SHA-256, in blocks (memory stays
     *                    bounded; a zip bomb costs time, not heap); else stop one byte past the limit
     */
    static Begrensd lees(InputStream in, int grens, boolean totHetEinde) throws IOException {
        ByteArrayOutputStream begin = new ByteArrayOutputStream(Math.min(grens + 1, BLOK));
        MessageDigest sha = totHetEinde ? nieuweSha256() : null;
        byte[] blok = new byte[BLOK];
        long grootte = 0;
        int n;
        while ((n = in.read(blok)) != -1) {
            int houden = (int) Math.min(n, Math.max(0, (long) grens + 1 - grootte));
            begin.write(blok, 0, houden);
            if (sha != null) {
                sha.update(blok, 0, n);
            }
            grootte += n;
            if (grootte > grens && sha == null) {
                break;
            }
        }
        String som = sha != null && grootte > grens ? HexFormat.of().formatHex(sha.digest()) : null;
        return new Begrensd(begin.toByteArray(), sha == null ? Math.min(grootte, (long) grens + 1) : grootte, som);
    }

    private static MessageDigest nieuweSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
