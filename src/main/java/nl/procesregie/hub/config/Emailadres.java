package nl.procesregie.hub.config;

import java.util.regex.Pattern;

/** Shared well-formedness check for addresses in settings and regio files. */
final class Emailadres {
    // Deliberately simpler than RFC 5322: a typo must be caught, an exotic but valid address is not worth supporting.
    // The domain needs a dot, except "localhost", which the demo sender uses.
    private static final Pattern ADRES = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(localhost|([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,})");

    private Emailadres() {
    }

    static boolean isGeldig(String adres) {
        return adres != null && ADRES.matcher(adres).matches();
    }
}
