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
        int n = labels.length;
        // Without a public suffix list: a second level of at most three letters (co.uk, com.au) is taken for part of
        // the suffix, so example.co.uk counts as example.* too.
        return GERESERVEERDE_TLDS.contains(labels[n - 1])
                || (n >= 2 && labels[n - 2].equals(VOORBEELDLABEL))
                || (n >= 3 && labels[n - 3].equals(VOORBEELDLABEL) && labels[n - 2].length() <= 3);
    }
}
