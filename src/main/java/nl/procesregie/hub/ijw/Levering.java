package nl.procesregie.hub.ijw;

import java.time.LocalDate;

/**
 * One StartProduct (JW305) or StopProduct (JW307). For a start, einddatum and redenBeeindiging are null.
 */
public record Levering(
        String toewijzingNummer,
        Product product,
        LocalDate toewijzingIngangsdatum,
        LocalDate begindatum,
        LocalDate einddatum,
        String redenBeeindiging,
        String statusAanlevering) {

    public static final String STATUS_VERWIJDEREN = "3";

    public boolean isIntrekking() {
        return STATUS_VERWIJDEREN.equals(statusAanlevering);
    }
}
