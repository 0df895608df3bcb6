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
 * @param gemeente      the gemeente that allocated (or was told of) this trajectory
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
        LocalDate laatsteDatum) {

    public Traject {
        toewijzingNummers = List.copyOf(toewijzingNummers);
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
