package nl.procesregie.hub.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * One trajectory of the youth as the mail shows it.
 *
 * @param aanbieder             AGB code
 * @param aanbiederNaam         the provider's name from the regio config ({@code aanbieders}), may be null
 * @param categorieOmschrijving description of the category, may be null
 * @param code                  product code, may be null (allocation by category or budget)
 * @param stopReden             description of the RedenBeeindiging, may be null
 * @param telt                  false for excluded products and void allocations
 * @param aanleiding            this trajectory raised the count that caused the signal
 */
public record ZorgpadRegel(
        String aanbieder,
        String aanbiederNaam,
        String categorie,
        String categorieOmschrijving,
        String code,
        List<String> toewijzingNummers,
        LocalDate toewijzingVan,
        LocalDate toewijzingTot,
        LocalDate zorgVan,
        LocalDate zorgTot,
        String stopReden,
        boolean loopt,
        boolean telt,
        boolean aanleiding) {

    public ZorgpadRegel {
        toewijzingNummers = List.copyOf(toewijzingNummers);
    }
}
