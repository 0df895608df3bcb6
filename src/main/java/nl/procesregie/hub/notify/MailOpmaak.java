package nl.procesregie.hub.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.procesregie.hub.config.GemeenteInstellingen;

/**
 * Renders the mail for a trajectory signal (vierde traject, vervolgtraject) in Dutch, as plain text and as HTML that
 * Outlook renders (tables and inline styles only).
 *
 * <p>Both parts are rendered from one list of facts, so they cannot drift apart. The subject carries only the kind of
 * signal, the gemeente and the reference: subjects show up in notifications, logs and mail server indexes.
 */
public final class MailOpmaak {

    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIJDSTIP = DateTimeFormatter.ofPattern("dd-MM-yyyy 'om' HH:mm");
    private static final String[] RANGTELWOORDEN = {"eerste", "tweede", "derde", "vierde", "vijfde", "zesde",
            "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
            "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"};
    private static final String STREEP = "–";
    private static final String TEKEN_AANLEIDING = "►";
    // \p{Cc}, not \p{Cntrl}: the latter is ASCII only and lets NEL (U+0085) through, a line break to some readers.
    // Bidirectional embeddings, overrides and isolates would let a value reorder the text after it on its line.
    private static final Pattern STUURTEKENS =
            Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    private static final String LETTER = "font-family:Arial,Helvetica,sans-serif;";
    private static final String KLEUR_KOP = "#1f4e79";
    private static final String KLEUR_AANLEIDING = "#fff4ce";
    private static final String KLEUR_TELT_NIET = "#6b7280";

    public OpgemaakteMail maak(SignaalMail mail) {
        boolean vierde = switch (mail.soort()) {
            case SignaalMail.VIERDE_TRAJECT -> true;
            case SignaalMail.VERVOLG_TRAJECT -> false;
            default -> throw new IllegalArgumentException("Geen mail voor signaalsoort '" + mail.soort() + "'");
        };
        Inhoud inhoud = inhoud(mail, vierde);
        return new OpgemaakteMail(inhoud.onderwerp(), tekst(inhoud), html(inhoud));
    }

    /** A procesregie mail other than a trajectory signal. */
    public OpgemaakteMail maak(RegieMail mail) {
        throw new UnsupportedOperationException("nog niet opgemaakt: " + mail);
    }

    /** The facts of the mail, as clean text; each renderer only adds layout (and escaping). */
    private record Inhoud(
            String onderwerp,
            String kop,
            String aanhef,
            List<String> inleiding,
            List<Gegeven> jeugdige,
            String aanleiding,
            List<String> waarom,
            List<String> vraag,
            List<Rij> zorgpad,
            String referentie,
            String voetregel) {
    }

    private record Gegeven(String label, String waarde) {
    }

    private record Rij(int nr, String aanbieder, String product, String toewijzing, String zorg, String stopreden,
            String status, boolean telt, boolean aanleiding) {
    }

