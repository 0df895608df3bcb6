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
 * {@code sleutel} is the original record's key (possibly null), which the parked record keeps.
 */
public record TeParkeren(byte[] sleutel, byte[] waarde, Foutcode foutcode, String reden, String bronTopic,
                         int bronPartitie, long bronOffset, Instant tijdstip, String sha256) {

    private static final Logger LOG = LoggerFactory.getLogger(TeParkeren.class);
    static final int GEPARKEERD_DEEL = 256 * 1024;

    /** Parks {@code r} with its reason, cut to fit the dead-letter topic; logged, never with a BSN. */
    static TeParkeren van(OntvangenRecord r, Foutcode code, String ongefilterd, Instant tijdstip) {
        // A reason may quote the sender's free-text identifiers, which some back offices build from the BSN.
        String reden = IjwFout.zonderBsn(ongefilterd);
        LOG.warn("Record {}-{}@{} geparkeerd: {} {}", r.topic(), r.partitie(), r.offset(), code, reden);
        byte[] waarde = r.waarde() == null ? new byte[0] : r.waarde();
        String sha256 = null;
        if (waarde.length > GEPARKEERD_DEEL) {
            sha256 = sha256(waarde);
            waarde = Arrays.copyOf(waarde, GEPARKEERD_DEEL);
        }
        return new TeParkeren(r.sleutel(), waarde, code, reden, r.topic(), r.partitie(), r.offset(), tijdstip, sha256);
    }

    private static String sha256(byte[] waarde) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(waarde));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
