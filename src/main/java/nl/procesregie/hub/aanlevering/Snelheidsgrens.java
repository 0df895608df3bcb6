package nl.procesregie.hub.aanlevering;

import java.time.Clock;
import java.time.Duration;
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

    private final double perSeconde;
    private final Clock klok;
    private final Map<String, Emmer> emmers = new ConcurrentHashMap<>();

    public Snelheidsgrens(int perSeconde, Clock klok) {
        if (perSeconde < 1) {
            throw new IllegalArgumentException("perSeconde moet minstens 1 zijn");
        }
        this.perSeconde = perSeconde;
        this.klok = klok;
    }

    /**
     * Takes one message's room for {@code wie}.
     *
     * @return empty when there was room; otherwise how long until there is, for Retry-After
     */
    public Optional<Duration> neem(String wie) {
        return emmers.computeIfAbsent(wie, w -> new Emmer(perSeconde, nanos())).neem(nanos());
    }

    private long nanos() {
        var nu = klok.instant();
        return nu.getEpochSecond() * 1_000_000_000L + nu.getNano();
    }

    private static final class Emmer {
        private final double perSeconde;
        private double voorraad;
        private long bijgevuld;

        Emmer(double perSeconde, long nu) {
            this.perSeconde = perSeconde;
            this.voorraad = perSeconde;
            this.bijgevuld = nu;
        }

        synchronized Optional<Duration> neem(long nu) {
            // A clock set back adds nothing, rather than taking room away.
            if (nu > bijgevuld) {
                voorraad = Math.min(perSeconde, voorraad + (nu - bijgevuld) / 1e9 * perSeconde);
                bijgevuld = nu;
            }
            if (voorraad >= 1) {
                voorraad -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - voorraad) / perSeconde * 1e9)));
        }
    }
}
