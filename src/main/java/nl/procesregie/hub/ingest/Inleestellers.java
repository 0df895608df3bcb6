package nl.procesregie.hub.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Records taken in and records parked, per topic, since the start: for the metrics. */
public final class Inleestellers {

    private final Map<String, LongAdder> ontvangen = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> geparkeerd = new ConcurrentHashMap<>();

    /** A batch handled: every record processed or parked. */
    void tel(List<OntvangenRecord> batch, List<TeParkeren> parkeren) {
        batch.forEach(r -> ontvangen.computeIfAbsent(r.topic(), t -> new LongAdder()).increment());
        parkeren.forEach(p -> geparkeerd.computeIfAbsent(p.bronTopic(), t -> new LongAdder()).increment());
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
