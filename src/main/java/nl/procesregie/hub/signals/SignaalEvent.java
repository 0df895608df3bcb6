package nl.procesregie.hub.signals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code regie.signalen} event (CONTRACTS.md): the youth only as its pseudonym, never the BSN. */
public final class SignaalEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private SignaalEvent() {
    }

    public static String json(SignaalRij s) {
        Map<String, Object> aanleiding = new LinkedHashMap<>();
        aanleiding.put("aanbieder", s.aanbieder());
        aanleiding.put("product", s.product());
        aanleiding.put("toewijzingnummer", s.toewijzingNummer());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("versie", 1);
        event.put("signaalId", s.signaalId().toString());
        event.put("soort", s.soort().name());
        event.put("volgnummer", s.volgnummer());
        event.put("gemeente", s.gemeente());
        event.put("jeugdige", s.jeugdige());
        event.put("aanleiding", aanleiding);
        event.put("tijdstip", tijdstip(s.tijdstip()));
        event.put("historisch", s.historisch());
        event.put("verzonden", Boolean.TRUE.equals(s.verzonden()));
        event.put("hernieuwd", s.hernieuwd());
        if (s.basisSignaalId() != null) {
            event.put("basisSignaalId", s.basisSignaalId().toString());
        }
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signaal kan niet als JSON worden geschreven", e);
        }
    }

    private static String tijdstip(Instant moment) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment.atZone(ZONE));
    }
}
