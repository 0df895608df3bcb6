package nl.procesregie.hub.aanlevering;

/**
 * What {@code POST /ijw} answers: {@link IjwHttp} decides, the route only carries it to HTTP (as
 * {@code notify.Antwoord} for the pages, with Retry-After besides).
 *
 * @param body            JSON, Dutch; never the message nor anything from it that names a youth
 * @param wwwAuthenticate set only with 401
 * @param retryAfter      seconds, set only with 429 and 503
 */
public record Aanleverantwoord(int status, String contentType, String body, String wwwAuthenticate,
                               String retryAfter) {
}
