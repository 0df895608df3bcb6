package nl.procesregie.hub.notify;

import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/** What a failed send means for its outbox row. */
enum UitgaandFout {

    /** Not delivered and worth another try: a refused connection, a temporary (4xx) rejection, a broker outage. */
    NIET_AFGELEVERD,
    /** May have been delivered (accepted, then the connection broke or timed out): the next attempt is a re-send. */
    MISSCHIEN_AFGELEVERD,
    /**
     * The server refused a recipient permanently (5xx on RCPT). Tried a bounded number of times rather than once,
     * because a relay in trouble sometimes answers 5xx for what later turns out to be temporary.
     */
    ADRES_GEWEIGERD,
    /** A recipient address is malformed: the message never left and no later attempt can do better. */
    ADRES_ONGELDIG;

    static UitgaandFout van(UitgaandItem item, Throwable fout) {
        if (!item.isMail()) {
            // The producer reports a failure only after giving up on the record, and its exceptions do not tell a
            // record that never left from one whose acknowledgement was lost; an attempt that ended without any
            // outcome is still counted, at the next claim.
            return NIET_AFGELEVERD;
        }
        if (zoek(fout, AddressException.class) != null) {
            return ADRES_ONGELDIG;
        }
        SMTPAddressFailedException weigering = zoek(fout, SMTPAddressFailedException.class);
        if (weigering != null && weigering.getReturnCode() >= 500) {
            return ADRES_GEWEIGERD;
        }
        return MailVerzender.misschienAfgeleverd(fout) ? MISSCHIEN_AFGELEVERD : NIET_AFGELEVERD;
    }

    /**
     * The failure as it may be logged and stored. For a refused address the recipient and the server's own text are
     * left out: the server may echo the address and more of the message than a log line may carry.
     */
    static String reden(UitgaandFout soort, Throwable fout) {
        return switch (soort) {
            case ADRES_ONGELDIG -> "ongeldig ontvangeradres";
            case ADRES_GEWEIGERD -> "ontvanger blijvend geweigerd door de mailserver (SMTP "
                    + zoek(fout, SMTPAddressFailedException.class).getReturnCode() + ")";
            case MISSCHIEN_AFGELEVERD, NIET_AFGELEVERD -> fout.toString();
        };
    }

    private static <T extends Throwable> T zoek(Throwable fout, Class<T> soort) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (soort.isInstance(t)) {
                return soort.cast(t);
            }
        }
        return null;
    }
}
