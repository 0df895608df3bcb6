package nl.procesregie.hub.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Who may see the overview after a replay; the overview itself is tested on a real database in the it package. */
class InleesOverzichtPaginaTest {

    static String basic(String gebruikerEnWachtwoord) {
        return "Basic " + Base64.getEncoder().encodeToString(gebruikerEnWachtwoord.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void zonderWachtwoordStaatHetOverzichtBuitenDemomodusUit() throws Exception {
        // The overview is never reached, so no database is needed to show that.
        InleesOverzichtPagina pagina = new InleesOverzichtPagina(null, new InleesOverzichtPagina.Toegang.Uit());
        Antwoord a = pagina.gemeente("0632", basic("x:wat-dan-ook"));
        assertEquals(404, a.status());
        assertTrue(a.body().contains("HUB_OVERZICHT_WACHTWOORD"), a.body());
        assertNull(a.wwwAuthenticate());
    }

    @Test
    void eenVerkeerdOfOntbrekendWachtwoordVraagtErOm() throws Exception {
        InleesOverzichtPagina pagina = new InleesOverzichtPagina(null,
                new InleesOverzichtPagina.Toegang.MetWachtwoord("het-juiste-wachtwoord"));
        for (String authorization : new String[] {null, "", "Bearer het-juiste-wachtwoord", "Basic !!geen-base64!!",
                basic("het-juiste-wachtwoord"), basic("regisseur:het-juiste-wachtwoor")}) {
            Antwoord a = pagina.gemeenten(authorization);
            assertEquals(401, a.status(), String.valueOf(authorization));
            assertTrue(a.wwwAuthenticate().startsWith("Basic realm="));
        }
    }

    @Test
    void hetWachtwoordTeltElkeGebruikersnaam() {
        assertTrue(InleesOverzichtPagina.juistWachtwoord(basic("regisseur:ge:heim"), "ge:heim"));
        assertTrue(InleesOverzichtPagina.juistWachtwoord("basic " + basic(":ge:heim").substring(6), "ge:heim"));
        assertFalse(InleesOverzichtPagina.juistWachtwoord(basic("regisseur:ge:heim "), "ge:heim"));
    }
}
