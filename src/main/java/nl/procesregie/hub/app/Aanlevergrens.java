package nl.procesregie.hub.app;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import io.vertx.core.http.HttpServerResponse;

import nl.procesregie.hub.aanlevering.Aanleverantwoord;
import nl.procesregie.hub.aanlevering.IjwHttp;

/**
 * The largest request body the HTTP server takes in, and the answer of {@code POST /ijw} to a larger one.
 *
 * <p>platform-http reads a body whole into memory (Vert.x BodyHandler) before a route sees it; without a limit a
 * chunked body, which announces no length, could make the hub hold any amount. With {@code camel.server.maxBodySize}
 * the BodyHandler refuses a Content-Length over the limit before reading a byte, and stops collecting a chunked body
 * the moment it passes the limit, both with status 413. That happens before any route, so the answer of
 * {@code /ijw} to it is given here, on the router, in the same form as its other answers.
 */
final class Aanlevergrens {

    private Aanlevergrens() {
    }

    /** @param maxBytes {@code HUB_MAX_RECORD_BYTES}: no page or message of the hub is larger */
    static void installeer(Main main, IjwHttp ijwHttp, int maxBytes) {
        main.addInitialProperty("camel.server.maxBodySize", String.valueOf(maxBytes));
        // No route of the hub takes a file upload; left on, a multipart request to any path would be written to disk.
        main.addInitialProperty("camel.server.fileUploadEnabled", "false");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                try {
                    m.getCamelContext().addStartupListener((context, alGestart) -> Beveiligingskoppen
                            .hoofdrouter(context).route("/ijw").failureHandler(verzoek -> {
                                if (verzoek.statusCode() != 413 || verzoek.response().headWritten()) {
                                    verzoek.next();
                                    return;
                                }
                                Aanleverantwoord a = ijwHttp.teGroot(verzoek.request().getHeader("Authorization"));
                                HttpServerResponse antwoord = verzoek.response().setStatusCode(a.status())
                                        .putHeader("Content-Type", a.contentType());
                                if (a.wwwAuthenticate() != null) {
                                    antwoord.putHeader("WWW-Authenticate", a.wwwAuthenticate());
                                }
                                antwoord.end(a.body());
                            }));
                } catch (Exception e) {
                    throw new IllegalStateException("grens voor aanleveringen niet te installeren", e);
                }
            }
        });
    }
}
