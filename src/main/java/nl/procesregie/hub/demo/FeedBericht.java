package nl.procesregie.hub.demo;

import java.time.Instant;
import java.util.List;

/**
 * One message of the demo feed.
 *
 * @param volgnummer   position in the feed, from 1, without gaps: where a resumed feed continues
 * @param moment       simulated moment of sending; its date (Europe/Amsterdam) is the message's Dagtekening
 * @param sleutel      the youth's stable feed number (never the BSN): the Kafka record key
 * @param waarde       the iJw XML, UTF-8
 * @param bedoeldeFout the fault code the hub must park this record with ({@code BSN_ONGELDIG}, {@code XML_ONGELDIG},
 *                     {@code GEMEENTE_ONBEKEND}, {@code DATUM_ONGELDIG}); null for a valid message
 * @param signalen     the signals this message should raise (the ground truth), usually none
 */
public record FeedBericht(long volgnummer, Instant moment, Stroom stroom, String sleutel, byte[] waarde,
                          String bedoeldeFout, List<VerwachtSignaal> signalen) {

    public FeedBericht {
        signalen = List.copyOf(signalen);
    }

    public boolean isGeldig() {
        return bedoeldeFout == null;
    }
}
