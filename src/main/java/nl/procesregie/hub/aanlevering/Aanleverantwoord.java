package nl.procesregie.hub.aanlevering;

/**
 * What {@code POST /ijw} answers: {@link IjwHttp} decides, and {@code direct:http-antwoord} carries it to HTTP as it
 * carries the pages' {@code notify.Antwoord}, which has the same shape.
 *
 * @param body            JSON, Dutch; never the message nor anything from it that names a youth
 * @param wwwAuthenticate set only with 401
 * @param retryAfter      seconds, set only with 429 and 503
 */
public record Aanleverantwoord(int status, String contentType, String body, String wwwAuthenticate,
                               String retryAfter) {
}
