package nl.procesregie.hub.notify;

/**
 * What an HTTP route of the hub answers: the pages decide, the routes only carry it to HTTP.
 *
 * @param wwwAuthenticate set only when a password is asked for
 */
public record Antwoord(int status, String contentType, String body, String wwwAuthenticate) {

    static final String HTML = "text/html; charset=utf-8";

    static Antwoord html(int status, String body) {
        return new Antwoord(status, HTML, body, null);
    }
}