    private static Inhoud inhoud(SignaalMail mail, boolean vierde) {
        GemeenteInstellingen g = mail.gemeente();
        String gemeente = schoon(g.naam());
        int n = mail.volgnummer();
        String kop = (vierde ? hoofdletter(rangtelwoord(n)) + " traject" : "Vervolgtraject (" + n + "e)")
                + (mail.hernieuwd() ? " (hernieuwd)" : "");
        String onderwerp = kop + " " + STREEP + " " + gemeente + " " + STREEP + " signaal "
                + schoon(mail.signaalReferentie());

        List<String> inleiding = new ArrayList<>();
        if (vierde) {
            inleiding.add("Een jeugdige uit de gemeente " + gemeente + " stroomt een " + rangtelwoord(n)
                    + " jeugdhulptraject in. " + (n == mail.drempel()
                    ? "Daarmee is de drempel van " + mail.drempel() + " trajecten voor procesregie bereikt."
                    : "Het aantal trajecten is daarmee in één keer boven de drempel van " + mail.drempel()
                            + " voor procesregie gekomen."));
        } else {
            inleiding.add("Een jeugdige uit de gemeente " + gemeente + " stroomt opnieuw een jeugdhulptraject in: het "
                    + n + "e. Deze jeugdige heeft de drempel van " + mail.drempel() + " trajecten eerder bereikt en "
                    + "wordt door u op afstand gevolgd. Dit bericht houdt u op de hoogte van het nieuwe traject.");
        }
        if (mail.hernieuwd()) {
            inleiding.add("Dit is een hernieuwd signaal. Eerder is voor deze jeugdige al een signaal afgegeven, maar dat is "
                    + "vervallen omdat een traject niet meer meetelt (bijvoorbeeld een toewijzing die de gemeente heeft "
                    + "verwijderd of een start die de aanbieder heeft ingetrokken). Met het traject hieronder is het aantal "
                    + "opnieuw gestegen.");
        }

        List<Gegeven> jeugdige = List.of(
                new Gegeven("Voorletters", mail.voorletters() == null ? "onbekend" : schoon(mail.voorletters())),
                new Gegeven("Geboortedatum", mail.geboortedatum() == null ? "onbekend" : DATUM.format(mail.geboortedatum())),
                new Gegeven("Toewijzingnummer" + (mail.toewijzingNummers().size() == 1 ? "" : "s") + " gemeente " + gemeente,
                        mail.toewijzingNummers().isEmpty() ? "nog geen toewijzing ontvangen"
                                : String.join(", ", mail.toewijzingNummers().stream().map(MailOpmaak::schoon).toList())));

        ZorgpadRegel a = mail.aanleiding();
        String aanleiding = product(a) + " bij aanbieder " + schoon(a.aanbieder()) + "; toewijzing "
                + periode(a.toewijzingVan(), a.toewijzingTot(), "nog niet ontvangen") + "; zorg "
                + periode(a.zorgVan(), a.zorgTot(), "nog niet gestart") + ".";

        List<String> waarom = vierde ? List.of(
                "Hoe meer trajecten een jeugdige na elkaar krijgt, hoe groter de kans dat er nog een volgt zonder dat de "
                        + "doelen worden gehaald (zorgstapeling). Een reeks trajecten kan ook logisch zijn, bijvoorbeeld "
                        + "diagnostiek, aanvullende diagnostiek en daarna behandeling en ouderbegeleiding.",
                "Het zorgpad hieronder laat zien welke hulp de jeugdige en het gezin al hadden en hoe die is geëindigd, "
                        + "zodat u snel kunt beoordelen of deze stapeling logisch is of zorgen baart.")
                : List.of();

        String contactpersoon = schoon(g.contactpersoonWoord());
        String plan = schoon(g.planWoord());
        List<String> vraag = vierde ? List.of(
                "Beoordeel aan de hand van het zorgpad of procesregie hier nodig is.",
                "Neem contact op met de " + contactpersoon + ", het aanspreekpunt van de jeugdige en het gezin, en leg de "
                        + "afspraken vast in het " + plan + ".")
                : List.of(
                "Beoordeel of het nieuwe traject past bij de afspraken in het " + plan + ".",
                "Neem bij twijfel contact op met de " + contactpersoon + ", het aanspreekpunt van de jeugdige en het "
                        + "gezin, en leg nieuwe afspraken vast in het " + plan + ".");

        return new Inhoud(onderwerp, kop + " " + STREEP + " " + gemeente, "Beste " + schoon(g.regisseurNaam()) + ",",
                inleiding, jeugdige, aanleiding, waarom, vraag, rijen(mail.zorgpad()),
                "Signaalreferentie " + schoon(mail.signaalReferentie()) + ", afgegeven op "
                        + TIJDSTIP.format(mail.tijdstip()) + ". Noem deze referentie bij vragen over dit signaal.",
                "Deze e-mail bevat bijzondere persoonsgegevens (gegevens over de gezondheid van een jeugdige). "
                        + "Stuur hem niet door en bewaar hem niet langer dan nodig. U ontvangt dit bericht als "
                        + "procesregisseur voor de gemeente " + gemeente + ".");
    }

