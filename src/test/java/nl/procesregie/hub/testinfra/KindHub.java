package nl.procesregie.hub.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.app.HubApplicatie;
import nl.procesregie.hub.config.HubInstellingen;

/** A hub in a JVM of its own on the infrastructure its environment names, for tests that kill it with -9. */
public final class KindHub {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KindHub() {
    }

    /** Starts a hub with {@code env} as its settings, working in {@code map}, its output in {@code <naam>.log}. */
    public static Process start(String naam, Map<String, String> env, Path map) throws IOException {
        return start(naam, env, map, List.of("-Xmx384m"));
    }

    /** As {@link #start(String, Map, Path)}, with these options for its JVM (heap, a flight recording). */
    public static Process start(String naam, Map<String, String> env, Path map, List<String> jvmOpties)
            throws IOException {
        return KindProces.start(KindHub.class, naam, jvmOpties, env, map);
    }

    /** Whether the hub on {@code poort} answers its health check with 200. */
    public static boolean gezond(int poort) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        HubInstellingen instellingen = HubInstellingen.uitOmgeving();
        Hub hub = Hub.start(instellingen, HubApplicatie.infrastructuur(instellingen), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close));
        new CountDownLatch(1).await();
    }
}
