package nl.procesregie.hub.aanlevering;

import nl.procesregie.hub.config.Aanleveraar;
import nl.procesregie.hub.ijw.IjwBericht;

/**
 * Which messages a back office may post. A gemeente's back office sends its own JW301 (Afzender: the gemeente) and
 * forwards its providers' JW305, JW307 and JW315 (Afzender: the provider's AGB code, Ontvanger: the gemeente); listing
 * every provider would be unworkable. So a message is allowed when its gemeente ({@link IjwBericht#gemeente()}: the
 * Afzender of a JW301, the Ontvanger of the others) is one of the back office's gemeenten, or when its Afzender is
 * exactly one of its Afzender codes.
 */
final class Aanleverrecht {

    private Aanleverrecht() {
    }

    static boolean mag(Aanleveraar aanleveraar, IjwBericht bericht) {
        return aanleveraar.gemeenten().contains(bericht.gemeente())
                || aanleveraar.afzenders().contains(bericht.afzender());
    }
}
