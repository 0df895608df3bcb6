package nl.procesregie.hub.notify;

import static nl.procesregie.hub.notify.MailOpmaak.STREEP;
import static nl.procesregie.hub.notify.MailOpmaak.datum;
import static nl.procesregie.hub.notify.MailOpmaak.moment;
import static nl.procesregie.hub.notify.MailOpmaak.schoon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.notify.MailOpmaak.Blok;
import nl.procesregie.hub.notify.MailOpmaak.Gegeven;
import nl.procesregie.hub.notify.MailOpmaak.Inhoud;
import nl.procesregie.hub.notify.MailOpmaak.Kader;

/**
 * The Dutch words of the procesregie mails other than the trajectory signal, one method per kind (DOMAIN.md, signals
 * 2 to 5, and their escalations). {@link MailOpmaak} lays them out; the parts all kinds share (the youth, the care
 * path, the reference, the footer) are built there, so each kind only says what is its own.
 */
final class RegieTeksten {

    private static final String DEELNEMERS = "de jeugdige, de ouders, de crisispartner en de betrokken professionals";

    private RegieTeksten() {
    }

    /** What only one kind of mail says; everything is clean text already. */
    private record Soort(
            String titel,
            List<String> inleiding,
            Kader aandacht,
            List<Blok> feiten,
            ZorgpadRegel traject,
            List<String> waarom,
            List<String> vraag) {
    }

    /** The gemeente's own words, and whether there is a button to point at. */
    private record Woorden(String gemeente, String contactpersoon, String plan, boolean knop) {
    }

    static Inhoud inhoud(RegieMail mail) {
        GemeenteInstellingen g = mail.gemeente();
        Woorden w = new Woorden(schoon(g.naam()), schoon(g.contactpersoonWoord()), schoon(g.planWoord()),
                mail.knop() != null);
        RegieMail.Aanleiding a = mail.aanleiding();
        boolean escalatie = a instanceof RegieMail.Escalatie;
        Soort s = soort(a, w);
        String referentie = schoon(mail.signaalReferentie());
        return new Inhoud(MailOpmaak.onderwerp(s.titel(), w.gemeente(), referentie),
                MailOpmaak.kop(s.titel(), w.gemeente()),
                // An escalation goes to the team and whoever else the ladder names, not to one regisseur.
                escalatie ? "Beste collega's," : MailOpmaak.aanhef(g),
                s.inleiding(), s.aandacht(),
                MailOpmaak.jeugdige(w.gemeente(), mail.voorletters(), mail.geboortedatum(), mail.toewijzingNummers()),
                s.feiten(), MailOpmaak.traject(s.traject()), s.waarom(), s.vraag(), MailOpmaak.knop(mail.knop()),
                MailOpmaak.rijen(mail.zorgpad(), s.traject()), MailOpmaak.referentie(referentie, mail.tijdstip()),
                MailOpmaak.voetregel(w.gemeente(), escalatie));
    }

    private static Soort soort(RegieMail.Aanleiding a, Woorden w) {
        if (a instanceof RegieMail.Verblijf v) {
            return verblijf(v, w);
        }
        if (a instanceof RegieMail.Crisis c) {
            return crisis(c, w);
        }
        if (a instanceof RegieMail.Opvolging o) {
            return opvolging(o, w);
        }
        if (a instanceof RegieMail.Leeftijd l) {
            return leeftijd(l, w);
        }
        if (a instanceof RegieMail.Escalatie e) {
            return escalatie(e, w);
        }
        throw new IllegalArgumentException("Geen mail voor aanleiding " + a.getClass().getSimpleName());
    }

