package nl.procesregie.hub.aanlevering;

import nl.procesregie.hub.ijw.Foutcode;

/**
 * One file of the intake folder as the hub read it, and where it goes once handled.
 *
 * @param doel      where the file moves, relative to the folder: {@code verwerkt/...} or {@code fout/...}
 * @param berichten for a readable file: its messages, each a {@link Publicatie} or a parked entry, handed out one at a
 *                  time (a zip is read while it is published); null for an unreadable file
 * @param foutcode  for an unreadable file: why; null otherwise
 * @param reden     for an unreadable file: the Dutch reason, without BSN; null otherwise
 */
public record Invoer(String naam, String doel, Iterable<Object> berichten, Foutcode foutcode, String reden) {

    public boolean isLeesbaar() {
        return berichten != null;
    }
}
