package nl.procesregie.hub.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.signals.InleesOverzicht;

/**
 * The overview after a replay as pages ({@code /overzicht}, {@code /overzicht/{gemeente}}) and as a CSV file
 * ({@code /overzicht/{gemeente}.csv}). It names youths, so outside demo mode it is served only with a password
 * (HTTP Basic, the password from {@code HUB_OVERZICHT_WACHTWOORD}) and is off without one.
 */
public final class InleesOverzichtPagina {

    private static final Logger LOG = LoggerFactory.getLogger(InleesOverzichtPagina.class);
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    private static final String HTML = Antwoord.HTML;

    /** Who may look: everyone (demo mode), holders of the password, or nobody. */
    public sealed interface Toegang {
        record Open() implements Toegang {
        }

        record MetWachtwoord(String wachtwoord) implements Toegang {
        }

        record Uit() implements Toegang {
        }
    }

    private final InleesOverzicht overzicht;
    private final Toegang toegang;

    public InleesOverzichtPagina(InleesOverzicht overzicht, Toegang toegang) {
        this.overzicht = overzicht;
        this.toegang = toegang;
    }

    public Antwoord gemeenten(String authorization) throws SQLException {
        Optional<Antwoord> geweigerd = weiger(authorization);
        if (geweigerd.isPresent()) {
            return geweigerd.get();
        }
        StringBuilder h = kop("Overzicht na inlezen");
        h.append("<p>Jeugdigen die bij het inlezen van de historie boven de drempel kwamen. Daarover is geen mail "
                + "gestuurd; dit overzicht komt daarvoor in de plaats.</p>\n<table><tr><th>Gemeente</th>"
                + "<th>Jeugdigen</th></tr>\n");
        for (InleesOverzicht.Gemeente g : overzicht.gemeenten()) {
            h.append("<tr><td><a href=\"/overzicht/").append(Html.tekst(g.code())).append("\">").append(Html.tekst(g.naam()))
                    .append("</a></td><td>").append(g.aantal()).append("</td></tr>\n");
        }
        return Antwoord.html(200, h.append("</table>\n</body></html>\n").toString());
    }

    /** {@code gemeente} is a gemeente code, with {@code .csv} for the file. */
    public Antwoord gemeente(String gemeente, String authorization) throws SQLException {
        Optional<Antwoord> geweigerd = weiger(authorization);
        if (geweigerd.isPresent()) {
            return geweigerd.get();
        }
        boolean csv = gemeente.endsWith(".csv");
        String code = csv ? gemeente.substring(0, gemeente.length() - 4) : gemeente;
        Optional<List<InleesOverzicht.Jeugdige>> jeugdigen = overzicht.jeugdigen(code);
        if (jeugdigen.isEmpty()) {
            return Antwoord.html(404, kop("Onbekende gemeente").append("<p>Deze gemeente hoort niet bij de regio.</p>"
                    + "\n</body></html>\n").toString());
        }
        LOG.info("Overzicht na inlezen van gemeente {} opgevraagd ({} jeugdigen)", code, jeugdigen.get().size());
        String naam = overzicht.gemeenteNaam(code).orElse(code);
        return csv ? new Antwoord(200, "text/csv; charset=utf-8", csv(jeugdigen.get()), null, null)
                : Antwoord.html(200, html(code, naam, jeugdigen.get()));
    }

    private Optional<Antwoord> weiger(String authorization) {
        if (toegang instanceof Toegang.Uit) {
            return Optional.of(Antwoord.html(404, kop("Niet ingeschakeld").append(
                    "<p>Het overzicht na inlezen staat uit: stel HUB_OVERZICHT_WACHTWOORD in.</p>\n</body></html>\n")
                    .toString()));
        }
        if (toegang instanceof Toegang.MetWachtwoord m && !juistWachtwoord(authorization, m.wachtwoord())) {
            return Optional.of(new Antwoord(401, HTML, kop("Wachtwoord nodig").append(
                    "<p>Dit overzicht bevat persoonsgegevens en vraagt om het beheerwachtwoord.</p>\n</body></html>\n")
                    .toString(), "Basic realm=\"procesregie-hub\", charset=\"UTF-8\"", null));
        }
        return Optional.empty();
    }