    private static Soort verblijf(RegieMail.Verblijf v, Woorden w) {
        List<String> aandacht = new ArrayList<>();
        if (v.onderTwaalf()) {
            aandacht.add("De jeugdige is jonger dan 12 jaar. Voor zo'n jong kind weegt opgroeien in een gezin extra "
                    + "zwaar.");
        }
        if (v.naPleegzorg()) {
            aandacht.add("De jeugdige komt uit pleegzorg: het verblijf in een groep volgt op een pleeggezin. Ga na wat "
                    + "er nodig is om toch in een gezin te wonen, bijvoorbeeld meer steun voor het pleeggezin of een "
                    + "gezinshuis.");
        }
        if (v.naCrisis()) {
            aandacht.add("Het verblijf volgt op een crisisplaatsing. Na een crisis wordt een tijdelijke plaatsing vaak "
                    + "een blijvende uithuisplaatsing.");
        }
        return new Soort(aandacht.isEmpty() ? "Verblijf" : "Verblijf (extra aandacht)",
                List.of("Voor een jeugdige uit de gemeente " + w.gemeente() + " begint jeugdhulp met verblijf in een "
                        + "woon- of leefgroep."),
                aandacht.isEmpty() ? null : new Kader("Extra aandacht", aandacht),
                List.of(),
                v.traject(),
                List.of("Voor een jeugdige in een woon- of leefgroep is steeds de vraag of opgroeien in een gezin weer "
                        + "mogelijk is. Dit signaal komt bij de start van het verblijf, zodat die vraag meteen gesteld "
                        + "wordt."),
                List.of("Ga met de jeugdige, de ouders en de hulpverleners na of de jeugdige thuis kan wonen of in een "
                                + "gezinssituatie: in het eigen netwerk, in een pleeggezin of in een gezinshuis.",
                        "Neem contact op met de " + w.contactpersoon() + ", het aanspreekpunt van de jeugdige en het "
                                + "gezin, en leg de afspraken vast in het " + w.plan() + "."));
    }

    private static Soort crisis(RegieMail.Crisis c, Woorden w) {
        List<String> vraag = new ArrayList<>(List.of(
                "Organiseer uiterlijk " + moment(c.termijn()) + " de Ronde Tafel met " + DEELNEMERS + ".",
                "Stem af met de " + w.contactpersoon() + ", het aanspreekpunt van de jeugdige en het gezin, en leg de "
                        + "afspraken van de Ronde Tafel vast in het " + w.plan() + "."));
        if (w.knop()) {
            vraag.add("Bevestig hieronder dat de Ronde Tafel is gehouden. Zonder bevestiging vóór de termijn volgt een "
                    + "escalatie.");
        }
        return new Soort("Crisisplaatsing " + STREEP + " Ronde Tafel binnen 24 uur",
                List.of("Een jeugdige uit de gemeente " + w.gemeente() + " is in crisis geplaatst. Binnen 24 uur na de "
                        + "plaatsing moet er een Ronde Tafel zijn met " + DEELNEMERS + ": uiterlijk "
                        + moment(c.termijn()) + "."),
                null,
                List.of(crisisplaatsing(c)),
                c.traject(),
                List.of(),
                vraag);
    }

    private static Blok crisisplaatsing(RegieMail.Crisis c) {
        List<Gegeven> feiten = new ArrayList<>(List.of(
                // iJw dates a placement only by day; without a melding the hub counts from when it learned of it.
                new Gegeven(c.route() == null ? "Bekend sinds" : "Geplaatst op", moment(c.plaatsing())),
                new Gegeven("Route", route(c.route())),
                new Gegeven("Ronde Tafel uiterlijk", moment(c.termijn()))));
        String referentie = schoon(c.referentie());
        if (!referentie.isEmpty()) {
            feiten.add(new Gegeven("Referentie backoffice", referentie));
        }
        return new Blok("De crisisplaatsing", feiten);
    }

    /** The route decides the deadline (CONTRACTS.md, "Deadlines"), so the regisseur sees which rule was applied. */
    private static String route(String route) {
        if (route == null) {
            return "bekend uit iJw-berichten; route onbekend, termijn 24 uur";
        }
        return switch (route.strip().toLowerCase(Locale.ROOT)) {
            case "lokale-toegang" -> "geplaatst door de lokale toegang; termijn 24 uur";
            case "gi" -> "geplaatst door de gezinsvoogd (GI); termijn 24 uur";
            case "veilig-thuis" -> "geplaatst via Veilig Thuis; termijn 24 uur, waarbij alleen werkdagen tellen";
            // Said as it came rather than refused: the crisis mail is the one that must go out.
            default -> "onbekende route: " + schoon(route);
        };
    }

