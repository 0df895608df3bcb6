package nl.procesregie.hub.notify;

import java.util.List;
import java.util.UUID;

/**
 * One claimed outbox row: a mail or a {@code regie.signalen} event, ready to send.
 *
 * @param sleutel     the event's Kafka record key (the youth's pseudonym), null for mail
 * @param pogingen    attempts started so far, including the one this item is for once {@link Uitgaand#beginPoging}
 *                    returned it
 * @param weigeringen permanent rejections of a recipient so far
 * @param claimToken  the claim this item was handed out under; the row's outcome is recorded only while it holds
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
        int weigeringen,
        UUID claimToken) {

    public enum Kanaal { MAIL, EVENT }

    public boolean isMail() {
        return kanaal == Kanaal.MAIL;
    }

    UitgaandItem metPogingen(int aantal) {
        return new UitgaandItem(id, signaalId, kanaal, messageId, ontvangers, onderwerp, tekst, html, inhoud, sleutel,
                aantal, weigeringen, claimToken);
    }
}
