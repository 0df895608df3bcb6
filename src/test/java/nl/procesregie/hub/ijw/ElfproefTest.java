package nl.procesregie.hub.ijw;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ElfproefTest {

    @ParameterizedTest
    @ValueSource(strings = {"999900006", "999900018", "999900031", "999900043", "999900109", "999999990"})
    void testnummersUitDeTestreeksZijnGeldig(String bsn) {
        assertTrue(Elfproef.isGeldig(bsn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999900007", "999900016", "999900060", "123456789"})
    void eenVerkeerdCijferOfEenVerwisselingFaalt(String bsn) {
        assertFalse(Elfproef.isGeldig(bsn));
    }

    @Test
    void alleenNullenIsOngeldigHoewelDeSomDeelbaarIs() {
        assertFalse(Elfproef.isGeldig("000000000"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"99990006", "9999000060", "99990000A", " 99990006", "99990000６", "-99990006"})
    void alleenPreciesNegenCijfersTellen(String bsn) {
        assertFalse(Elfproef.isGeldig(bsn));
    }
}
