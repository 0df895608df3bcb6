package nl.procesregie.hub.aanlevering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per back office: at most {@code perSeconde} messages a second on average, and a burst of as many
 * after a quiet spell. Time comes from the hub's clock, so a test moves it instead of waiting.
 *
 * <p>Thread-safe. Buckets exist only for back offices that authenticated, so their number is bounded by the regio
 * files, not by whoever sends requests.
 */
public final class Snelheidsgrens {

    private final long kosten;
    private final long inhoud;
    private final Clock klok;
    private final Map<String, Emmer> emmers = new ConcurrentHashMap<>();

    public Snelheidsgrens(int perSeconde, Clock klok) {
        if (perSeconde < 1) {
            throw new IllegalArgumentException("perSeconde moet minstens 1 zijn");
        }
        // In whole nanoseconds: a rate that does not divide a second is rounded by a negligible fraction.
        this.kosten = 1_000_000_000L / perSeconde;
        this.inhoud = kosten * perSeconde;
        this.klok = klok;
    }

    /**
     * Takes one message's room for {@code wie}.
     *
     * @return empty when there was room; otherwise how long until there is, for Retry-After
     */
    public Optional<Duration> neem(String wie) {
        long nu = nanos();
        return emmers.computeIfAbsent(wie, w -> new Emmer(nu)).neem(nu);
    }

    private long nanos() {
        Instant nu = klok.instant();
        return nu.getEpochSecond() * 1_000_000_000L + nu.getNano();
    }

    /**
     * The bucket as one instant (the generic cell rate algorithm): when it will be full again. Each message moves
     * that instant on by one message's time; a message fits while the instant is at most a full bucket ahead.
     */
    private final class Emmer {
        private long volOp;
        private long laatst;

        Emmer(long nu) {
            this.volOp = nu;
            this.laatst = nu;
        }

        synchronized Optional<Duration> neem(long nu) {
            // A clock set back neither fills the bucket nor empties it: the bucket moves back with it.
            if (nu < laatst) {
                volOp -= laatst - nu;
            }
            laatst = nu;
            long na = Math.max(volOp, nu) + kosten;
            if (na - nu > inhoud) {
                return Optional.of(Duration.ofNanos(na - nu - inhoud));
            }
            volOp = na;
            return Optional.empty();
        }
    }
}
