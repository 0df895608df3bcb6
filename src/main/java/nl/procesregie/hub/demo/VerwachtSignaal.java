package nl.procesregie.hub.demo;

import java.time.LocalDate;
import java.time.Period;

/**
 * A signal the hub should raise for one of the feed's messages (the ground truth), as the generator knows it from its
 * own simulation. Signals a deadline raises later (reminders, escalations) are not a message's own: the test that
 * replays the feed derives them.
 *
 * @param jeugdige          the youth's feed number, as in the records' key; never the BSN
 * @param soort             {@code VIERDE_TRAJECT}, {@code VERVOLG_TRAJECT}, {@code VERBLIJF} or {@code CRISIS}
 * @param volgnummer        the trajectory ordinal the signal reports; null for verblijf and crisis
 * @param hernieuwd         true when this ordinal was signalled before and its cause was then removed
 * @param dagtekening       Dagtekening of the triggering message
 * @param berichtVolgnummer the feed position of the triggering message
 */
public record VerwachtSignaal(String jeugdige, String gemeente, String soort, Integer volgnummer, String aanbieder,
                              String product, String toewijzingNummer, boolean hernieuwd, LocalDate dagtekening,
                              long berichtVolgnummer) {

    /** Historical (no mail) when processed on {@code verwerkingsdatum} with the given signal horizon. */
    public boolean historischOp(LocalDate verwerkingsdatum, Period signaalhorizon) {
        return dagtekening.isBefore(verwerkingsdatum.minus(signaalhorizon));
    }
}
