package nl.procesregie.hub.aanlevering;

import java.util.Map;
import java.util.Objects;

import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwInlezer;

/**
 * What the folder and HTTP on-ramps share: read a message exactly as the Kafka intake will read it (one parser, one
 * set of fault codes), and say where it goes. The on-ramps only publish; the consumer processes.
 *
 * <p>Thread-safe.
 */
public final class Aanlevering {

    private final IjwInlezer inlezer;
    private final Pseudonimisering pseudonimisering;
    private final Map<BerichtSoort, String> topics;

    /** @param topics the input topic of each message type */
    public Aanlevering(IjwInlezer inlezer, Pseudonimisering pseudonimisering, Map<BerichtSoort, String> topics) {
        this.inlezer = Objects.requireNonNull(inlezer);
        this.pseudonimisering = Objects.requireNonNull(pseudonimisering);
        this.topics = Map.copyOf(topics);
        for (BerichtSoort soort : BerichtSoort.values()) {
            Objects.requireNonNull(this.topics.get(soort), () -> "geen topic voor " + soort);
        }
    }

    /** @throws IjwFout with the fault code and reason the record would have been parked with */
    public Publicatie lees(byte[] xml) throws IjwFout {
        IjwInlezer.Gelezen gelezen = inlezer.lees(xml);
        return new Publicatie(topics.get(gelezen.bericht().soort()),
                pseudonimisering.pseudoniem(gelezen.bericht().client().bsn()), xml, gelezen.bericht());
    }
}
