package nl.procesregie.hub.signals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded signal. Its id is derived from its key, so a redelivered message recomputes the same signal and the
 * unique key turns it into a no-op.
 *
 * @param verzonden null while the referrer rule still waits for a JW315 (until {@code beslisOp})
 * @param basisSignaalId an escalation's unacknowledged signal; else null
 */
public record SignaalRij(
        UUID signaalId,
        String sleutel,
        SignaalSoort soort,
        Integer volgnummer,
        String gemeente,
        String jeugdige,
        String aanbieder,
        String product,
        String toewijzingNummer,
        boolean hernieuwd,
        boolean historisch,
        Boolean verzonden,
        Instant beslisOp,
        Instant tijdstip,
        UUID basisSignaalId) {

    public static UUID idVoor(String sleutel) {
        return UUID.nameUUIDFromBytes(sleutel.getBytes(StandardCharsets.UTF_8));
    }

    /** A short reference a regisseur can quote on the phone; it carries no personal data. */
    public String referentie() {
        return "PRH-" + signaalId.toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    public SignaalRij beslist(boolean isVerzonden) {
        return new SignaalRij(signaalId, sleutel, soort, volgnummer, gemeente, jeugdige, aanbieder, product,
                toewijzingNummer, hernieuwd, historisch, isVerzonden, beslisOp, tijdstip, basisSignaalId);
    }
}
