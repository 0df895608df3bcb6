package nl.procesregie.hub.testinfra;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.procesregie.hub.app.Onderdelen;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.demo.Stroom;

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

    /**
     * A hub on the bundled Utrecht West configuration, reading the demo feed's three topics at {@code kafka} and
     * writing to the given topics, database and mail server; the demo feed off, as the caller feeds the topics.
     */
    public static Map<String, String> hubOpTopics(String kafka, String groep, Map<Stroom, String> topics,
                                                  String signalen, String ongeldig, String db, String smtpHost,
                                                  int smtpPort) {
        Map<String, String> m = new HashMap<>();
        m.put("HUB_CONFIG", "classpath:config/utrecht-west.yaml");
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        m.put("HUB_KAFKA_GROUP_ID", groep);
        m.put("HUB_TOPIC_TOEWIJZINGEN", topics.get(Stroom.TOEWIJZINGEN));
        m.put("HUB_TOPIC_START_STOP", topics.get(Stroom.START_STOP));
        m.put("HUB_TOPIC_VERZOEKEN", topics.get(Stroom.VERZOEKEN));
        m.put("HUB_TOPIC_SIGNALEN", signalen);
        m.put("HUB_TOPIC_ONGELDIG", ongeldig);
        m.put("HUB_DB_URL", db);
        m.put("SMTP_HOST", smtpHost);
        m.put("SMTP_PORT", String.valueOf(smtpPort));
        m.put("HUB_DEMO_FEED", "false");
        return m;
    }

    /** The hub's parts on {@code db} with the test regio and these settings, on {@code klok}. */
    public static Onderdelen onderdelen(DataSource db, Clock klok) {
        return Onderdelen.bouw(db, RegioConfiguratie.laad(List.of("classpath:config/test-regio.yaml")), instellingen(),
                klok);
    }
}
