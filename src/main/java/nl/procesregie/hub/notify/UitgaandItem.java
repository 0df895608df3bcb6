package nl.procesregie.hub.notify;

import java.util.List;
import java.util.UUID;

/**
 * One claimed outbox row: a mail or a {@code regie.signalen} event, ready to send.
 *
 * @param sleutel the event's Kafka record key (the youth's pseudonym), null for mail
 */
public record UitgaandItem(
        long id,
        UUID signaalId,
        Kanaal kanaal,
        String messageId,
        List<String> ontvangers,
        String onderwerp,
        String tekst,
        String html,
        String inhoud,
        String sleutel,
        int pogingen,
        boolean vorigeFoutAmbigu) {

    public enum Kanaal { MAIL, EVENT }

    public boolean isMail() {
        return kanaal == Kanaal.MAIL;
    }
}
