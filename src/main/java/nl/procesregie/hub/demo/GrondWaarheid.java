package nl.procesregie.hub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signals the feed's messages should raise, kept alongside the simulation: per youth the set of trajectories
 * (aanbieder, product) that count, the high-water mark and the trajectories that caused a signal (CONTRACTS.md rule 6).
 *
 * <p>What it models, for the bundled {@code utrecht-west.yaml}: threshold 4; a trajectory counts from the JW301 that
 * grants it until a JW301 voids it (RedenWijziging 13, or 01 with Einddatum = Ingangsdatum); transport (category 42,
 * excluded there) never counts; the mark drops when a signal's cause is voided, and the next trajectory is a renewed
 * signal. Whether a signal is historical follows from its Dagtekening and the processing date
 * ({@link VerwachtSignaal#historischOp}).
 *
 * <p>Besides the count, the JW301 that grants a residential trajectory raises {@code VERBLIJF} and the one that grants
 * a crisis trajectory raises {@code CRISIS}, each once per trajectory, historical by the same rule. The generator's
 * residential products are all outside Utrecht West's pleegzorg and gezinshuis codes, and its crisis products are
 * category 46.
 *
 * <p>What it leaves out, because the generator never produces the case: the look-back window (a youth's
 * trajectories all begin within two years, inside the bundled P3Y); starts without an allocation; a message granting
 * two trajectories at once; referrer rules (no Utrecht West gemeente has one); two crises of one youth within 72 hours
 * (the hub would merge them; the generator keeps at least a week between a crisis and the next trajectory). The
 * signals a deadline raises later (the one-month reminder, escalations) belong to no message: the test that replays
 * the feed derives them.
 *
 * <p>Only JW301s move the count: every start and stop names an allocation sent before it. It assumes the hub reads each
 * youth's messages in feed order across the three topics, which at live pace it does. In a burst the hub takes its
 * topics in chunks, and a start read before an earlier allocation would fire on itself and change which trajectory is
 * the fourth; {@link DemoFeed} therefore publishes a catch-up in waves that keep each youth's order.
 */
final class GrondWaarheid {

    static final int DREMPEL = 4;
    static final String VIERDE = "VIERDE_TRAJECT";
    static final String VERVOLG = "VERVOLG_TRAJECT";
    static final String VERBLIJF = "VERBLIJF";
    static final String CRISIS = "CRISIS";

    /** How the hub's bundled regio classes a trajectory's care, as far as a signal of its own depends on it. */
    enum Zorg { VERBLIJF, CRISIS, ANDERS }

    private final Map<String, Stand> standen = new HashMap<>();

    private static final class Stand {
        final Set<String> tellend = new HashSet<>();
        final Set<String> oorzaken = new HashSet<>();
        int merk;
        int hoogsteOrdinaal;
    }

    /**
     * A JW301 grants a new trajectory: it counts unless {@code telt} is false (transport), and its kind of care may
     * raise a signal of its own.
     */
    List<VerwachtSignaal> toegekend(String jeugdige, String gemeente, boolean telt, Zorg zorg, String aanbieder,
                                    String product, String nummer, LocalDate dagtekening, long berichtVolgnummer) {
        List<VerwachtSignaal> uit = new ArrayList<>();
        if (telt) {
            uit.addAll(telt(jeugdige, gemeente, aanbieder, product, nummer, dagtekening, berichtVolgnummer));
        }
        if (zorg != Zorg.ANDERS) {
            uit.add(new VerwachtSignaal(jeugdige, gemeente, zorg == Zorg.CRISIS ? CRISIS : VERBLIJF, null, aanbieder,
                    product, nummer, false, dagtekening, berichtVolgnummer));
        }
        return uit;
    }

    /** A trajectory starts counting with message {@code berichtVolgnummer}; returns the signal it raises, if any. */
    private List<VerwachtSignaal> telt(String jeugdige, String gemeente, String aanbieder, String product, String nummer,
                               LocalDate dagtekening, long berichtVolgnummer) {
        Stand s = standen.computeIfAbsent(jeugdige, k -> new Stand());
        String traject = aanbieder + '|' + product;
        if (!s.tellend.add(traject)) {
            return List.of();
        }
        int telling = s.tellend.size();
        if (telling <= s.merk) {
            return List.of();
        }
        int oudMerk = s.merk;
        s.merk = telling;
        if (telling < DREMPEL) {
            return List.of();
        }
        boolean hernieuwd = telling <= s.hoogsteOrdinaal;
        s.hoogsteOrdinaal = Math.max(s.hoogsteOrdinaal, telling);
        s.oorzaken.add(traject);
        return List.of(new VerwachtSignaal(jeugdige, gemeente, oudMerk < DREMPEL ? VIERDE : VERVOLG, telling,
                aanbieder, product, nummer, hernieuwd, dagtekening, berichtVolgnummer));
    }

    /** A trajectory stops counting (its only allocation was voided). */
    void vervalt(String jeugdige, String aanbieder, String product) {
        Stand s = standen.get(jeugdige);
        String traject = aanbieder + '|' + product;
        if (s == null || !s.tellend.remove(traject)) {
            return;
        }
        if (s.oorzaken.remove(traject)) {
            s.merk = Math.min(s.merk, s.tellend.size());
        }
    }
}
