package nl.procesregie.hub.config;

import java.util.Objects;
import java.util.Set;

/**
 * A back office that posts iJw messages to {@code POST /ijw} with a bearer token of its own.
 *
 * <p>A gemeente's back office forwards its providers' JW305, JW307 and JW315 (Afzender: the provider's AGB code,
 * Ontvanger: the gemeente) as well as its own JW301 (Afzender: the gemeente). Listing every provider would be
 * unworkable, so a message is allowed when its gemeente is listed or when its Afzender is listed exactly.
 *
 * @param tokenHash the SHA-256 of the bearer token, as 64 lower-case hexadecimal digits; the hub never holds the
 *                  token itself
 * @param gemeenten the gemeenten whose messages it may send: a JW301 such a gemeente sent, a JW305, JW307 or JW315
 *                  such a gemeente received
 * @param afzenders the Afzender codes it may send for, whatever the gemeente (e.g. a provider's AGB code)
 */
public record Aanleveraar(String naam, String tokenHash, Set<String> gemeenten, Set<String> afzenders) {

    public Aanleveraar {
        Objects.requireNonNull(naam);
        Objects.requireNonNull(tokenHash);
        gemeenten = Set.copyOf(gemeenten);
        afzenders = Set.copyOf(afzenders);
    }

    /** The name only: the hash is no secret, but it has no place in a log line either. */
    @Override
    public String toString() {
        return "Aanleveraar[" + naam + "]";
    }
}
