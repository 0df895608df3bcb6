package nl.procesregie.hub.app;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The headers every HTTP response of the hub carries, pages, health, metrics and not-found alike. Pages name youths or
 * carry acknowledgement tokens: never cached, never framed, never leaked through a Referer, never sniffed as another
 * type.
 *
 * <p>Set on the Vert.x router rather than in the routes: platform-http's header filter strategy
 * (HttpHeaderFilterStrategy, via HttpUtil.addCommonFilters) drops an outbound {@code Cache-Control} set on the Camel
 * message, and a path no route serves never reaches a route at all.
 */
final class Beveiligingskoppen {

    static final Map<String, String> KOPPEN = koppen();

    private Beveiligingskoppen() {
    }

    private static Map<String, String> koppen() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("Cache-Control", "no-store");
        k.put("X-Frame-Options", "DENY");
        k.put("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        k.put("Referrer-Policy", "no-referrer");
        k.put("X-Content-Type-Options", "nosniff");
        return Map.copyOf(k);
    }

    /**
     * Adds the headers ahead of every other handler, once the HTTP server exists and before any route consumer
     * starts, so no response goes out without them.
     */
    static void installeer(Main main) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                try {
                    m.getCamelContext().addStartupListener((context, alGestart) -> opRouter(context));
                } catch (Exception e) {
                    throw new IllegalStateException("beveiligingskoppen niet te installeren", e);
                }
            }
        });
    }

    private static void opRouter(CamelContext context) {
        VertxPlatformHttpRouter router = hoofdrouter(context);
        router.route().order(Integer.MIN_VALUE).handler(verzoek -> {
            KOPPEN.forEach(verzoek.response().headers()::set);
            verzoek.next();
        });
    }

    /** The router of the hub's own HTTP server (HUB_HTTP_PORT), once Camel made it. */
    static VertxPlatformHttpRouter hoofdrouter(CamelContext context) {
        return context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer).findFirst()
                .orElseThrow(() -> new IllegalStateException("geen HTTP-server gevonden"));
    }
}
