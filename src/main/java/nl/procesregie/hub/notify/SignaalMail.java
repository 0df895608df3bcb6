package nl.procesregie.hub.notify;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import nl.procesregie.hub.config.GemeenteInstellingen;

/**
 * What a trajectory signal mail may show: deliberately no BSN and no pseudonym, only what lets the regisseur recognise
 * the youth in the gemeente's own systems and judge the care path.
 *
 * @param soort             {@link #VIERDE_TRAJECT} or {@link #VERVOLG_TRAJECT}
 * @param signaalReferentie e.g. "PRH-7F3A2C91"
 * @param hernieuwd         an earlier signal lapsed because a trajectory stopped counting; this one replaces it
 * @param voorletters       may be null
 * @param geboortedatum     may be null
 * @param toewijzingNummers of this gemeente for this youth
 * @param aanleiding        the trajectory that raised the count
 * @param zorgpad           all trajectories of the youth, in any order
 * @param knop              the "signaal opgepakt" link; may be null
 */
public record SignaalMail(
        String soort,
        String signaalReferentie,
        int volgnummer,
        int drempel,
        boolean hernieuwd,
        GemeenteInstellingen gemeente,
        String voorletters,
        LocalDate geboortedatum,
        List<String> toewijzingNummers,
        ZorgpadRegel aanleiding,
        List<ZorgpadRegel> zorgpad,
        ZonedDateTime tijdstip,
        Actieknop knop) {

    public static final String VIERDE_TRAJECT = "VIERDE_TRAJECT";
    public static final String VERVOLG_TRAJECT = "VERVOLG_TRAJECT";

    public SignaalMail {
        Objects.requireNonNull(soort, "soort");
        Objects.requireNonNull(signaalReferentie, "signaalReferentie");
        Objects.requireNonNull(gemeente, "gemeente");
        Objects.requireNonNull(aanleiding, "aanleiding");
        Objects.requireNonNull(tijdstip, "tijdstip");
        toewijzingNummers = List.copyOf(toewijzingNummers);
        zorgpad = List.copyOf(zorgpad);
    }

    /** Never prints the youth: records end up in exception messages and debug output. */
    @Override
    public String toString() {
        return "SignaalMail[soort=" + soort + ", signaalReferentie=" + signaalReferentie + ", volgnummer=" + volgnummer
                + ", gemeente=" + gemeente.code() + "]";
    }
}
