package nl.procesregie.hub.signals;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.procesregie.hub.ijw.Elfproef;
import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;

/**
 * The JSON events the back office sends the hub (CONTRACTS.md): meldingen (a crisis placement, a handover) on
 * {@code regie.meldingen} and acknowledgements on {@code regie.acties}. Reading validates everything; what is wrong is
 * an {@link IjwFout} with a Dutch reason that never quotes the BSN.
 */
public final class RegieBericht {

    public static final Set<String> ROUTES = Set.of("lokale-toegang", "gi", Crisisregie.VEILIG_THUIS);
    private static final Pattern GEMEENTECODE = Pattern.compile("[0-9]{4}");
    private static final int MAX_TEKST = 200;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build());
    }

    public enum Soort { CRISISPLAATSING, OVERDRACHT }

    /**
     * @param route null for a handover
     * @param voorletters may be null
     * @param geboortedatum may be null
     * @param referentie may be null
     */
    public record Melding(Soort soort, String gemeente, String bsn, String voorletters, LocalDate geboortedatum,
                          String referentie, String route, OffsetDateTime moment) {
        /** Never prints the BSN. */
        @Override
        public String toString() {
            return "Melding[" + soort + ", gemeente=" + gemeente + ", moment=" + moment + "]";
        }
    }

    /** @param door may be null */
    public record Actiebericht(UUID signaalId, Actie actie, String door, OffsetDateTime moment) {
    }

    private RegieBericht() {
    }

    public static Melding melding(byte[] waarde) throws IjwFout {
        JsonNode n = lees(waarde);
        Soort soort = switch (verplicht(n, "soort")) {
            case "CRISISPLAATSING" -> Soort.CRISISPLAATSING;
            case "OVERDRACHT" -> Soort.OVERDRACHT;
            default -> throw new IjwFout(Foutcode.BERICHT_ONBEKEND,
                    "Onbekende soort melding; verwacht CRISISPLAATSING of OVERDRACHT");
        };
        String gemeente = verplicht(n, "gemeente");
        if (!GEMEENTECODE.matcher(gemeente).matches()) {
            throw new IjwFout(Foutcode.GEMEENTE_ONBEKEND, "Veld gemeente is geen gemeentecode van 4 cijfers");
        }
        String bsn = verplicht(n, "bsn");
        if (!Elfproef.isGeldig(bsn)) {
            // The value itself is not quoted: it may be a real BSN with a typo.
            throw new IjwFout(Foutcode.BSN_ONGELDIG, "Veld bsn is geen geldig BSN (elfproef)");
        }
        String route = optioneel(n, "route");
        if (soort == Soort.CRISISPLAATSING && (route == null || !ROUTES.contains(route))) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Een crisisplaatsing noemt de route: lokale-toegang, gi of "
                    + "veilig-thuis");
        }
        if (soort == Soort.OVERDRACHT && route != null && !ROUTES.contains(route)) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Onbekende route; verwacht lokale-toegang, gi of veilig-thuis");
        }
        String geboren = optioneel(n, "geboortedatum");
        LocalDate geboortedatum;
        try {
            geboortedatum = geboren == null ? null : LocalDate.parse(geboren);
        } catch (DateTimeParseException e) {
            throw new IjwFout(Foutcode.DATUM_ONGELDIG, "Veld geboortedatum is geen datum (JJJJ-MM-DD)");
        }
        return new Melding(soort, gemeente, bsn, optioneel(n, "voorletters"), geboortedatum,
                optioneel(n, "referentie"), soort == Soort.CRISISPLAATSING ? route : null, moment(n));
    }

    public static Actiebericht actie(byte[] waarde) throws IjwFout {
        JsonNode n = lees(waarde);
        UUID signaalId;
        try {
            signaalId = UUID.fromString(verplicht(n, "signaalId"));
        } catch (IllegalArgumentException e) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Veld signaalId is geen signaal-id (UUID)");
        }
        String naam = verplicht(n, "actie");
        Actie actie = Actie.van(naam).orElseThrow(() -> new IjwFout(Foutcode.BERICHT_ONBEKEND, "Onbekende actie; "
                + "verwacht RONDE_TAFEL_GEHOUDEN, CHECK_GEDAAN, SIGNAAL_OPGEPAKT of AFGESLOTEN"));
        return new Actiebericht(signaalId, actie, optioneel(n, "door"), moment(n));
    }

    private static JsonNode lees(byte[] waarde) throws IjwFout {
        JsonNode n;
        try {
            n = JSON.readTree(waarde);
        } catch (IOException e) {
            throw new IjwFout(Foutcode.BERICHT_ONBEKEND, "Het record is geen geldige JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IjwFout(Foutcode.BERICHT_ONBEKEND, "Het record is geen JSON-object");
        }
        JsonNode versie = n.get("versie");
        if (versie == null || !versie.isInt() || versie.intValue() != 1) {
            throw new IjwFout(Foutcode.BERICHT_ONBEKEND, "Onbekende versie; deze hub leest \"versie\": 1");
        }
        return n;
    }

    private static OffsetDateTime moment(JsonNode n) throws IjwFout {
        try {
            return OffsetDateTime.parse(verplicht(n, "moment"));
        } catch (DateTimeParseException e) {
            throw new IjwFout(Foutcode.DATUM_ONGELDIG, "Veld moment is geen tijdstip met tijdzone (ISO-8601, bijv. "
                    + "2026-11-20T15:00:00+01:00)");
        }
    }

    private static String verplicht(JsonNode n, String veld) throws IjwFout {
        String waarde = optioneel(n, veld);
        if (waarde == null) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Veld " + veld + " ontbreekt");
        }
        return waarde;
    }

    private static String optioneel(JsonNode n, String veld) throws IjwFout {
        JsonNode v = n.get(veld);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Veld " + veld + " is geen tekst");
        }
        String tekst = v.textValue().strip();
        if (tekst.length() > MAX_TEKST) {
            throw new IjwFout(Foutcode.VELD_ONTBREEKT, "Veld " + veld + " is langer dan " + MAX_TEKST + " tekens");
        }
        return tekst.isEmpty() ? null : tekst;
    }
}
