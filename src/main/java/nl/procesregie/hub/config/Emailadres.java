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
    private static final Set<String> GERESERVEERDE_TLDS = Set.of("example", "test", "invalid", "localhost");
    // example.com/.net/.org are reserved; example.nl, example.de and the like are not, but are just as plainly meant
    // as a placeholder, so every example.<tld> counts.
    private static final String VOORBEELDLABEL = "example";

    /** How an error message names the refused domains. */
    static final String VOORBEELDDOMEINEN_TEKST =
            "example.com, example.nl en elk ander example.*-domein, ook met subdomein, of .example, .test, .invalid "
                    + "of .localhost";

    private Emailadres() {
    }

    static boolean isGeldig(String adres) {
        return adres != null && ADRES.matcher(adres).matches();
    }

    /** Whether the domain of this (valid) address is one meant for examples and tests, or a subdomain of one. */
    static boolean isVoorbeeld(String adres) {
        String[] labels = adres.substring(adres.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT).split("\\.");
        return GERESERVEERDE_TLDS.contains(labels[labels.length - 1])
                || (labels.length >= 2 && labels[labels.length - 2].equals(VOORBEELDLABEL));
    }
}
