package nl.procesregie.hub.carepath;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The youth's identity inside the hub: HMAC-SHA256 of the BSN under a configured key. Without the key the BSN cannot
 * be recovered from it by trying all nine-digit numbers, which a plain hash would allow.
 */
public final class Pseudonimisering {

    private final SecretKeySpec sleutel;
    private final ThreadLocal<Mac> macs;

    public Pseudonimisering(byte[] geheim) {
        if (geheim == null || geheim.length < 16) {
            throw new IllegalArgumentException("de pseudoniemsleutel moet minstens 16 bytes lang zijn");
        }
        this.sleutel = new SecretKeySpec(geheim, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::nieuweMac);
    }

    public String pseudoniem(String bsn) {
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(bsn.getBytes(StandardCharsets.US_ASCII)));
    }

    private Mac nieuweMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sleutel);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is niet beschikbaar", e);
        }
    }
}
