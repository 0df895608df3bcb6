package nl.procesregie.hub.notify;

/** A rendered notification: subject, plain text and HTML. */
public record OpgemaakteMail(String onderwerp, String tekst, String html) {
}