    private static Soort opvolging(RegieMail.Opvolging o, Woorden w) {
        List<String> vraag = new ArrayList<>();
        vraag.add("Ga na hoe het met de jeugdige gaat, bijvoorbeeld bij de jeugdige en de ouders, de nieuwe "
                + "hulpverlener of de " + w.contactpersoon() + ", en leg de uitkomst vast in het " + w.plan() + ".");
        if (w.knop()) {
            vraag.add("Bevestig uiterlijk " + moment(o.checkUiterlijk()) + " hieronder dat de check is gedaan; anders "
                    + "volgt een escalatie.");
        }
        vraag.add("Op " + datum(o.waakvlamEinde()) + " sluit de hub de procesregie voor deze jeugdige af en eindigt de "
                + "waakvlam. Daarvoor hoeft u niets te doen.");
        return new Soort("Opvolging na overdracht",
                List.of("Op " + datum(o.overdracht()) + " is de zorg voor een jeugdige uit de gemeente " + w.gemeente()
                        + " overgedragen. Na een maand is het tijd voor de check: hoe gaat het met de jeugdige?"),
                null,
                List.of(overdracht(o)),
                null,
                List.of("Na een overdracht blijft u als procesregisseur nog ongeveer twee maanden op de achtergrond "
                        + "bereikbaar (waakvlam). De check na een maand laat zien of de nieuwe situatie standhoudt of "
                        + "dat er opnieuw hulp of regie nodig is."),
                vraag);
    }

    private static Blok overdracht(RegieMail.Opvolging o) {
        List<Gegeven> feiten = new ArrayList<>();
        feiten.add(new Gegeven("Overdracht op", datum(o.overdracht())));
        String reden = schoon(o.reden());
        if (!reden.isEmpty()) {
            feiten.add(new Gegeven("Soort overdracht", reden));
        }
        feiten.add(new Gegeven("Check bevestigen uiterlijk", moment(o.checkUiterlijk())));
        feiten.add(new Gegeven("Einde waakvlam", datum(o.waakvlamEinde())));
        return new Blok("De overdracht", feiten);
    }

    private static Soort leeftijd(RegieMail.Leeftijd l, Woorden w) {
        String verjaardag = datum(l.verjaardag());
        return switch (l.leeftijd()) {
            case 16 -> new Soort("16 jaar: voorbereiding op 18+",
                    List.of("Een jeugdige uit de gemeente " + w.gemeente() + " wordt op " + verjaardag + " 16 jaar. "
                            + "Vanaf die leeftijd begint de voorbereiding op het leven na 18."),
                    null,
                    List.of(big5()),
                    null,
                    List.of("Met 18 jaar stopt de jeugdhulp in principe. Wat daarna nodig is, valt onder andere wetten "
                            + "en loketten, zoals de Wmo, de Zorgverzekeringswet of de Participatiewet, tenzij "
                            + "verlengde jeugdhulp nodig is. Wie op 16 begint, heeft de tijd om dat samen met de "
                            + "jeugdige goed voor te bereiden."),
                    List.of("Start met de jeugdige en de ouders de voorbereiding op 18+: bepaal per leefgebied wat er "
                                    + "na 18 nodig is en wie daarvoor zorgt (domeinbepaling).",
                            "Betrek de " + w.contactpersoon() + " en leg de afspraken vast in het " + w.plan() + "."));
            case 18 -> new Soort("18 jaar nadert",
                    List.of("Een jeugdige uit de gemeente " + w.gemeente() + " wordt op " + verjaardag + " 18 jaar en "
                            + "krijgt nog jeugdhulp. Vóór die datum is een warme overdracht nodig naar de zorg en "
                            + "ondersteuning voor volwassenen, of verlengde jeugdhulp."),
                    null,
                    List.of(big5()),
                    null,
                    List.of("Met 18 jaar stopt de jeugdhulp in principe. Zonder warme overdracht houdt de hulp op de "
                            + "verjaardag op, terwijl de ondersteuning voor volwassenen misschien nog niet geregeld is."),
                    List.of("Regel vóór " + verjaardag + " met de jeugdige, de ouders en de hulpverleners een warme "
                                    + "overdracht naar de zorg en ondersteuning voor volwassenen, of ga na of verlengde "
                                    + "jeugdhulp nodig is.",
                            "Stem af met de " + w.contactpersoon() + " en leg de afspraken vast in het " + w.plan()
                                    + "."));
            default -> throw new IllegalArgumentException("Geen mail voor leeftijd " + l.leeftijd());
        };
    }

