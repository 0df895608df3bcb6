package nl.procesregie.hub.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SignaalSoortTest {

    @Test
    void eenSoortMetTermijnNeemtZijnBevestigingAanDeAnderenAlleenOppakkenEnAfsluiten() {
        assertEquals(Set.of(Actie.RONDE_TAFEL_GEHOUDEN, Actie.SIGNAAL_OPGEPAKT, Actie.AFGESLOTEN),
                SignaalSoort.CRISIS.acties());
        assertEquals(Optional.of(Actie.RONDE_TAFEL_GEHOUDEN), SignaalSoort.CRISIS.bevestiging());
        assertEquals(Set.of(Actie.CHECK_GEDAAN, Actie.SIGNAAL_OPGEPAKT, Actie.AFGESLOTEN),
                SignaalSoort.OPVOLGING.acties());
        assertEquals(Optional.of(Actie.CHECK_GEDAAN), SignaalSoort.OPVOLGING.bevestiging());
        for (SignaalSoort soort : SignaalSoort.values()) {
            if (soort != SignaalSoort.CRISIS && soort != SignaalSoort.OPVOLGING) {
                assertEquals(Set.of(Actie.SIGNAAL_OPGEPAKT, Actie.AFGESLOTEN), soort.acties(), soort.name());
                assertEquals(Optional.empty(), soort.bevestiging(), soort.name());
            }
        }
    }
}
