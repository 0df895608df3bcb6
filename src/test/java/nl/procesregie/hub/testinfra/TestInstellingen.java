package nl.procesregie.hub.testinfra;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.procesregie.hub.app.Onderdelen;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;

/** Settings for tests that build the hub's parts on their own database, without starting a hub. */
public final class TestInstellingen {

    public static final String PSEUDONIEM_SLEUTEL = "een-testsleutel-van-voldoende-lengte";

    private TestInstellingen() {
    }

    public static HubInstellingen instellingen() {
        return instellingen(Map.of());
    }

    public static HubInstellingen instellingen(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("HUB_CONFIG", "classpath:config/test-regio.yaml");
        m.put("HUB_PSEUDONIEM_SLEUTEL", PSEUDONIEM_SLEUTEL);
        m.put("HUB_OUTBOX_MAX_WACHTTIJD", "PT1M");
        m.put("HUB_MAX_POGINGEN", "3");
        m.put("HUB_BASIS_URL", "https://hub.test.example");
        m.put("HUB_DEMO_FEED", "false");
        m.putAll(extra);
        return HubInstellingen.uit(m);
    }

    /** The hub's parts on {@code db} with the test regio and these settings, on {@code klok}. */
    public static Onderdelen onderdelen(DataSource db, Clock klok) {
        return Onderdelen.bouw(db, RegioConfiguratie.laad(List.of("classpath:config/test-regio.yaml")), instellingen(),
                klok);
    }
}
