package nl.procesregie.hub.signals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in an acknowledgement link: HMAC-SHA256 over signal id, action and expiry under a configured key, so a
 * link cannot be made for another signal or action, nor kept alive past its expiry, without the key. It carries no
 * personal data: the signal id is a random UUID.
 */
public final class BevestigingsToken {

    /** What a presented token turned out to be. */
    public sealed interface Uitkomst {
        record Geldig(UUID signaalId, Actie actie, Instant verval) implements Uitkomst {
        }

        record Verlopen(UUID signaalId, Actie actie, Instant verval) implements Uitkomst {
        }

        /** Forged, tampered with, or not a token at all; {@code reden} is for the log, not for the visitor. */
        record Ongeldig(String reden) implements Uitkomst {
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_LEZEN = Base64.getUrlDecoder();

    private final SecretKeySpec sleutel;
    private final Duration geldigheid;
    private final Clock klok;

    public BevestigingsToken(byte[] sleutel, Duration geldigheid, Clock klok) {
        this.sleutel = new SecretKeySpec(sleutel.clone(), "HmacSHA256");
        this.geldigheid = geldigheid;
        this.klok = klok;
    }

    public String maak(UUID signaalId, Actie actie) {
        long verval = klok.instant().plus(geldigheid).getEpochSecond();
        String inhoud = signaalId + "." + actie.name() + "." + verval;
        return inhoud + "." + B64.encodeToString(mac(inhoud));
    }

    public Uitkomst controleer(String token) {
        if (token == null || token.length() > 200) {
            return new Uitkomst.Ongeldig("geen token");
        }
        int laatstePunt = token.lastIndexOf('.');
        if (laatstePunt < 0) {
            return new Uitkomst.Ongeldig("geen handtekening");
        }
        String inhoud = token.substring(0, laatstePunt);
        byte[] handtekening;
        try {
            handtekening = B64_LEZEN.decode(token.substring(laatstePunt + 1));
        } catch (IllegalArgumentException e) {
            return new Uitkomst.Ongeldig("handtekening onleesbaar");
        }
        // Compare before reading any field, so a forged token learns nothing from which field was wrong.
        if (!MessageDigest.isEqual(mac(inhoud), handtekening)) {
            return new Uitkomst.Ongeldig("handtekening klopt niet");
        }
        String[] delen = inhoud.split("\\.");
        if (delen.length != 3) {
            return new Uitkomst.Ongeldig("vorm klopt niet");
        }
        UUID signaalId;
        Instant verval;
        try {
            signaalId = UUID.fromString(delen[0]);
            verval = Instant.ofEpochSecond(Long.parseLong(delen[2]));
        } catch (IllegalArgumentException e) {
            return new Uitkomst.Ongeldig("vorm klopt niet");
        }
        Optional<Actie> actie = Actie.van(delen[1]);
        if (actie.isEmpty()) {
            return new Uitkomst.Ongeldig("onbekende actie");
        }
        return klok.instant().isBefore(verval) ? new Uitkomst.Geldig(signaalId, actie.get(), verval)
                : new Uitkomst.Verlopen(signaalId, actie.get(), verval);
    }

    private byte[] mac(String inhoud) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(sleutel);
            return mac.doFinal(inhoud.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 ontbreekt in deze JVM", e);
        }
    }
}
