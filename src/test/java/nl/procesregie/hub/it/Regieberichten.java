package nl.procesregie.hub.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** JSON events for regie.meldingen and regie.acties as a back office would write them (CONTRACTS.md). */
final class Regieberichten {

    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");

    private Regieberichten() {
    }

    static byte[] crisis(String gemeente, String bsn, String route, Instant moment, String referentie) {
        return melding("CRISISPLAATSING", gemeente, bsn, route, moment, referentie);
    }

    static byte[] overdracht(String gemeente, String bsn, Instant moment, String referentie) {
        return melding("OVERDRACHT", gemeente, bsn, null, moment, referentie);
    }

    private static byte[] melding(String soort, String gemeente, String bsn, String route, Instant moment,
                                  String referentie) {
        return ("{\"versie\":1,\"soort\":\"" + soort + "\",\"gemeente\":\"" + gemeente + "\",\"bsn\":\"" + bsn
                + "\",\"voorletters\":\"K.L.\",\"geboortedatum\":\"" + LocalDate.of(2012, 4, 17) + "\""
                + (route == null ? "" : ",\"route\":\"" + route + "\"")
                + ",\"referentie\":\"" + referentie + "\",\"moment\":\"" + OffsetDateTime.ofInstant(moment, NL) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] actie(UUID signaalId, String actie) {
        return ("{\"versie\":1,\"signaalId\":\"" + signaalId + "\",\"actie\":\"" + actie
                + "\",\"door\":\"backoffice-test\",\"moment\":\"" + OffsetDateTime.now(NL) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
