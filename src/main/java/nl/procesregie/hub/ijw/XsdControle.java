package nl.procesregie.hub.ijw;

import java.util.Locale;
import java.util.Optional;

/**
 * What the hub does with a 3.2 message that it can read but that deviates from the bundled iJw 3.2 XSDs
 * ({@code HUB_XSD_CONTROLE}). Messages of older 3.x releases are never checked: their XSDs are not bundled.
 */
public enum XsdControle {
    /** Read the message as before; count and log the deviation (back offices deviate in details the hub ignores). */
    MELDEN,
    /** Park the message as {@link Foutcode#SCHEMA_ONGELDIG}. */
    STRENG,
    /** No check, no cost. */
    UIT;

    /** The value as written in HUB_XSD_CONTROLE. */
    public String waarde() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting of that name, in any case; empty for anything else. */
    public static Optional<XsdControle> van(String waarde) {
        for (XsdControle c : values()) {
            if (c.waarde().equalsIgnoreCase(waarde.strip())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
