package nl.procesregie.hub.notify;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.signals.Actie;
import nl.procesregie.hub.signals.BevestigingsToken;
import nl.procesregie.hub.signals.Bevestigingen;
import nl.procesregie.hub.signals.SignaalRij;

/**
 * The page an acknowledgement link opens. Opening it (GET) changes nothing, since mail scanners and link previews
 * follow links; only its one button (POST) confirms. A forged, tampered or expired link is refused with a page that
 * says so, and logged. The page shows the signal's reference and kind, never the youth: links get forwarded.
 */
public final class BevestigingsPagina {

    private static final Logger LOG = LoggerFactory.getLogger(BevestigingsPagina.class);

    private final BevestigingsToken tokens;
    private final Bevestigingen bevestigingen;
    private final Function<String, Optional<String>> gemeenteNaam;
    private final Clock klok;

    public BevestigingsPagina(BevestigingsToken tokens, Bevestigingen bevestigingen,
                              Function<String, Optional<String>> gemeenteNaam, Clock klok) {
        this.tokens = tokens;
        this.bevestigingen = bevestigingen;
        this.gemeenteNaam = gemeenteNaam;
        this.klok = klok;
    }

    /** GET: the confirmation page with its button, or why the link is refused. */
    public Antwoord toon(String token) throws SQLException {
        BevestigingsToken.Uitkomst uitkomst = tokens.controleer(token);
        if (!(uitkomst instanceof BevestigingsToken.Uitkomst.Geldig geldig)) {
            return geweigerd(uitkomst, "geopend");
        }
        Optional<SignaalRij> signaal = bevestigingen.onderwerp(geldig.signaalId());
        if (signaal.isEmpty()) {
            LOG.warn("Bevestigingslink voor onbekend signaal {} geopend", geldig.signaalId());
            return Antwoord.html(404, pagina("Signaal onbekend", "<p>Dit signaal is bij de hub niet (meer) bekend. "
                    + "Neem contact op met de beheerder van de hub.</p>"));
        }
        SignaalRij s = signaal.get();
        return Antwoord.html(200, pagina(geldig.actie().knop() + "?", "<p>U bevestigt voor signaal <strong>"
                + Html.tekst(s.referentie()) + "</strong> (" + Html.tekst(soort(s)) + ", gemeente "
                + Html.tekst(gemeenteNaam.apply(s.gemeente()).orElse(s.gemeente())) + "):</p>\n"
                + "<p class=\"actie\">" + Html.tekst(geldig.actie().knop()) + "</p>\n"
                // No action: the form posts to the address the page was opened at, whatever path a proxy adds.
                + "<form method=\"post\">"
                + "<button type=\"submit\">Bevestigen</button></form>\n"
                + "<p class=\"uitleg\">Pas na een klik op de knop legt de hub dit vast."
                + (geldig.actie() == Actie.RONDE_TAFEL_GEHOUDEN || geldig.actie() == Actie.CHECK_GEDAAN
                ? " Daarna volgen geen herinneringen of escalaties meer voor dit signaal." : "") + "</p>"));
    }

    /** POST: records the acknowledgement; acknowledging twice is harmless. */
    public Antwoord bevestig(String token) throws SQLException {
        BevestigingsToken.Uitkomst uitkomst = tokens.controleer(token);
        if (!(uitkomst instanceof BevestigingsToken.Uitkomst.Geldig geldig)) {
            return geweigerd(uitkomst, "verstuurd");
        }
        Bevestigingen.Resultaat r = bevestigingen.bevestig(geldig.signaalId(), geldig.actie(), null, klok.instant(),
                Bevestigingen.Via.LINK);
        return switch (r.uitkomst()) {
            case BEVESTIGD -> Antwoord.html(200, pagina("Bevestigd", "<p>Vastgelegd voor signaal <strong>"
                    + Html.tekst(r.signaal().referentie()) + "</strong>: " + Html.tekst(geldig.actie().knop())
                    + ". Dank u wel.</p>"));
            case AL_BEVESTIGD -> Antwoord.html(200, pagina("Al bevestigd", "<p>Voor signaal <strong>"
                    + Html.tekst(r.signaal().referentie()) + "</strong> was &lsquo;" + Html.tekst(geldig.actie().knop())
                    + "&rsquo; al vastgelegd. Er is niets veranderd.</p>"));
            case ONBEKEND_SIGNAAL -> Antwoord.html(404, pagina("Signaal onbekend",
                    "<p>Dit signaal is bij de hub niet (meer) bekend. Er is niets vastgelegd.</p>"));
            case PAST_NIET -> Antwoord.html(409, pagina("Niet mogelijk", "<p>Deze bevestiging hoort niet bij dit "
                    + "signaal. Er is niets vastgelegd.</p>"));
        };
    }

    private Antwoord geweigerd(BevestigingsToken.Uitkomst uitkomst, String hoe) {
        if (uitkomst instanceof BevestigingsToken.Uitkomst.Verlopen v) {
            LOG.warn("Verlopen bevestigingslink {} voor signaal {} (verlopen op {})", hoe, v.signaalId(), v.verval());
            return Antwoord.html(410, pagina("Link verlopen", "<p>Deze bevestigingslink is verlopen. Er is niets "
                    + "vastgelegd. Bevestig via de link in een recentere e-mail over dit signaal, of via de "
                    + "backoffice.</p>"));
        }
        String reden = ((BevestigingsToken.Uitkomst.Ongeldig) uitkomst).reden();
        LOG.warn("Ongeldige bevestigingslink {}: {}", hoe, reden);
        return Antwoord.html(400, pagina("Link ongeldig", "<p>Deze bevestigingslink is niet geldig: hij is "
                + "onvolledig of gewijzigd. Er is niets vastgelegd. Gebruik de link precies zoals hij in de e-mail "
                + "staat.</p>"));
    }

    private static String soort(SignaalRij s) {
        return switch (s.soort()) {
            case VIERDE_TRAJECT -> "vierde traject";
            case VERVOLG_TRAJECT -> "vervolgtraject";
            case VERBLIJF -> "start verblijf";
            case CRISIS -> "crisisplaatsing";
            case OPVOLGING -> "opvolging na overdracht";
            case LEEFTIJD_16 -> "16 jaar";
            case LEEFTIJD_18 -> "18 jaar nadert";
            case ESCALATIE -> "escalatie";
        };
    }

    private static String pagina(String titel, String inhoud) {
        return "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + Html.tekst(titel) + " – procesregie-hub</title><style>body{font-family:Arial,Helvetica,sans-serif;"
                + "margin:2em auto;max-width:36em;padding:0 1em;color:#1f2933;line-height:1.5}"
                + "h1{color:#1f4e79;font-size:1.4em}.actie{font-size:1.2em;font-weight:bold}"
                + "button{background:#1f4e79;color:#fff;border:0;padding:.7em 1.6em;font-size:1em;cursor:pointer}"
                + ".uitleg{color:#52606d;font-size:.9em}</style></head><body>\n<h1>" + Html.tekst(titel) + "</h1>\n"
                + inhoud + "\n</body></html>\n";
    }
}
