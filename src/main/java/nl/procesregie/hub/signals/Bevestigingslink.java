package nl.procesregie.hub.signals;

import java.util.UUID;

import nl.procesregie.hub.notify.Actieknop;

/** Makes the acknowledgement button of a mail: a signed link to the hub's confirmation page. */
public final class Bevestigingslink {

    private final BevestigingsToken tokens;
    private final String basisUrl;

    /** @param basisUrl where regisseurs reach the hub, without a trailing slash */
    public Bevestigingslink(BevestigingsToken tokens, String basisUrl) {
        this.tokens = tokens;
        this.basisUrl = basisUrl;
    }

    public Actieknop knop(UUID signaalId, Actie actie) {
        return new Actieknop(actie.knop(), basisUrl + "/bevestig/" + tokens.maak(signaalId, actie));
    }
}
