package nl.procesregie.hub.aanlevering;

import nl.procesregie.hub.ijw.IjwBericht;

/**
 * One whole iJw message as an on-ramp publishes it: on the input topic of its BerichtCode, keyed by the youth's
 * pseudonym so that one youth's messages stay in order on one partition.
 *
 * @param bericht the message as the hub read it, for the on-ramp's own checks (the Afzender a token may send for)
 */
public record Publicatie(String topic, String sleutel, byte[] waarde, IjwBericht bericht) {
}
