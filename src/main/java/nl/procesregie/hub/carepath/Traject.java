package nl.procesregie.hub.carepath;

import java.time.LocalDate;
import java.util.List;

/**
 * One trajectory of a youth's care path, derived from its allocations and starts/stops.
 *
 * @param telt          counts towards zorgstapeling (CONTRACTS.md rule 5, excluded products never count)
 * @param uitgesloten   the product is excluded by the regio/gemeente configuration
 * @param eersteDatum   earliest Ingangsdatum or Begindatum
 * @param laatsteDatum  latest Einddatum or stop date; null while care or the allocation runs
 * @param gemeente      the gemeente of its latest allocation (or, without one, of its latest start/stop)
 * @param herkomst      keys under which its starts/stops counted before they were linked to its allocation: the same
 *                      care, so a signal raised under such a key is not raised again under this one
 * @param geldig        has a non-void allocation or an unretracted start/stop not linked to a void one (rule 5),
 *                      whether or not its product is excluded from counting
 */
public record Traject(
        TrajectSleutel sleutel,
        String gemeente,
        String categorie,
        String code,
        List<String> toewijzingNummers,
        LocalDate toewijzingVan,
        LocalDate toewijzingTot,
        LocalDate zorgVan,
        LocalDate zorgTot,
        String redenBeeindiging,
        boolean telt,
        boolean uitgesloten,
        LocalDate eersteDatum,
        LocalDate laatsteDatum,
        java.util.Set<TrajectSleutel> herkomst,
        boolean geldig) {

    public Traject {
        toewijzingNummers = List.copyOf(toewijzingNummers);
        herkomst = java.util.Set.copyOf(herkomst);
    }

    /** This trajectory, or care that is now part of it, was known under {@code sleutel}. */
    public boolean omvat(TrajectSleutel andere) {
        return sleutel.equals(andere) || herkomst.contains(andere);
    }

    /** Running: not ended by a stop or by the allocation's end date before {@code vandaag}. */
    public boolean loopt(LocalDate vandaag) {
        return laatsteDatum == null || !laatsteDatum.isBefore(vandaag);
    }

    /** The last date for the look-back window: today while running. */
    public LocalDate laatsteDatumOf(LocalDate vandaag) {
        return loopt(vandaag) ? vandaag : laatsteDatum;
    }
}