    /** Chronological by the earliest known date of each trajectory; undated ones last, in the given order. */
    private static List<Rij> rijen(List<ZorgpadRegel> zorgpad) {
        List<ZorgpadRegel> gesorteerd = zorgpad.stream()
                .sorted(Comparator.comparing(MailOpmaak::eersteDatum, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Rij> rijen = new ArrayList<>();
        for (ZorgpadRegel r : gesorteerd) {
            rijen.add(new Rij(rijen.size() + 1, schoon(r.aanbieder()), product(r),
                    periode(r.toewijzingVan(), r.toewijzingTot(), "niet ontvangen"),
                    periode(r.zorgVan(), r.zorgTot(), "niet gestart"),
                    r.stopReden() == null ? STREEP : schoon(r.stopReden()),
                    (r.loopt() ? "loopt" : "beëindigd") + (r.telt() ? "" : ", telt niet mee"),
                    r.telt(), r.aanleiding()));
        }
        return rijen;
    }

    private static LocalDate eersteDatum(ZorgpadRegel r) {
        return Stream.of(r.toewijzingVan(), r.zorgVan()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static String product(ZorgpadRegel r) {
        String omschrijving = r.categorieOmschrijving() == null ? null : schoon(r.categorieOmschrijving());
        String categorie = r.categorie() == null ? null : "categorie " + schoon(r.categorie());
        if (r.code() != null) {
            String code = schoon(r.code());
            String wat = omschrijving != null ? omschrijving : categorie;
            return wat == null ? code : wat + " (" + code + ")";
        }
        if (omschrijving != null) {
            return categorie == null ? omschrijving : omschrijving + " (" + categorie + ")";
        }
        return categorie != null ? categorie : "generiek (zonder product)";
    }

    private static String periode(LocalDate van, LocalDate tot, String zonder) {
        if (van == null && tot == null) {
            return zonder;
        }
        if (tot == null) {
            return "vanaf " + DATUM.format(van);
        }
        return van == null ? "tot en met " + DATUM.format(tot) : DATUM.format(van) + " " + STREEP + " " + DATUM.format(tot);
    }

    private static String rangtelwoord(int n) {
        return n >= 1 && n <= RANGTELWOORDEN.length ? RANGTELWOORDEN[n - 1] : n + "e";
    }

    private static String hoofdletter(String woord) {
        return Character.toUpperCase(woord.charAt(0)) + woord.substring(1);
    }

    /** Line breaks and other control characters in data would let a value forge lines of its own. */
    private static String schoon(String waarde) {
        return waarde == null ? "" : STUURTEKENS.matcher(waarde).replaceAll(" ").strip();
    }

    private static String tekst(Inhoud i) {
        StringBuilder t = new StringBuilder();
        t.append(i.aanhef()).append("\n\n");
        i.inleiding().forEach(p -> t.append(p).append("\n\n"));

        t.append("Om wie het gaat\n");
        i.jeugdige().forEach(g -> t.append("  ").append(g.label()).append(": ").append(g.waarde()).append('\n'));
        t.append("\nAanleiding\n  ").append(i.aanleiding()).append("\n\n");

        if (!i.waarom().isEmpty()) {
            t.append("Waarom dit signaal\n");
            i.waarom().forEach(p -> t.append(p).append('\n'));
            t.append('\n');
        }
        t.append("Wat wij u vragen\n");
        i.vraag().forEach(p -> t.append(p).append('\n'));

        t.append("\nZorgpad, van oud naar nieuw (").append(TEKEN_AANLEIDING).append(" = aanleiding van dit signaal)\n\n");
        for (Rij r : i.zorgpad()) {
            t.append(r.aanleiding() ? TEKEN_AANLEIDING : " ").append(String.format("%2d. ", r.nr()))
                    .append(r.product()).append(" ").append(STREEP).append(" aanbieder ").append(r.aanbieder()).append('\n')
                    .append("    Toewijzing: ").append(r.toewijzing()).append(" | Zorg: ").append(r.zorg()).append('\n')
                    .append("    Stopreden: ").append(r.stopreden()).append(" | Status: ").append(r.status()).append('\n');
        }
        t.append('\n').append(i.referentie()).append("\n\n-- \n").append(i.voetregel()).append('\n');
        return t.toString();
    }

    private static String html(Inhoud i) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.tekst(i.onderwerp())).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("bgcolor=\"#f3f4f6\" style=\"background-color:#f3f4f6;\"><tr><td align=\"center\" ")
                .append("style=\"padding:24px 12px;\">\n")
                // A fixed width: Outlook ignores max-width and would otherwise stretch the table over the screen.
                .append("<table role=\"presentation\" width=\"760\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("bgcolor=\"#ffffff\" style=\"width:760px;background-color:#ffffff;border:1px solid #d9dde3;\">\n")
                .append("<tr><td bgcolor=\"").append(KLEUR_KOP).append("\" style=\"padding:18px 28px;background-color:")
                .append(KLEUR_KOP).append(";color:#ffffff;").append(LETTER).append("font-size:18px;font-weight:bold;\">")
                .append(Html.tekst(i.kop())).append("</td></tr>\n")
                .append("<tr><td style=\"padding:24px 28px;").append(LETTER)
                .append("font-size:14px;line-height:20px;color:#1f2933;\">\n");

        alinea(h, i.aanhef());
        i.inleiding().forEach(p -> alinea(h, p));

        tussenkop(h, "Om wie het gaat");
        h.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"margin:0 0 12px 0;\">\n");
        for (Gegeven g : i.jeugdige()) {
            h.append("<tr><td style=\"padding:2px 16px 2px 0;").append(LETTER).append("font-size:14px;color:#52606d;\">")
                    .append(Html.tekst(g.label())).append("</td><td style=\"padding:2px 0;").append(LETTER)
                    .append("font-size:14px;font-weight:bold;\">").append(Html.tekst(g.waarde())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        tussenkop(h, "Aanleiding");
        alinea(h, i.aanleiding());
        if (!i.waarom().isEmpty()) {
            tussenkop(h, "Waarom dit signaal");
            i.waarom().forEach(p -> alinea(h, p));
        }
        tussenkop(h, "Wat wij u vragen");
        i.vraag().forEach(p -> alinea(h, p));

        tussenkop(h, "Zorgpad, van oud naar nieuw");
        zorgpad(h, i.zorgpad());
        h.append("<p style=\"margin:6px 0 16px 0;font-size:12px;color:#52606d;\">Geel gemarkeerd: de aanleiding van dit ")
                .append("signaal. &lsquo;Telt niet mee&rsquo;: een uitgesloten product of een vervallen toewijzing.</p>\n");

        alinea(h, i.referentie());
        h.append("</td></tr>\n<tr><td bgcolor=\"#f8f9fb\" style=\"padding:14px 28px;background-color:#f8f9fb;")
                .append("border-top:1px solid #d9dde3;").append(LETTER).append("font-size:12px;line-height:17px;")
                .append("color:#52606d;\">").append(Html.tekst(i.voetregel())).append("</td></tr>\n")
                .append("</table>\n</td></tr></table>\n</body></html>\n");
        return h.toString();
    }

    private static void zorgpad(StringBuilder h, List<Rij> rijen) {
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"border-collapse:collapse;width:100%;\">\n<tr>");
        for (String kop : List.of("Nr", "Aanbieder (AGB)", "Product", "Toewijzing", "Zorg", "Stopreden", "Status")) {
            h.append("<th align=\"left\" bgcolor=\"#e8edf3\" style=\"padding:6px 8px;background-color:#e8edf3;")
                    .append(LETTER).append("font-size:12px;color:#1f2933;border-bottom:2px solid #c5ced8;\">")
                    .append(Html.tekst(kop)).append("</th>");
        }
        h.append("</tr>\n");
        for (Rij r : rijen) {
            String achtergrond = r.aanleiding() ? KLEUR_AANLEIDING : "#ffffff";
            String cel = "<td valign=\"top\" bgcolor=\"" + achtergrond + "\" style=\"padding:6px 8px;background-color:"
                    + achtergrond + ";" + LETTER + "font-size:13px;line-height:18px;border-bottom:1px solid #e1e5ea;color:"
                    + (r.telt() ? "#1f2933" : KLEUR_TELT_NIET) + ";" + (r.aanleiding() ? "font-weight:bold;" : "") + "\">";
            h.append("<tr>");
            for (String waarde : List.of(String.valueOf(r.nr()), r.aanbieder(), r.product(), r.toewijzing(), r.zorg(),
                    r.stopreden())) {
                h.append(cel).append(Html.tekst(waarde)).append("</td>");
            }
            h.append(cel).append(Html.tekst(r.status()));
            if (r.aanleiding()) {
                h.append("<br>").append(Html.tekst(TEKEN_AANLEIDING + " aanleiding"));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void tussenkop(StringBuilder h, String tekst) {
        h.append("<p style=\"margin:20px 0 8px 0;").append(LETTER).append("font-size:15px;font-weight:bold;color:")
                .append(KLEUR_KOP).append(";\">").append(Html.tekst(tekst)).append("</p>\n");
    }

    private static void alinea(StringBuilder h, String tekst) {
        h.append("<p style=\"margin:0 0 12px 0;\">").append(Html.tekst(tekst)).append("</p>\n");
    }
}
