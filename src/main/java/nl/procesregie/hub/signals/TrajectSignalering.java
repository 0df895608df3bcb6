package nl.procesregie.hub.signals;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.procesregie.hub.carepath.Traject;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.Zorgpad;

/**
 * Decides the zorgstapeling signals from a youth's care path before and after a message (CONTRACTS.md, "Counting
 * trajectories" rules 6 and 7). Pure: the caller loads the state and stores the outcome in one transaction.
 */
public final class TrajectSignalering {

    private TrajectSignalering() {
    }

    /**
     * @param hoogwatermerk  the youth's mark m: the highest count decided so far
     * @param vorigTellend   trajectories that counted before this message
     * @param oorzaken       trajectories that raised an earlier VIERDE_TRAJECT or VERVOLG_TRAJECT signal
     * @param hoogsteOrdinaal highest volgnummer signalled before for this youth (0 if none)
     */
    public record Invoer(Zorgpad zorgpad, int hoogwatermerk, Set<TrajectSleutel> vorigTellend,
                         Set<TrajectSleutel> oorzaken, int hoogsteOrdinaal, int drempel,
                         Optional<Period> terugkijkperiode, LocalDate vandaag) {
    }

    /** A signal to record: {@code hernieuwd} when this ordinal was signalled before and then withdrawn. */
    public record Signaal(SignaalSoort soort, int volgnummer, Traject aanleiding, boolean hernieuwd) {
    }

    public record Besluit(int hoogwatermerk, Optional<Signaal> signaal) {
    }

    public static Besluit beslis(Invoer in) {
        List<Traject> tellend = in.zorgpad().tellend();
        // A trajectory that took over care which counted before (a start linked to its allocation) is not new.
        List<Traject> nieuw = tellend.stream()
                .filter(t -> in.vorigTellend().stream().noneMatch(t::omvat))
                .toList();

        int merk = in.hoogwatermerk();
        // Only a cause that stops counting with THIS message lowers the mark; one that stopped earlier already did.
        boolean oorzaakVervallen = in.oorzaken().stream()
                .anyMatch(o -> in.vorigTellend().contains(o) && tellend.stream().noneMatch(t -> t.omvat(o)));
        if (oorzaakVervallen) {
            // The signal's cause no longer counts, so its ordinal may be reached (and signalled) again.
            merk = Math.min(merk, tellend.size() - nieuw.size());
        }
        if (nieuw.isEmpty()) {
            return new Besluit(merk, Optional.empty());
        }

        Traject aanleiding = null;
        int telling = -1;
        for (Traject t : nieuw.stream().sorted(Comparator.comparing(Traject::eersteDatum).thenComparing(Traject::sleutel)).toList()) {
            int c = telling(t, tellend, in.terugkijkperiode(), in.vandaag());
            if (c >= telling) {
                telling = c;
                aanleiding = t;
            }
        }
        if (telling <= merk) {
            return new Besluit(merk, Optional.empty());
        }
        if (telling < in.drempel()) {
            return new Besluit(telling, Optional.empty());
        }
        SignaalSoort soort = merk < in.drempel() ? SignaalSoort.VIERDE_TRAJECT : SignaalSoort.VERVOLG_TRAJECT;
        boolean hernieuwd = telling <= in.hoogsteOrdinaal();
        return new Besluit(telling, Optional.of(new Signaal(soort, telling, aanleiding, hernieuwd)));
    }

    /**
     * The count that trajectory {@code nieuw} raises: with a look-back window only trajectories whose last date lies
     * within the window before the new trajectory's first date take part.
     */
    private static int telling(Traject nieuw, List<Traject> tellend, Optional<Period> venster, LocalDate vandaag) {
        if (venster.isEmpty()) {
            return tellend.size();
        }
        LocalDate grens = nieuw.eersteDatum().minus(venster.get());
        return (int) tellend.stream()
                .filter(t -> t.sleutel().equals(nieuw.sleutel()) || !t.laatsteDatumOf(vandaag).isBefore(grens))
                .count();
    }
}
