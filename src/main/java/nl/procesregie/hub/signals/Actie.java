package nl.procesregie.hub.signals;

import java.util.Optional;

/** What a regisseur can confirm about a signal, from the mail's link or on {@code regie.acties} (CONTRACTS.md). */
public enum Actie {
    RONDE_TAFEL_GEHOUDEN("Ronde Tafel gehouden"),
    CHECK_GEDAAN("Check gedaan"),
    SIGNAAL_OPGEPAKT("Signaal opgepakt"),
    AFGESLOTEN("Afgesloten");

    private final String knop;

    Actie(String knop) {
        this.knop = knop;
    }

    /** The words on the confirmation page's button. */
    public String knop() {
        return knop;
    }

    public static Optional<Actie> van(String naam) {
        for (Actie a : values()) {
            if (a.name().equals(naam)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
