package nl.procesregie.hub.aanlevering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.procesregie.hub.config.Aanleveraar;

/**
 * Which back office a bearer token belongs to. The hub holds only each token's SHA-256 (from the regio files).
 *
 * <p>Tokens are high-entropy random strings (32 random bytes), not passwords a person chose: nobody can guess one from
 * its hash, so a slow password hash (bcrypt, PBKDF2) would only cost time on every request and protect nothing.
 *
 * <p>Thread-safe.
 */
public final class Tokencontrole {

    /** RFC 6750: the scheme, case-insensitive, then a token68. */
    private static final Pattern BEARER = Pattern.compile("[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9._~+/-]+=*)");
    /** Far beyond any token an operator makes; a longer header is not worth hashing. */
    private static final int MAX_LENGTE = 1024;

    private final List<Aanleveraar> aanleveraars;
    private final List<byte[]> hashes;

    public Tokencontrole(List<Aanleveraar> aanleveraars) {
        this.aanleveraars = List.copyOf(aanleveraars);
        this.hashes = this.aanleveraars.stream()
                .map(a -> HexFormat.of().parseHex(a.tokenHash().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @return the back office whose token it carries; empty when the header is missing, malformed or names no token
     *         the hub knows (the caller answers all three alike)
     */
    public Optional<Aanleveraar> herken(String authorization) {
        if (authorization == null || authorization.length() > MAX_LENGTE) {
            return Optional.empty();
        }
        var m = BEARER.matcher(authorization.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] hash = sha256(m.group(1));
        Aanleveraar gevonden = null;
        // Every hash is compared, each in constant time, so the time taken tells nothing about which one matched.
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hash, hashes.get(i))) {
                gevonden = aanleveraars.get(i);
            }
        }
        return Optional.ofNullable(gevonden);
    }

    /** The form in which the regio files hold a token: "sha256:" and 64 lower-case hexadecimal digits. */
    public static String hashVan(String token) {
        return "sha256:" + HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 ontbreekt in deze Java", e);
        }
    }
}