    private static Blok big5() {
        return new Blok("De vijf leefgebieden (Big 5)", List.of(
                new Gegeven("Steun", "wie staat de jeugdige na 18 bij: netwerk, mentor, hulpverlening?"),
                new Gegeven("Wonen", "waar gaat de jeugdige wonen en wat is daarvoor nodig?"),
                new Gegeven("School", "welke opleiding volgt de jeugdige en hoe wordt die afgemaakt?"),
                new Gegeven("Werk en inkomen", "hoe komt de jeugdige aan werk of inkomen, en wie helpt bij geldzaken?"),
                new Gegeven("Welzijn", "hoe gaat het met de gezondheid en het welbevinden, en welke hulp loopt door?")));
    }

    private static Soort escalatie(RegieMail.Escalatie e, Woorden w) {
        if (e.trede() < 0) {
            throw new IllegalArgumentException("Een escalatietrede telt vanaf 0, niet " + e.trede());
        }
        int n = e.trede() + 1;
        String basis = schoon(e.basisReferentie());
        String nietBevestigd = " Dat is niet bevestigd (signaal " + basis + "). Dit is escalatie " + n + ".";
        if (e.basis() instanceof RegieMail.Crisis c) {
            return new Soort("Escalatie " + n + ": Ronde Tafel niet bevestigd",
                    List.of("De Ronde Tafel na de crisisplaatsing van een jeugdige uit de gemeente " + w.gemeente()
                            + " moest uiterlijk " + moment(e.termijn()) + " gehouden zijn." + nietBevestigd),
                    null,
                    List.of(stand(e, "Ronde Tafel na crisisplaatsing, signaal " + basis), crisisplaatsing(c)),
                    c.traject(),
                    List.of(),
                    escalatievraag(e, n, w, "Zorg dat de Ronde Tafel zo snel mogelijk alsnog wordt gehouden, met "
                            + DEELNEMERS + ". Stem af met de " + w.contactpersoon() + " en leg de afspraken vast in "
                            + "het " + w.plan() + ".", "Is de Ronde Tafel al gehouden?"));
        }
        // The record admits no other basis than a crisis or a follow-up.
        RegieMail.Opvolging o = (RegieMail.Opvolging) e.basis();
        return new Soort("Escalatie " + n + ": check na overdracht niet bevestigd",
                List.of("De check na de overdracht van een jeugdige uit de gemeente " + w.gemeente() + " (hoe gaat het "
                        + "met de jeugdige?) moest uiterlijk " + moment(e.termijn()) + " gedaan zijn." + nietBevestigd),
                null,
                List.of(stand(e, "check na overdracht, signaal " + basis), overdracht(o)),
                null,
                List.of(),
                escalatievraag(e, n, w, "Zorg dat de check alsnog wordt gedaan: ga na hoe het met de jeugdige gaat "
                        + "sinds de overdracht, bijvoorbeeld via de " + w.contactpersoon() + ", en leg de uitkomst vast "
                        + "in het " + w.plan() + ".", "Is de check al gedaan?"));
    }

    private static Blok stand(RegieMail.Escalatie e, String nietBevestigd) {
        List<Gegeven> stand = new ArrayList<>(List.of(
                new Gegeven("Niet bevestigd", nietBevestigd),
                new Gegeven("Termijn verstreken op", moment(e.termijn()))));
        if (e.volgende() != null) {
            stand.add(new Gegeven("Volgende escalatie", moment(e.volgende())));
        }
        return new Blok("De escalatie", stand);
    }

    private static List<String> escalatievraag(RegieMail.Escalatie e, int n, Woorden w, String opdracht,
            String alGedaan) {
        List<String> vraag = new ArrayList<>();
        vraag.add(opdracht);
        if (w.knop()) {
            // Often the work was done and only the confirmation is missing; say so, or the team chases the wrong thing.
            vraag.add(alGedaan + " Bevestig dat dan hieronder; daarmee stoppen de escalaties.");
        }
        if (e.volgende() != null) {
            vraag.add("Zonder bevestiging volgt op " + moment(e.volgende()) + " escalatie " + (n + 1) + ".");
        }
        return vraag;
    }
}
