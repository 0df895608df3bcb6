package nl.procesregie.hub.ingest;

/**
 * A record as read from Kafka, with where it came from (for the dead-letter headers).
 *
 * @param sleutel the record's key as sent, possibly null: a parked record keeps it
 */
public record OntvangenRecord(String topic, int partitie, long offset, byte[] sleutel, byte[] waarde) {
}
