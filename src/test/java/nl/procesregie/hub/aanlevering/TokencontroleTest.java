package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.config.Aanleveraar;

class TokencontroleTest {

    static final String TOKEN_A = "q0v7Jx2bHn1L9m3Kd8Yt4Wc6Rf5Ps0Ue+Zg/Ha1Bi2=";
    static final String TOKEN_B = "token-van-b";

    static Aanleveraar aanleveraar(String naam, String token) {
        return new Aanleveraar(naam, Tokencontrole.hashVan(token).substring("sha256:".length()), Set.of("0632"),
                Set.of());
    }

    final Aanleveraar a = aanleveraar("A", TOKEN_A);
    final Aanleveraar b = aanleveraar("B", TOKEN_B);
    final Tokencontrole controle = new Tokencontrole(List.of(a, b));

    @Test
    void eenBekendTokenNoemtZijnAanleveraar() {
        assertEquals(Optional.of(a), controle.herken("Bearer " + TOKEN_A));
        assertEquals(Optional.of(b), controle.herken("Bearer " + TOKEN_B));
        // RFC 7235: the scheme is case-insensitive.
        assertEquals(Optional.of(b), controle.herken("bearer " + TOKEN_B));
        assertEquals(Optional.of(b), controle.herken("BEARER  " + TOKEN_B + " "));
    }

    @Test
    void eenOntbrekendMisvormdOfOnbekendTokenNoemtNiemand() {
        char[] lang = new char[2000];
        Arrays.fill(lang, 'a');
        for (String kop : Arrays.asList(null, "", "Bearer", "Bearer ", "Basic " + TOKEN_B, TOKEN_B,
                "Bearer " + TOKEN_B + " extra", "Bearer " + TOKEN_B + "x", "Bearer token-van-\u00e9",
                "Bearer " + new String(lang))) {
            assertEquals(Optional.empty(), controle.herken(kop), String.valueOf(kop));
        }
    }

    @Test
    void eenHashInHoofdlettersGeldtOok() {
        Aanleveraar hoofdletters = new Aanleveraar("H", a.tokenHash().toUpperCase(), Set.of("0632"), Set.of());
        assertEquals(Optional.of(hoofdletters), new Tokencontrole(List.of(hoofdletters)).herken("Bearer " + TOKEN_A));
    }

    @Test
    void deHashIsDeSha256VanHetTokenAlsHexMetVoorvoegsel() {
        // printf %s token-van-b | sha256sum
        assertEquals("sha256:3e19d60c8a485da0beeda53863742ed99903db8417074da2a1ceb671b48bd735",
                Tokencontrole.hashVan(TOKEN_B));
    }
}
