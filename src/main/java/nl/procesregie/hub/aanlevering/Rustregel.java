package nl.procesregie.hub.aanlevering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a file in the intake folder is complete (CONTRACTS.md, "Intake for back offices that do not produce to Kafka").
 *
 * <p>A writer that can rename writes under a name that starts with {@code .} or ends in {@code .tmp} and renames the
 * file into place when it is done; such names are never candidates. A writer that cannot rename writes in place, so
 * the hub cannot tell a finished file from one still being written except by waiting: a file is taken once its size
 * and modification time were the same in a listing at least HUB_INVOER_RUSTTIJD earlier. A renamed-in file passes the
 * same rule, a quiet period after it first appeared.
 *
 * <p>The rule is checked for the whole folder at once, not per file: every poll lists the folder once, and each file
 * in that listing is compared with what the earlier listings saw of it ({@link #beginRonde}, {@link #neemt} for each
 * file, {@link #eindeRonde}). No file is waited on by itself, so 100,000 files cost one listing per poll rather than a
 * quiet period each. Files gone from a listing are forgotten.
 *
 * <p>After a file could not be published (a broker outage), no file is taken for {@link #PAUZE_NA_STORING}: the file
 * stays in the folder, and trying the next one at once would only fail again.
 *
 * <p>Time comes from the hub's clock. Thread-safe: polls run on one thread, the pause is set from another.
 */
public final class Rustregel {

    public static final Duration PAUZE_NA_STORING = Duration.ofSeconds(10);

    /** What a listing saw of one file, and since when it looked like that. */
    private record Stand(long grootte, long gewijzigd, Instant sinds) {
    }

    private final Duration rusttijd;
    private final Clock klok;
    private final Map<String, Stand> standen = new HashMap<>();
    private final Set<String> dezeRonde = new HashSet<>();
    private final AtomicLong rondes = new AtomicLong();
    private volatile Instant pauzeTot = Instant.MIN;
    private Instant nu;

    public Rustregel(Duration rusttijd, Clock klok) {
        this.rusttijd = Objects.requireNonNull(rusttijd);
        this.klok = Objects.requireNonNull(klok);
    }

    /** {@code *.xml} and {@code *.zip}, in any case; not the hidden or temporary names of a writer still busy. */
    public static boolean isKandidaat(String naam) {
        String klein = naam.toLowerCase(Locale.ROOT);
        return !naam.startsWith(".") && (klein.endsWith(".xml") || klein.endsWith(".zip"));
    }

    /** A listing of the folder begins. */
    public synchronized void beginRonde() {
        nu = klok.instant();
        dezeRonde.clear();
    }

    /**
     * @param pad       the file's path, as the listing names it
     * @param gewijzigd its modification time as the listing saw it (any unit, compared only for equality)
     * @return whether the file is complete and may be taken now
     */
    public synchronized boolean neemt(String pad, String naam, long grootte, long gewijzigd) {
        if (!isKandidaat(naam)) {
            return false;
        }
        Instant moment = nu == null ? klok.instant() : nu;
        dezeRonde.add(pad);
        Stand vorige = standen.get(pad);
        if (vorige == null || vorige.grootte() != grootte || vorige.gewijzigd() != gewijzigd) {
            standen.put(pad, new Stand(grootte, gewijzigd, moment));
            // Never on the first listing, whatever the quiet period: a file is taken only once seen unchanged twice.
            return false;
        }
        return !Duration.between(vorige.sinds(), moment).minus(rusttijd).isNegative() && !moment.isBefore(pauzeTot);
    }

    /** The listing is complete: what it no longer held is gone (taken, or removed by the back office). */
    public synchronized void eindeRonde() {
        standen.keySet().retainAll(dezeRonde);
        dezeRonde.clear();
        nu = null;
        rondes.incrementAndGet();
    }

    /** A file could not be published: take none for a while. */
    public void storing() {
        pauzeTot = klok.instant().plus(PAUZE_NA_STORING);
    }

    /** Listings completed since the start. */
    public long rondes() {
        return rondes.get();
    }
}
