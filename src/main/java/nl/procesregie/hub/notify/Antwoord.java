package nl.procesregie.hub.notify;

/**
 * What an HTTP route of the hub answers: the pages decide, the routes only carry it to HTTP (through
 * {@code direct:http-antwoord}, which {@code POST /ijw}'s answers take too).
 *
 * @param wwwAuthenticate set only when a password is asked for
 * @param retryAfter      seconds; no page sets it
 */
public record Antwoord(int status, String contentType, String body, String wwwAuthenticate, String retryAfter) {

    static final String HTML = "text/html; charset=utf-8";

    static Antwoord html(int status, String body) {
        return new Antwoord(status, HTML, body, null, null);
    }
}
