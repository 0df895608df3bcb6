package nl.procesregie.hub.it;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.app.HubApplicatie;
import nl.procesregie.hub.config.HubInstellingen;

/** A hub in a JVM of its own on the infrastructure its environment names, for tests that kill it with -9. */
public final class KindHub {

    private KindHub() {
    }

    public static void main(String[] args) throws Exception {
        HubInstellingen instellingen = HubInstellingen.uitOmgeving();
        Hub hub = Hub.start(instellingen, HubApplicatie.infrastructuur(instellingen), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close));
        new CountDownLatch(1).await();
    }
}
