package nl.procesregie.hub.ingest;

import java.time.Instant;

import nl.procesregie.hub.ijw.Foutcode;

/**
 * A record for the dead-letter topic, with its reason. {@code sha256} is set when the value was cut to fit the topic.
 */
public record TeParkeren(byte[] waarde, Foutcode foutcode, String reden, String bronTopic, int bronPartitie,
                         long bronOffset, Instant tijdstip, String sha256) {
}
