package nl.procesregie.hub.ijw;

import java.time.LocalDate;
import java.time.LocalTime;

/** One ToegewezenProduct of a JW301: one version of the allocation with this ToewijzingNummer. */
public record Toewijzing(
        String toewijzingNummer,
        Product product,
        LocalDate toewijzingsdatum,
        LocalTime toewijzingstijd,
        LocalDate ingangsdatum,
        LocalDate einddatum,
        String redenWijziging) {
}
