package nl.procesregie.hub.notify;

/** A rendered mail: the subject, and the same content as plain text and as HTML (multipart/alternative). */
public record OpgemaakteMail(String onderwerp, String tekst, String html) {
}
