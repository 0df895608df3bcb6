package nl.procesregie.hub.notify;

import java.util.Objects;

/**
 * The acknowledgement link of a mail: it opens the hub's confirmation page, where one button confirms. The URL holds
 * a signed token and no personal data.
 *
 * @param tekst what the regisseur confirms, e.g. "Ronde Tafel gehouden"
 */
public record Actieknop(String tekst, String url) {

    public Actieknop {
        Objects.requireNonNull(tekst, "tekst");
        Objects.requireNonNull(url, "url");
    }
}
