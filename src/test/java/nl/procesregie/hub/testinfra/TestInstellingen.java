package nl.procesregie.hub.testinfra;

import java.util.HashMap;
import java.util.Map;

import nl.procesregie.hub.config.HubInstellingen;

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
}
