package nl.procesregie.hub.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BevestigingsTokenTest {

    static final byte[] SLEUTEL = "een-bevestigingssleutel-van-voldoende-lengte".getBytes(StandardCharsets.UTF_8);
    static final Instant NU = Instant.parse("2026-11-23T10:00:00Z");
    static final UUID SIGNAAL = UUID.fromString("5c95876c-1f0b-4a57-9d0c-0c8c1f5b2f11");

    static BevestigingsToken op(Instant moment, byte[] sleutel) {
        return new BevestigingsToken(sleutel, Duration.ofDays(14), Clock.fixed(moment, ZoneOffset.UTC));
    }

    @Test
    void eenGemaaktTokenIsGeldigTotHetVerloopt() {
        String token = op(NU, SLEUTEL).maak(SIGNAAL, Actie.RONDE_TAFEL_GEHOUDEN);
        assertEquals(new BevestigingsToken.Uitkomst.Geldig(SIGNAAL, Actie.RONDE_TAFEL_GEHOUDEN, NU.plus(Duration.ofDays(14))),
                op(NU.plus(Duration.ofDays(14)).minusSeconds(1), SLEUTEL).controleer(token));
        assertInstanceOf(BevestigingsToken.Uitkomst.Verlopen.class,
                op(NU.plus(Duration.ofDays(14)), SLEUTEL).controleer(token));
    }

    @Test
    void eenAndereSleutelActieSignaalOfVervaldatumWordtGeweigerd() {
        String token = op(NU, SLEUTEL).maak(SIGNAAL, Actie.CHECK_GEDAAN);
        BevestigingsToken controle = op(NU, SLEUTEL);
        assertInstanceOf(BevestigingsToken.Uitkomst.Ongeldig.class, op(NU,
                "een-andere-sleutel-die-ook-lang-genoeg-is".getBytes(StandardCharsets.UTF_8)).controleer(token));
        assertInstanceOf(BevestigingsToken.Uitkomst.Ongeldig.class,
                controle.controleer(token.replace("CHECK_GEDAAN", "AFGESLOTEN")));
        assertInstanceOf(BevestigingsToken.Uitkomst.Ongeldig.class,
                controle.controleer(token.replace(SIGNAAL.toString(), UUID.randomUUID().toString())));
        String[] delen = token.split("\\.");
        String langer = delen[0] + "." + delen[1] + "." + (Long.parseLong(delen[2]) + 86_400) + "." + delen[3];
        assertInstanceOf(BevestigingsToken.Uitkomst.Ongeldig.class, controle.controleer(langer));
        for (String onzin : new String[] {null, "", "x", "a.b.c.d", "....", token + "x", "%%%.%%%"}) {
            assertInstanceOf(BevestigingsToken.Uitkomst.Ongeldig.class, controle.controleer(onzin), String.valueOf(onzin));
        }
    }
}
