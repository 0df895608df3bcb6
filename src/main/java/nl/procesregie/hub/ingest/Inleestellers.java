package nl.procesregie.hub.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import nl.procesregie.hub.ijw.BerichtSoort;

/**
 * Records taken in and records parked, per topic, and messages that deviate from the iJw 3.2 schema, per message type,
 * since the start: for the metrics.
 */
public final class Inleestellers {

    private final Map<String, LongAdder> ontvangen = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> geparkeerd = new ConcurrentHashMap<>();
    private final Map<BerichtSoort, LongAdder> schemaafwijkingen = new EnumMap<>(BerichtSoort.class);

    public Inleestellers() {
        for (BerichtSoort soort : BerichtSoort.values()) {
            schemaafwijkingen.put(soort, new LongAdder());
        }
    }

    /** A batch handled: every record processed or parked. */
    void tel(List<OntvangenRecord> batch, List<TeParkeren> parkeren) {
        batch.forEach(r -> ontvangen.computeIfAbsent(r.topic(), t -> new LongAdder()).increment());
        parkeren.forEach(p -> geparkeerd.computeIfAbsent(p.bronTopic(), t -> new LongAdder()).increment());
    }

    /** A message read despite deviating from the schema ({@code HUB_XSD_CONTROLE=melden}). */
    public void telSchemaafwijking(BerichtSoort soort) {
        schemaafwijkingen.get(soort).increment();
    }

    /** Per message type, every type present (0 when none deviated); a record delivered again counts again. */
    public Map<BerichtSoort, Long> schemaafwijkingen() {
        Map<BerichtSoort, Long> stand = new EnumMap<>(BerichtSoort.class);
        schemaafwijkingen.forEach((soort, teller) -> stand.put(soort, teller.sum()));
        return stand;
    }

    /** Handled, processed or parked; a record delivered again counts again. */
    public Map<String, Long> ontvangen() {
        return stand(ontvangen);
    }

    public Map<String, Long> geparkeerd() {
        return stand(geparkeerd);
    }

    private static Map<String, Long> stand(Map<String, LongAdder> tellers) {
        Map<String, Long> stand = new TreeMap<>();
        tellers.forEach((topic, teller) -> stand.put(topic, teller.sum()));
        return stand;
    }
}
