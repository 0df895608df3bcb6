package nl.procesregie.hub.carepath;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * The version of an allocation the hub holds: the latest by Toewijzingsdatum + Toewijzingstijd (OP080: arrival order
 * means nothing).
 */
public record ToewijzingStand(
        String gemeente,
        String toewijzingNummer,
        String jeugdige,
        String aanbieder,
        String categorie,
        String code,
        String product,
        LocalDateTime toewijzingsmoment,
        LocalDate ingangsdatum,
        LocalDate einddatum,
        String redenWijziging) {

    /**
     * The order a regisseur reads allocation numbers in: the parser keeps a number in its canonical form (no leading
     * zeros), so shorter is smaller and equal lengths compare as text; 378 comes before 2924, not after it. The
     * overview's SQL orders the same way ({@code length(…), …}).
     */
    public static final Comparator<String> NUMMERVOLGORDE =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    static final String REDEN_ADMINISTRATIEVE_CORRECTIE = "01";
    static final String REDEN_VERWIJDERD = "13";

    /** Removed by the gemeente: "Verwijderd", or an administrative correction that shrinks it to nothing. */
    public boolean isVervallen() {
        if (REDEN_VERWIJDERD.equals(redenWijziging)) {
            return true;
        }
        return REDEN_ADMINISTRATIEVE_CORRECTIE.equals(redenWijziging) && ingangsdatum.equals(einddatum);
    }

    public TrajectSleutel traject() {
        return new TrajectSleutel(aanbieder, product);
    }

    /**
     * Whether {@code nieuw} replaces this version. The latest moment wins; two versions with the same moment but other
     * content are ordered by their content, so the outcome does not depend on which arrived first.
     */
    public boolean wordtVervangenDoor(ToewijzingStand nieuw) {
        int c = nieuw.toewijzingsmoment.compareTo(toewijzingsmoment);
        if (c != 0) {
            return c > 0;
        }
        return nieuw.inhoud().compareTo(inhoud()) > 0;
    }

    private String inhoud() {
        return String.join("|", String.valueOf(categorie), String.valueOf(code), String.valueOf(ingangsdatum),
                String.valueOf(einddatum), String.valueOf(redenWijziging), aanbieder);
    }
}
