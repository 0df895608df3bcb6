package nl.procesregie.hub.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Shared well-formedness check for addresses in settings and regio files. */
final class Emailadres {
    // Deliberately simpler than RFC 5322: a typo must be caught, an exotic but valid address is not worth supporting.
    // The domain needs a dot, except "localhost", which the demo sender uses.
    private static final Pattern ADRES = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(localhost|([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,})");
    // RFC 2606 and RFC 6761: names that can never reach a real mailbox, as used by the examples and the tests.
    private static final Set<String> VOORBEELDDOMEINEN = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> GERESERVEERDE_TLDS = Set.of("example", "test", "invalid", "localhost");

    /** How an error message names the refused domains. */
    static final String VOORBEELDDOMEINEN_TEKST = "example.com/.net/.org, .example, .test, .invalid of .localhost";

    private Emailadres() {
    }

    static boolean isGeldig(String adres) {
        return adres != null && ADRES.matcher(adres).matches();
    }

    /** Whether the domain of this (valid) address is one reserved for examples and tests, or a subdomain of one. */
    static boolean isVoorbeeld(String adres) {
        String domein = adres.substring(adres.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String tld = domein.substring(domein.lastIndexOf('.') + 1);
        return GERESERVEERDE_TLDS.contains(tld)
                || VOORBEELDDOMEINEN.stream().anyMatch(d -> domein.equals(d) || domein.endsWith("." + d));
    }
}