    /** Any user name; the password compared in constant time. */
    static boolean juistWachtwoord(String authorization, String wachtwoord) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String gebruikerEnWachtwoord;
        try {
            gebruikerEnWachtwoord = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int dubbelepunt = gebruikerEnWachtwoord.indexOf(':');
        return dubbelepunt >= 0 && MessageDigest.isEqual(
                gebruikerEnWachtwoord.substring(dubbelepunt + 1).getBytes(StandardCharsets.UTF_8),
                wachtwoord.getBytes(StandardCharsets.UTF_8));
    }

    private static String html(String code, String naam, List<InleesOverzicht.Jeugdige> jeugdigen) {
        StringBuilder h = kop("Overzicht na inlezen – " + naam);
        h.append("<p>").append(jeugdigen.size()).append(jeugdigen.size() == 1 ? " jeugdige" : " jeugdigen")
                .append(" boven de drempel door de ingelezen historie. <a href=\"/overzicht/").append(Html.tekst(code))
                .append(".csv\">Als bestand (CSV)</a></p>\n<table><tr><th>Voorletters</th><th>Geboortedatum</th>"
                        + "<th>Toewijzingnummers</th><th>Trajecten</th><th>Boven de drempel sinds</th>"
                        + "<th>Daarna al gemaild</th></tr>\n");
        for (InleesOverzicht.Jeugdige j : jeugdigen) {
            h.append("<tr><td>").append(Html.tekst(voorletters(j))).append("</td><td>").append(datum(j)).append("</td><td>")
                    .append(Html.tekst(String.join(", ", j.toewijzingnummers()))).append("</td><td>").append(j.trajecten())
                    .append("</td><td>").append(DATUM.format(j.bovenDrempelSinds().atZone(NL))).append("</td><td>")
                    .append(j.liveGesignaleerd() ? "ja" : "nee").append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String voorletters(InleesOverzicht.Jeugdige j) {
        return j.voorletters() == null ? "" : MailOpmaak.voorletters(MailOpmaak.schoon(j.voorletters()));
    }

    private static String csv(List<InleesOverzicht.Jeugdige> jeugdigen) {
        StringBuilder c = new StringBuilder(
                "voorletters;geboortedatum;toewijzingnummers;trajecten;boven_drempel_sinds;daarna_gemaild\r\n");
        for (InleesOverzicht.Jeugdige j : jeugdigen) {
            c.append(csvVeld(voorletters(j))).append(';')
                    .append(j.geboortedatum() == null ? "" : j.geboortedatum().toString()).append(';')
                    .append(csvVeld(String.join(" ", j.toewijzingnummers()))).append(';').append(j.trajecten())
                    .append(';').append(j.bovenDrempelSinds().atZone(NL).toLocalDate()).append(';')
                    .append(j.liveGesignaleerd() ? "ja" : "nee").append("\r\n");
        }
        return c.toString();
    }

    /** Quoted, and a leading formula character neutralised so a spreadsheet does not run it. */
    private static String csvVeld(String waarde) {
        if (waarde == null) {
            return "";
        }
        String veilig = !waarde.isEmpty() && "=+-@".indexOf(waarde.charAt(0)) >= 0 ? "'" + waarde : waarde;
        return "\"" + veilig.replace("\"", "\"\"") + "\"";
    }

    private static String datum(InleesOverzicht.Jeugdige j) {
        return j.geboortedatum() == null ? "onbekend" : DATUM.format(j.geboortedatum());
    }

    private static StringBuilder kop(String titel) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.tekst(titel)).append("</title><style>body{font-family:Arial,Helvetica,sans-serif;margin:2em;"
                        + "color:#1f2933}table{border-collapse:collapse}th,td{border-bottom:1px solid #d9e2ec;"
                        + "padding:4px 12px;text-align:left}</style></head><body>\n<h1>").append(Html.tekst(titel))
                .append("</h1>\n");
    }
}
