package nl.procesregie.hub.ingest;

/** A record as read from Kafka, with where it came from (for the dead-letter headers). */
public record OntvangenRecord(String topic, int partitie, long offset, byte[] waarde) {
}
