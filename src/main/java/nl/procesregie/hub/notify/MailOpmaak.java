package nl.procesregie.hub.notify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.procesregie.hub.config.GemeenteInstellingen;

/**
 * Renders the procesregie mails in Dutch, as plain text and as HTML that Outlook renders (tables and inline styles
 * only): the trajectory signal (vierde traject, vervolgtraject) here, the other kinds (verblijf, crisis, opvolging,
 * 16/18, escalation) with the words of {@link RegieTeksten}.
 *
 * <p>Both parts are rendered from one list of facts, so they cannot drift apart. The subject carries only the kind of
 * signal, the gemeente and the reference: subjects show up in notifications, logs and mail server indexes.
 */
public final class MailOpmaak {

    // Regisseurs read every time as Dutch time, whatever zone the caller's clock was in.
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter TIJDSTIP = DateTimeFormatter.ofPattern("dd-MM-yyyy 'om' HH:mm");
    // Not from a Locale: a trimmed runtime without the locale data would silently write English day names.
    private static final String[] WEEKDAGEN = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
            "zondag"};
    private static final String[] RANGTELWOORDEN = {"eerste", "tweede", "derde", "vierde", "vijfde", "zesde",
            "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
            "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"};
    static final String STREEP = "–";
    private static final String TEKEN_AANLEIDING = "►";
    // \p{Cc}, not \p{Cntrl}: the latter is ASCII only and lets NEL (U+0085) through, a line break to some readers.
    // Bidirectional embeddings, overrides and isolates would let a value reorder the text after it on its line.
    private static final Pattern STUURTEKENS =
            Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
    // The hub builds the link itself (its address and a signed token), so anything else is a fault upstream; a
    // javascript: or data: link must never become a button, and a line break must not reach the text part.
    private static final Pattern LINK = Pattern.compile("(?i)https?://[\\x21-\\x7E]+");
    private static final String KNOP_UITLEG = "De link opent een bevestigingspagina in de hub; daar bevestigt u met "
            + "één klik. Alleen het openen van de pagina legt nog niets vast.";
    private static final String ZORGPAD_LEEG = "Nog geen trajecten bekend: de hub heeft voor deze jeugdige nog geen "
            + "toewijzing en geen start- of stopbericht ontvangen.";
    private static final String PERSOONSGEGEVENS = "Deze e-mail bevat bijzondere persoonsgegevens (gegevens over de "
            + "gezondheid van een jeugdige). Stuur hem niet door en bewaar hem niet langer dan nodig.";

    private static final String LETTER = "font-family:Arial,Helvetica,sans-serif;";
    private static final String KLEUR_KOP = "#1f4e79";
    private static final String KLEUR_AANLEIDING = "#fff4ce";
    private static final String KLEUR_TELT_NIET = "#6b7280";
    private static final String KLEUR_AANDACHT = "#fdecea";
    private static final String KLEUR_AANDACHT_RAND = "#c0392b";

    public OpgemaakteMail maak(SignaalMail mail) {
        boolean vierde = switch (mail.soort()) {
            case SignaalMail.VIERDE_TRAJECT -> true;
            case SignaalMail.VERVOLG_TRAJECT -> false;
            default -> throw new IllegalArgumentException("Geen mail voor signaalsoort '" + mail.soort() + "'");
        };
        return opgemaakt(inhoud(mail, vierde));
    }

    /** A procesregie mail other than a trajectory signal. */
    public OpgemaakteMail maak(RegieMail mail) {
        return opgemaakt(RegieTeksten.inhoud(mail));
    }

    private static OpgemaakteMail opgemaakt(Inhoud inhoud) {
        return new OpgemaakteMail(inhoud.onderwerp(), tekst(inhoud), html(inhoud));
    }

    /**
     * The facts of the mail, as clean text; each renderer only adds layout (and escaping).
     *
     * @param aandacht   a highlighted box right under the introduction; null for none
     * @param feiten     what only this kind of mail shows, each block under its own heading
     * @param aanleiding the trajectory that caused the signal, in one sentence; null for none
     * @param knop       the acknowledgement link, its label clean and its address checked; null for none
     * @param zorgpad    may be empty: a crisis can be known before any iJw message
     */
    record Inhoud(
            String onderwerp,
            String kop,
            String aanhef,
            List<String> inleiding,
            Kader aandacht,
            List<Gegeven> jeugdige,
            List<Blok> feiten,
            String aanleiding,
            List<String> waarom,
            List<String> vraag,
            Actieknop knop,
            List<Rij> zorgpad,
            String referentie,
            String voetregel) {
    }

    record Gegeven(String label, String waarde) {
    }

    record Blok(String titel, List<Gegeven> gegevens) {
    }

    record Kader(String titel, List<String> regels) {
    }

    /**
     * @param aanbieder    the provider as a sentence names it ("aanbieder 88100053")
     * @param aanbiederCel the provider in a table cell, where a bare number would not say that it is an AGB code
     */
    record Rij(int nr, String aanbieder, String aanbiederCel, String product, String toewijzing, String zorg,
            String stopreden, String status, boolean telt, boolean aanleiding) {
    }

    private static Inhoud inhoud(SignaalMail mail, boolean vierde) {
        GemeenteInstellingen g = mail.gemeente();
        String gemeente = schoon(g.naam());
        int n = mail.volgnummer();
        String titel = (vierde ? hoofdletter(rangtelwoord(n)) + " traject" : "Vervolgtraject (" + n + "e)")
                + (mail.hernieuwd() ? " (hernieuwd)" : "");
        String referentie = schoon(mail.signaalReferentie());

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

        return new Inhoud(onderwerp(titel, gemeente, referentie), kop(titel, gemeente), aanhef(g), inleiding, null,
                jeugdige(gemeente, mail.voorletters(), mail.geboortedatum(), mail.toewijzingNummers()), List.of(),
                traject(mail.aanleiding()), waarom, vraag, knop(mail.knop()), rijen(mail.zorgpad(), mail.aanleiding()),
                referentie(referentie, mail.tijdstip()), voetregel(gemeente, false));
    }

    // The parts every procesregie mail shares, so that a regisseur finds them in the same words in each kind.

    static String onderwerp(String titel, String gemeente, String referentie) {
        return titel + " " + STREEP + " " + gemeente + " " + STREEP + " signaal " + referentie;
    }

    static String kop(String titel, String gemeente) {
        return titel + " " + STREEP + " " + gemeente;
    }

    static String aanhef(GemeenteInstellingen g) {
        return "Beste " + schoon(g.regisseurNaam()) + ",";
    }

    static List<Gegeven> jeugdige(String gemeente, String voorletters, LocalDate geboortedatum,
            List<String> toewijzingNummers) {
        return List.of(
                new Gegeven("Voorletters", voorletters == null ? "onbekend" : voorletters(schoon(voorletters))),
                new Gegeven("Geboortedatum", geboortedatum == null ? "onbekend" : DATUM.format(geboortedatum)),
                new Gegeven("Toewijzingnummer" + (toewijzingNummers.size() == 1 ? "" : "s") + " gemeente " + gemeente,
                        toewijzingNummers.isEmpty() ? "nog geen toewijzing ontvangen"
                                : String.join(", ", toewijzingNummers.stream().map(MailOpmaak::schoon).toList())));
    }

    /** The trajectory that caused the signal in one sentence; null stays null (no such section). */
    static String traject(ZorgpadRegel a) {
        if (a == null) {
            return null;
        }
        return product(a) + " bij aanbieder " + aanbieder(a, "") + "; toewijzing "
                + periode(a.toewijzingVan(), a.toewijzingTot(), "nog niet ontvangen") + "; zorg "
                + periode(a.zorgVan(), a.zorgTot(), "nog niet gestart") + ".";
    }

    static String referentie(String signaalReferentie, ZonedDateTime tijdstip) {
        return "Signaalreferentie " + signaalReferentie + ", afgegeven op " + TIJDSTIP.format(nl(tijdstip))
                + ". Noem deze referentie bij vragen over dit signaal.";
    }

    /** @param escalatie an escalation reaches the team and others besides the regisseur */
    static String voetregel(String gemeente, boolean escalatie) {
        return PERSOONSGEGEVENS + (escalatie
                ? " U ontvangt dit bericht omdat u voor procesregie in de gemeente " + gemeente + " op de escalatielijst "
                        + "staat."
                : " U ontvangt dit bericht als procesregisseur voor de gemeente " + gemeente + ".");
    }

    /** The label cleaned like any value; the address refused unless it is a plain http(s) link. */
    static Actieknop knop(Actieknop knop) {
        if (knop == null) {
            return null;
        }
        if (!LINK.matcher(knop.url()).matches()) {
            // Not the address itself: it holds a token that must not end up in a log.
            throw new IllegalArgumentException("De bevestigingslink is geen http(s)-adres van zichtbare ASCII-tekens");
        }
        String tekst = schoon(knop.tekst());
        return new Actieknop(tekst.isEmpty() ? "Bevestigen" : tekst, knop.url());
    }

    static String datum(LocalDate datum) {
        return datum == null ? "onbekend" : DATUM.format(datum);
    }

    /** A deadline with its day of the week, e.g. "dinsdag 24-11-2026 om 15:00": a date alone is easily misread. */
    static String moment(ZonedDateTime moment) {
        if (moment == null) {
            return "onbekend";
        }
        ZonedDateTime hier = nl(moment);
        return WEEKDAGEN[hier.getDayOfWeek().getValue() - 1] + " " + TIJDSTIP.format(hier);
    }

    private static ZonedDateTime nl(ZonedDateTime moment) {
        return moment.withZoneSameInstant(AMSTERDAM);
    }

    /**
     * Chronological by the earliest known date of each trajectory; undated ones last, in the given order.
     *
     * @param aanleiding marked like a row with its own {@code aanleiding} flag; may be null
     */
    static List<Rij> rijen(List<ZorgpadRegel> zorgpad, ZorgpadRegel aanleiding) {
        List<ZorgpadRegel> gesorteerd = zorgpad.stream()
                .sorted(Comparator.comparing(MailOpmaak::eersteDatum, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Rij> rijen = new ArrayList<>();
        for (ZorgpadRegel r : gesorteerd) {
            rijen.add(new Rij(rijen.size() + 1, aanbieder(r, ""), aanbieder(r, "AGB "), product(r),
                    periode(r.toewijzingVan(), r.toewijzingTot(), "niet ontvangen"),
                    periode(r.zorgVan(), r.zorgTot(), "niet gestart"),
                    r.stopReden() == null ? STREEP : schoon(r.stopReden()),
                    (r.loopt() ? "loopt" : "beëindigd") + (r.telt() ? "" : ", telt niet mee"),
                    r.telt(), r.aanleiding() || r.equals(aanleiding)));
        }
        return rijen;
    }

    private static LocalDate eersteDatum(ZorgpadRegel r) {
        return Stream.of(r.toewijzingVan(), r.zorgVan()).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * "Stichting Het Erf (AGB 88100053)" when the regio config names the provider, else the code alone.
     *
     * @param voorCode put before a code shown without a name
     */
    private static String aanbieder(ZorgpadRegel r, String voorCode) {
        String code = schoon(r.aanbieder());
        String naam = schoon(r.aanbiederNaam());
        return naam.isEmpty() ? voorCode + code : naam + " (AGB " + code + ")";
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

    /**
     * Initials as a regisseur writes them: iJw carries letters only ({@code LDT_Voorletters}, "JP"), shown as "J.P.";
     * a lower-case letter belongs to the initial before it ("ThJ" is "Th.J."). Without dots "IJ" cannot tell IJsbrand
     * from Ingrid Johanna; it is shown as "I.J.", the more common reading. A value with anything but letters (a
     * melding's "K.L.") is shown as given.
     */
    static String voorletters(String waarde) {
        if (waarde.isEmpty() || !waarde.codePoints().allMatch(Character::isLetter)) {
            return waarde;
        }
        StringBuilder sb = new StringBuilder(waarde.length() * 2);
        for (int i = 0; i < waarde.length(); i += Character.charCount(waarde.codePointAt(i))) {
            int c = waarde.codePointAt(i);
            if (i > 0 && !Character.isLowerCase(c)) {
                sb.append('.');
            }
            sb.appendCodePoint(c);
        }
        return sb.append('.').toString();
    }

    /** Line breaks and other control characters in data would let a value forge lines of its own. */
    static String schoon(String waarde) {
        return waarde == null ? "" : STUURTEKENS.matcher(waarde).replaceAll(" ").strip();
    }

    private static String tekst(Inhoud i) {
        StringBuilder t = new StringBuilder();
        t.append(i.aanhef()).append("\n\n");
        i.inleiding().forEach(p -> t.append(p).append("\n\n"));
        if (i.aandacht() != null) {
            t.append(i.aandacht().titel()).append('\n');
            i.aandacht().regels().forEach(p -> t.append(p).append('\n'));
            t.append('\n');
        }

        t.append("Om wie het gaat\n");
        gegevens(t, i.jeugdige());
        for (Blok b : i.feiten()) {
            t.append('\n').append(b.titel()).append('\n');
            gegevens(t, b.gegevens());
        }
        t.append('\n');
        if (i.aanleiding() != null) {
            t.append("Aanleiding\n  ").append(i.aanleiding()).append("\n\n");
        }

        if (!i.waarom().isEmpty()) {
            t.append("Waarom dit signaal\n");
            i.waarom().forEach(p -> t.append(p).append('\n'));
            t.append('\n');
        }
        t.append("Wat wij u vragen\n");
        i.vraag().forEach(p -> t.append(p).append('\n'));
        if (i.knop() != null) {
            // The address on a line of its own: punctuation beside it would become part of the link in some readers.
            t.append('\n').append(i.knop().tekst()).append(":\n").append(i.knop().url()).append('\n')
                    .append(KNOP_UITLEG).append('\n');
        }

        if (i.zorgpad().isEmpty()) {
            t.append("\nZorgpad\n").append(ZORGPAD_LEEG).append('\n');
        } else {
            t.append("\nZorgpad, van oud naar nieuw")
                    .append(gemarkeerd(i.zorgpad()) ? " (" + TEKEN_AANLEIDING + " = aanleiding van dit signaal)" : "")
                    .append("\n\n");
        }
        for (Rij r : i.zorgpad()) {
            t.append(r.aanleiding() ? TEKEN_AANLEIDING : " ").append(String.format("%2d. ", r.nr()))
                    .append(r.product()).append(" ").append(STREEP).append(" aanbieder ").append(r.aanbieder()).append('\n')
                    .append("    Toewijzing: ").append(r.toewijzing()).append(" | Zorg: ").append(r.zorg()).append('\n')
                    .append("    Stopreden: ").append(r.stopreden()).append(" | Status: ").append(r.status()).append('\n');
        }
        t.append('\n').append(i.referentie()).append("\n\n-- \n").append(i.voetregel()).append('\n');
        return t.toString();
    }

    private static void gegevens(StringBuilder t, List<Gegeven> gegevens) {
        gegevens.forEach(g -> t.append("  ").append(g.label()).append(": ").append(g.waarde()).append('\n'));
    }

    private static boolean gemarkeerd(List<Rij> rijen) {
        return rijen.stream().anyMatch(Rij::aanleiding);
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
        if (i.aandacht() != null) {
            kader(h, i.aandacht());
        }

        tussenkop(h, "Om wie het gaat");
        gegevenstabel(h, i.jeugdige());
        for (Blok b : i.feiten()) {
            tussenkop(h, b.titel());
            gegevenstabel(h, b.gegevens());
        }

        if (i.aanleiding() != null) {
            tussenkop(h, "Aanleiding");
            alinea(h, i.aanleiding());
        }
        if (!i.waarom().isEmpty()) {
            tussenkop(h, "Waarom dit signaal");
            i.waarom().forEach(p -> alinea(h, p));
        }
        tussenkop(h, "Wat wij u vragen");
        i.vraag().forEach(p -> alinea(h, p));
        if (i.knop() != null) {
            knop(h, i.knop());
        }

        if (i.zorgpad().isEmpty()) {
            tussenkop(h, "Zorgpad");
            alinea(h, ZORGPAD_LEEG);
        } else {
            tussenkop(h, "Zorgpad, van oud naar nieuw");
            zorgpad(h, i.zorgpad());
            h.append("<p style=\"margin:6px 0 16px 0;font-size:12px;color:#52606d;\">")
                    .append(gemarkeerd(i.zorgpad()) ? "Geel gemarkeerd: de aanleiding van dit signaal. " : "")
                    .append("&lsquo;Telt niet mee&rsquo;: een uitgesloten product of een vervallen toewijzing.</p>\n");
        }

        alinea(h, i.referentie());
        h.append("</td></tr>\n<tr><td bgcolor=\"#f8f9fb\" style=\"padding:14px 28px;background-color:#f8f9fb;")
                .append("border-top:1px solid #d9dde3;").append(LETTER).append("font-size:12px;line-height:17px;")
                .append("color:#52606d;\">").append(Html.tekst(i.voetregel())).append("</td></tr>\n")
                .append("</table>\n</td></tr></table>\n</body></html>\n");
        return h.toString();
    }

    private static void gegevenstabel(StringBuilder h, List<Gegeven> gegevens) {
        h.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"margin:0 0 12px 0;\">\n");
        for (Gegeven g : gegevens) {
            h.append("<tr><td style=\"padding:2px 16px 2px 0;").append(LETTER).append("font-size:14px;color:#52606d;\">")
                    .append(Html.tekst(g.label())).append("</td><td style=\"padding:2px 0;").append(LETTER)
                    .append("font-size:14px;font-weight:bold;\">").append(Html.tekst(g.waarde())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** A coloured cell with a bar on the left: Outlook draws cell borders and backgrounds, not those of a div. */
    private static void kader(StringBuilder h, Kader k) {
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"margin:4px 0 12px 0;\"><tr><td bgcolor=\"").append(KLEUR_AANDACHT)
                .append("\" style=\"padding:12px 16px;background-color:").append(KLEUR_AANDACHT)
                .append(";border-left:4px solid ").append(KLEUR_AANDACHT_RAND).append(";").append(LETTER)
                .append("font-size:14px;line-height:20px;color:#1f2933;\">\n")
                .append("<p style=\"margin:0 0 6px 0;font-weight:bold;\">").append(Html.tekst(k.titel())).append("</p>\n");
        for (String regel : k.regels()) {
            h.append("<p style=\"margin:0 0 6px 0;\">").append(Html.tekst(regel)).append("</p>\n");
        }
        h.append("</td></tr></table>\n");
    }

    /**
     * A "bulletproof" button: the colour is the cell's, so it shows in Outlook, which ignores padding and
     * backgrounds on links, and without images, which many mail programs block.
     */
    private static void knop(StringBuilder h, Actieknop k) {
        h.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"margin:4px 0 8px 0;\"><tr><td align=\"center\" bgcolor=\"").append(KLEUR_KOP)
                .append("\" style=\"padding:12px 24px;background-color:").append(KLEUR_KOP).append(";border-radius:4px;\">")
                .append("<a href=\"").append(Html.tekst(k.url())).append("\" style=\"").append(LETTER)
                .append("font-size:15px;font-weight:bold;line-height:20px;color:#ffffff;text-decoration:none;\">")
                .append(Html.tekst(k.tekst())).append("</a></td></tr></table>\n")
                .append("<p style=\"margin:0 0 12px 0;font-size:12px;line-height:17px;color:#52606d;\">")
                .append(Html.tekst(KNOP_UITLEG)).append("</p>\n");
    }

    private static void zorgpad(StringBuilder h, List<Rij> rijen) {
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
                .append("style=\"border-collapse:collapse;width:100%;\">\n<tr>");
        for (String kop : List.of("Nr", "Aanbieder", "Product", "Toewijzing", "Zorg", "Stopreden", "Status")) {
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
            for (String waarde : List.of(String.valueOf(r.nr()), r.aanbiederCel(), r.product(), r.toewijzing(), r.zorg(),
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
