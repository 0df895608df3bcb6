package nl.procesregie.hub.ijw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The masking rule of CONTRACTS.md: numbers that could be a BSN are masked, other numbers stay readable. */
class IjwFoutTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bsn 999924515 onbekend|Bsn ********* onbekend",
        "waarde '9999 24 515' ongeldig|waarde '**** ** ***' ongeldig",
        "waarde '999.924.515' ongeldig|waarde '***.***.***' ongeldig",
        "waarde '999 924 515.'|waarde '*** *** ***.'",
        "achtcijferig 12345672 en 1234 5672|achtcijferig ******** en **** ****",
        "twee nummers 12345678 999924515|twee nummers 12345678 *********",
        "twee nummers 999924515 12345678|twee nummers ********* 12345678",
        "aan elkaar a999924515b|aan elkaar a*********b",
        "0999924515 heeft tien cijfers|0999924515 heeft tien cijfers",
        "dubbel 999900006.999924515|dubbel *********.*********",
    })
    void eenMogelijkBsnWordtGemaskeerd(String reden, String gemaskeerd) {
        assertEquals(gemaskeerd, IjwFout.zonderBsn(reden));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bericht 123456789012 van 87654321 met dagtekening 2024-03-01 is eerder ontvangen met een andere inhoud",
        "ToewijzingNummer 123456789 van gemeente 0344 hoort al bij een andere jeugdige",
        "ToewijzingNummer 2024000117 van gemeente 0344 hoort al bij een andere jeugdige",
        "Header/Ontvanger '12345678' is geen geldige AGB-code",
        "Bsn 999900007 faalt op de elfproef",
        "Datum '2024-03-01' in ToegewezenProduct/Ingangsdatum",
        "XML is niet welgevormd (regel 12, kolom 345)",
        "12345678 12345678",
        ""
    })
    void andereGetallenBlijvenLeesbaar(String reden) {
        assertEquals(reden, IjwFout.zonderBsn(reden));
    }

    @Test
    void geenTekstBlijftGeenTekst() {
        assertNull(IjwFout.zonderBsn(null));
    }
}
