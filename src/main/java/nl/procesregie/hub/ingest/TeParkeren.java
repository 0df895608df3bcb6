package nl.procesregie.hub.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;

/**
 * A record for the dead-letter topic, with its reason. {@code sha256} is set when the value was cut to fit the topic;
 * {@code sleutel} is the original record's key (possibly null), which the parked record keeps. Its source is a record
 * (topic, partition and offset) or, for a message from the intake folder, a file ({@code bronBestand}); the other
 * source's fields are null.
 */
public record TeParkeren(byte[] sleutel, byte[] waarde, Foutcode foutcode, String reden, String bronTopic,
                         Integer bronPartitie, Long bronOffset, String bronBestand, Instant tijdstip, String sha256) {

    private static final Logger LOG = LoggerFactory.getLogger(TeParkeren.class);
    static final int GEPARKEERD_DEEL = 256 * 1024;

    /** Parks {@code r} with its reason, cut to fit the dead-letter topic; logged, never with a BSN. */
    static TeParkeren van(OntvangenRecord r, Foutcode code, String ongefilterd, Instant tijdstip) {
        // A reason may quote the sender's free-text identifiers, which some back offices build from the BSN.
        String reden = IjwFout.zonderBsn(ongefilterd);
        LOG.warn("Record {}-{}@{} geparkeerd: {} {}", r.topic(), r.partitie(), r.offset(), code, reden);
        byte[] waarde = r.waarde() == null ? new byte[0] : r.waarde();
        String sha256 = waarde.length > GEPARKEERD_DEEL ? sha256(waarde) : null;
        return new TeParkeren(r.sleutel(), deel(waarde), code, reden, r.topic(), r.partitie(), r.offset(), null,
                tijdstip, sha256);
    }

    /**
     * Parks a message from a file, without a key.
     *
     * @param bron          the file (and the entry in a zip), already without BSN
     * @param waarde        the message, or its first bytes when it was too large to read whole
     * @param sha256Geheel  of the whole message when {@code waarde} is only its beginning; else null
     */
    public static TeParkeren uitBestand(String bron, byte[] waarde, String sha256Geheel, Foutcode code,
                                        String ongefilterd, Instant tijdstip) {
        String reden = IjwFout.zonderBsn(ongefilterd);
        LOG.warn("Bericht {} geparkeerd: {} {}", bron, code, reden);
        String sha256 = sha256Geheel != null ? sha256Geheel
                : waarde.length > GEPARKEERD_DEEL ? sha256(waarde) : null;
        return new TeParkeren(null, deel(waarde), code, reden, null, null, null, bron, tijdstip, sha256);
    }

    private static byte[] deel(byte[] waarde) {
        return waarde.length > GEPARKEERD_DEEL ? Arrays.copyOf(waarde, GEPARKEERD_DEEL) : waarde;
    }

    private static String sha256(byte[] waarde) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(waarde));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
