package nl.procesregie.hub.ijw;

import java.util.List;

/**
 * One parsed and validated iJw message. Exactly one of the lists is filled, according to the message type:
 * toewijzingen for JW301, leveringen for JW305/JW307, verzochteProducten (each with its referrer) for JW315.
 *
 * @param versie      the release of the namespace, e.g. "3_2" or "3_0"
 */
public record IjwBericht(
        BerichtSoort soort,
        String versie,
        BerichtIdentiteit identiteit,
        String afzender,
        String ontvanger,
        Client client,
        List<Toewijzing> toewijzingen,
        List<Levering> leveringen,
        List<VerzochtProduct> verzochteProducten) {

    public IjwBericht {
        toewijzingen = List.copyOf(toewijzingen);
        leveringen = List.copyOf(leveringen);
        verzochteProducten = List.copyOf(verzochteProducten);
    }

    /** The gemeente responsible for the youth (woonplaatsbeginsel): the sender of a JW301, else the receiver. */
    public String gemeente() {
        return soort.verzondenDoorGemeente() ? afzender : ontvanger;
    }

    /** The AGB code of the care provider: the receiver of a JW301, else the sender. */
    public String aanbieder() {
        return soort.verzondenDoorGemeente() ? ontvanger : afzender;
    }
}
