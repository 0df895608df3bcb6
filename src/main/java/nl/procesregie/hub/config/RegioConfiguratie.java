package nl.procesregie.hub.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regio and gemeente settings, one YAML file per regio. Loading validates everything and reports every problem
 * with the file name and the path of the key, so an operator can fix a file without reading Java.
 */
public final class RegioConfiguratie {

    private static final String CLASSPATH = "classpath:";
    /** Bundled for trying the hub; refused in productie, also when copied to a file. */
    private static final List<String> VOORBEELDEN = List.of("config/utrecht-west.yaml", "config/flevoland.yaml");
    private static final int STANDAARD_DREMPEL = 4;
    private static final Period STANDAARD_SIGNAALHORIZON = Period.ofDays(30);
    private static final Duration STANDAARD_VERWIJZERWACHTTIJD = Duration.ofMinutes(2);
    /** Lets a gemeente switch off a regio's look-back window. */
    private static final String GEEN = "geen";
    /** In an escalation rung: the gemeente's regisseur.email and team.email. */
    private static final String REGISSEUR = "regisseur";
    private static final String TEAM = "team";
    /** Written with the words, so that it resolves per gemeente exactly like a ladder from the file. */
    private static final List<Escalatietrede> STANDAARD_LADDER = Regietermijnen.standaardLadder(REGISSEUR, TEAM);

    private static final Pattern GEMEENTECODE = Pattern.compile("[0-9]{4}");
    private static final Pattern CATEGORIE = Pattern.compile("[0-9]{2}");
    // LDT_ProductCode: 1 to 5 characters of any kind, counted as XSD counts them (code points).
    private static final int MAX_PRODUCTCODE = 5;
    /**
     * Marks an entry of a productsoorten list as a product code. Needed only for a code of 2 digits, which without it
     * is a category; 'code:' plus a code is longer than any code, so the prefix can never be part of one.
     */
    private static final String CODE = "code:";
    private static final String VERWACHT_CODE = "een productcode van 1 tot 5 tekens";
    private static final String VERWACHT_UITGESLOTEN_CODE = VERWACHT_CODE + " (een productcode van 2 cijfers als "
            + "\"code:12\"; een categorie hoort onder uitgesloten.categorieen)";
    private static final Pattern TIJDSTIP = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    // iJw Verwijzer Type; 07 does not exist in the code list.
    private static final Set<String> VERWIJZERTYPES = Set.of("01", "02", "03", "04", "05", "06", "08");
    private static final Pattern AGB = Pattern.compile("[0-9]{8}");
    private static final Pattern TOKENHASH = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    /**
     * The hashes of every token the project publishes: the demo tokens of the bundled example regio files and those
     * of the tests, whose tokens stand beside them. A copied entry would let anyone post messages: refused in
     * productie. {@code AanleveraarsConfiguratieTest} keeps the list complete.
     */
    static final Set<String> OPENBARE_TOKENHASHES = Set.of(
            "3558891126821a82eb879ab8722f21d4c9768c012b1d056be1b2446e35ce6c5e",
            "ac89256cb9774a1c12002d0312c21624057bc71e871b07ad31a7f44d39c02774",
            "7e6cc09f3fee8c9662dd279c35917dad03a4b4d88935f969db15922a2258cc10",
            "cb4e191c98647858338dca752c96977545f7e40a37eebb92234b9b593fd1a46b",
            "62f64b3407aff750e04bdc14ea45b9226ff059c6a74a689fff28aaf8d8b41918",
            "a34127e57393c027005c86561f391e7a9f4dc91350a85d92ba7e56a38a2c098d",
            "0aceb74d78edc24ffd720ec60aca3c10f13d6e1426a63946e02a2bf99f4200cb",
            "3e19d60c8a485da0beeda53863742ed99903db8417074da2a1ceb671b48bd735");

    private final Map<String, GemeenteInstellingen> gemeenten;
    private final Aanbieders aanbieders;
    private final List<Aanleveraar> aanleveraars;

    private RegioConfiguratie(Map<String, GemeenteInstellingen> gemeenten, Aanbieders aanbieders,
                              List<Aanleveraar> aanleveraars) {
        this.gemeenten = Collections.unmodifiableMap(new LinkedHashMap<>(gemeenten));
        this.aanbieders = aanbieders;
        this.aanleveraars = List.copyOf(aanleveraars);
    }

    /**
     * Reads and validates the regio files at {@code locaties} ({@code classpath:…} or a file path), by demo rules.
     *
     * @throws ConfiguratieFout listing every problem in every file
     */
    public static RegioConfiguratie laad(List<String> locaties) {
        return laad(locaties, Modus.DEMO);
    }

    /**
     * As {@link #laad(List)}; in productie an address in a domain reserved for examples and tests is refused too, as
     * signals sent there would reach no regisseur.
     */
    public static RegioConfiguratie laad(List<String> locaties, Modus modus) {
        List<String> fouten = new ArrayList<>();
        if (locaties.isEmpty()) {
            fouten.add("HUB_CONFIG: geen enkel regiobestand opgegeven");
        }
        Map<String, GemeenteInstellingen> gemeenten = new LinkedHashMap<>();
        Map<String, String> vindplaats = new HashMap<>();
        Map<String, AanbiederNaam> aanbieders = new LinkedHashMap<>();
        List<Bestandslezer> lezers = new ArrayList<>();
        for (String locatie : locaties) {
            Bestandslezer lezer = new Bestandslezer(locatie, modus);
            lezers.add(lezer);
            for (Map.Entry<String, GemeenteInstellingen> gelezen : lezer.lees().entrySet()) {
                String pad = gelezen.getKey();
                GemeenteInstellingen g = gelezen.getValue();
                String eerder = vindplaats.putIfAbsent(g.code(), lezer.naam + " (" + pad + ")");
                if (eerder == null) {
                    gemeenten.put(g.code(), g);
                } else {
                    lezer.fout(pad + ".code", "gemeentecode '" + g.code() + "' komt al voor in " + eerder);
                }
            }
            neemAanbiedersOver(lezer, aanbieders);
            fouten.addAll(lezer.fouten);
        }
        List<Aanleveraar> aanleveraars = aanleveraars(lezers, gemeenten.keySet(), fouten);
        if (!fouten.isEmpty()) {
            throw new ConfiguratieFout(fouten);
        }
        Map<String, String> namen = new LinkedHashMap<>();
        aanbieders.forEach((agb, genoemd) -> namen.put(agb, genoemd.naam()));
        return new RegioConfiguratie(gemeenten, new Aanbieders(namen), aanleveraars);
    }

    /** One valid entry of a file's {@code aanbieders} list. */
    private record GenoemdeAanbieder(String agb, String naam) {
    }

    /** A provider's name as a file gives it, and where, for a message about two files that disagree. */
    private record AanbiederNaam(String naam, String vindplaats) {
    }

    /**
     * Adds the file's provider names to those of the files before it. Several regios may name one provider (it works
     * in both), but only by one name: the AGB code is national and the hub shows one name in every mail.
     */
    private static void neemAanbiedersOver(Bestandslezer lezer, Map<String, AanbiederNaam> bekend) {
        lezer.aanbieders.forEach((pad, gelezen) -> {
            AanbiederNaam eerder = bekend.putIfAbsent(gelezen.agb(),
                    new AanbiederNaam(gelezen.naam(), lezer.naam + " (" + pad + ")"));
            if (eerder != null && !eerder.naam().equals(gelezen.naam())) {
                lezer.fout(pad + ".naam", "AGB-code " + gelezen.agb() + " heet hier '" + gelezen.naam() + "', maar in "
                        + eerder.vindplaats() + " '" + eerder.naam() + "'; geef een aanbieder in elk regiobestand "
                        + "dezelfde naam");
            }
        });
    }

    /**
     * The back offices of every file, checked across files: a name is how log lines tell them apart, a hash is how the
     * hub tells them apart, and a gemeente no file configures is a typing error (its messages would be refused).
     */
    private static List<Aanleveraar> aanleveraars(List<Bestandslezer> lezers, Set<String> gemeenten,
            List<String> fouten) {
        List<Aanleveraar> aanleveraars = new ArrayList<>();
        Map<String, String> naamVindplaats = new HashMap<>();
        Map<String, String> hashVindplaats = new HashMap<>();
        for (Bestandslezer lezer : lezers) {
            for (Map.Entry<String, Aanleveraar> gelezen : lezer.aanleveraars.entrySet()) {
                String pad = gelezen.getKey();
                Aanleveraar a = gelezen.getValue();
                String hier = lezer.naam + " (" + pad + ")";
                List<String> eigen = new ArrayList<>();
                String naamEerder = naamVindplaats.putIfAbsent(a.naam(), hier);
                if (naamEerder != null) {
                    eigen.add(lezer.naam + ": " + pad + ".naam: naam '" + a.naam() + "' komt al voor in " + naamEerder);
                }
                String hashEerder = hashVindplaats.putIfAbsent(a.tokenHash(), hier);
                if (hashEerder != null) {
                    eigen.add(lezer.naam + ": " + pad + ".token: dezelfde token-hash staat al bij " + hashEerder
                            + "; geef elke aanleveraar een eigen token");
                }
                for (String code : new TreeSet<>(a.gemeenten())) {
                    if (!gemeenten.contains(code)) {
                        eigen.add(lezer.naam + ": " + pad + ".gemeenten: gemeente '" + code
                                + "' staat in geen enkel regiobestand van deze hub");
                    }
                }
                if (eigen.isEmpty()) {
                    aanleveraars.add(a);
                }
                fouten.addAll(eigen);
            }
        }
        return aanleveraars;
    }

    /**
     * The name of the bundled example regio this location holds, if it holds one. Compared as parsed YAML with every
     * value as text, so a copy with other comments, layout, key order or quoting is still recognised.
     */
    static Optional<String> voorbeeld(String locatie) {
        Object inhoud = inhoud(locatie);
        if (inhoud == null) {
            return Optional.empty();
        }
        for (String voorbeeld : VOORBEELDEN) {
            if (inhoud.equals(inhoud(CLASSPATH + voorbeeld))) {
                return Optional.of(voorbeeld.substring(voorbeeld.lastIndexOf('/') + 1));
            }
        }
        return Optional.empty();
    }

    /** The file as nested maps and lists of text; null when it cannot be read or parsed (loading reports why). */
    private static Object inhoud(String locatie) {
        try (InputStream in = new Bestandslezer(locatie, Modus.DEMO).open()) {
            return in == null ? null : alsTekst(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    private static Object alsTekst(JsonNode knoop) {
        if (knoop == null || knoop.isNull()) {
            return "";
        }
        if (knoop.isObject()) {
            Map<String, Object> map = new HashMap<>();
            knoop.fields().forEachRemaining(e -> map.put(e.getKey(), alsTekst(e.getValue())));
            return map;
        }
        if (knoop.isArray()) {
            List<Object> lijst = new ArrayList<>();
            knoop.forEach(k -> lijst.add(alsTekst(k)));
            return lijst;
        }
        return knoop.asText();
    }

    /** The settings of the gemeente with this 4-digit CBS code, if configured. */
    public Optional<GemeenteInstellingen> gemeente(String code) {
        return Optional.ofNullable(gemeenten.get(code));
    }

    /** All configured gemeenten, in the order of the files and of each file. */
    public Collection<GemeenteInstellingen> gemeenten() {
        return gemeenten.values();
    }

    /** The provider names of all regio files together. */
    public Aanbieders aanbieders() {
        return aanbieders;
    }

    /** The back offices that may post messages to {@code POST /ijw}, in the order of the files. */
    public List<Aanleveraar> aanleveraars() {
        return aanleveraars;
    }

    /** Reads one file; collects its problems, prefixed with the file name. */
    private static final class Bestandslezer {
        private final String locatie;
        private final String naam;
        private final Modus modus;
        private final List<String> fouten = new ArrayList<>();
        private final Set<String> padenMetFout = new HashSet<>();
        /** The file's valid provider entries (AGB code and name, trimmed), keyed by their path in it. */
        private final Map<String, GenoemdeAanbieder> aanbieders = new LinkedHashMap<>();
        /** The valid back offices of the file, keyed by their path in it. */
        private final Map<String, Aanleveraar> aanleveraars = new LinkedHashMap<>();

        Bestandslezer(String locatie, Modus modus) {
            this.locatie = locatie;
            this.modus = modus;
            String pad = locatie.startsWith(CLASSPATH) ? locatie.substring(CLASSPATH.length()) : locatie;
            this.naam = pad.substring(Math.max(pad.lastIndexOf('/'), pad.lastIndexOf('\\')) + 1);
        }

        /**
         * One problem per key and nothing below it: a wrong shape already explains why the value or its parts then
         * seem to be missing.
         */
        void fout(String pad, String wat) {
            boolean alGemeld = padenMetFout.stream().anyMatch(eerder -> !eerder.isEmpty()
                    && (pad.equals(eerder) || pad.startsWith(eerder + ".") || pad.startsWith(eerder + "[")));
            if (!alGemeld) {
                padenMetFout.add(pad);
                fouten.add(naam + ": " + (pad.isEmpty() ? "" : pad + ": ") + wat);
            }
        }

        /** The valid gemeenten of the file, keyed by their path in it (for messages about duplicates). */
        Map<String, GemeenteInstellingen> lees() {
            RegioBestand bestand;
            try (InputStream in = open()) {
                if (in == null) {
                    fouten.add(naam + ": bestand niet gevonden (" + locatie + ")");
                    return Map.of();
                }
                ObjectMapper mapper = mapper(this);
                try (JsonParser parser = mapper.createParser(in)) {
                    // An empty file (or only comments) has no token at all; Jackson would call that a syntax error.
                    bestand = parser.nextToken() == null ? null : mapper.readValue(parser, RegioBestand.class);
                }
            } catch (JsonProcessingException e) {
                if (e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
                    fout(pad(p), "dubbele sleutel");
                    return Map.of();
                }
                JsonLocation plek = e.getLocation();
                fouten.add(naam + ": " + (plek == null ? "" : "regel " + plek.getLineNr() + ", kolom " + plek.getColumnNr()
                        + ": ") + "geen geldige YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
                return Map.of();
            } catch (IOException | InvalidPathException e) {
                fouten.add(naam + ": kan niet gelezen worden (" + locatie + "): " + e.getMessage());
                return Map.of();
            }
            if (bestand == null || bestand.regio == null) {
                fout("regio", "ontbreekt");
                return Map.of();
            }
            return regio(bestand.regio);
        }

        private InputStream open() throws IOException {
            if (locatie.startsWith(CLASSPATH)) {
                return RegioConfiguratie.class.getClassLoader().getResourceAsStream(naamOpClasspath());
            }
            try {
                return Files.newInputStream(Path.of(locatie));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        private String naamOpClasspath() {
            String pad = locatie.substring(CLASSPATH.length());
            return pad.startsWith("/") ? pad.substring(1) : pad;
        }

        private Map<String, GemeenteInstellingen> regio(RegioBestand.Regio r) {
            String regioNaam = verplicht("regio.naam", r.naam);
            int drempel = geheelGetal("regio.drempel", r.drempel, 1, STANDAARD_DREMPEL);
            Optional<Period> terugkijk = terugkijkperiode("regio.terugkijkperiode", r.terugkijkperiode, Optional.empty());
            Period horizon = periode("regio.signaalhorizon", r.signaalhorizon, STANDAARD_SIGNAALHORIZON);
            Duration wachttijd = duur("regio.verwijzerwachttijd", r.verwijzerwachttijd, STANDAARD_VERWIJZERWACHTTIJD);
            RegioBestand.Uitgesloten uit = r.uitgesloten == null ? new RegioBestand.Uitgesloten() : r.uitgesloten;
            Set<String> categorieen = codes("regio.uitgesloten.categorieen", uit.categorieen, Set.of(),
                    RegioConfiguratie::categorie, "een categorie van 2 cijfers");
            Set<String> productcodes = codes("regio.uitgesloten.codes", uit.codes, Set.of(),
                    RegioConfiguratie::uitgeslotenCode, VERWACHT_UITGESLOTEN_CODE);
            Productsoorten soorten = productsoorten("regio.productsoorten", r.productsoorten, Productsoorten.STANDAARD,
                    true);
            boolean regioNoemtPerspectief = r.productsoorten != null && r.productsoorten.perspectiefbiedend != null;
            RegioBestand.Woorden woorden = r.woorden == null ? new RegioBestand.Woorden() : r.woorden;
            LocalTime herinneringstijd = tijdstip("regio.herinneringstijd", r.herinneringstijd,
                    Regietermijnen.STANDAARD_HERINNERINGSTIJD);
            int checkwerkdagen = geheelGetal("regio.checkwerkdagen", r.checkwerkdagen, 0,
                    Regietermijnen.STANDAARD_CHECKWERKDAGEN);
            Period achttienvoorloop = periode("regio.achttienvoorloop", r.achttienvoorloop,
                    Regietermijnen.STANDAARD_ACHTTIEN_VOORLOOP);
            Set<LocalDate> feestdagen = datums("regio.feestdagen", r.feestdagen, Set.of());
            List<Escalatietrede> escalatie = ladder("regio.escalatie", r.escalatie, STANDAARD_LADDER);
            aanbieders("regio.aanbieders", r.aanbieders);
            aanleveraars("regio.aanleveraars", r.aanleveraars);

            Map<String, GemeenteInstellingen> resultaat = new LinkedHashMap<>();
            if (r.gemeenten == null || r.gemeenten.isEmpty()) {
                fout("regio.gemeenten", "ontbreekt of is leeg");
                return resultaat;
            }
            for (int i = 0; i < r.gemeenten.size(); i++) {
                String pad = "regio.gemeenten[" + i + "]";
                RegioBestand.Gemeente g = r.gemeenten.get(i);
                if (g == null) {
                    fout(pad, "leeg");
                    continue;
                }
                int foutenVooraf = fouten.size();
                RegioBestand.Regisseur regisseur = g.regisseur == null ? new RegioBestand.Regisseur() : g.regisseur;
                RegioBestand.Team team = g.team == null ? new RegioBestand.Team() : g.team;
                RegioBestand.Woorden eigen = g.woorden == null ? new RegioBestand.Woorden() : g.woorden;
                RegioBestand.Uitgesloten eigenUit = g.uitgesloten == null ? new RegioBestand.Uitgesloten() : g.uitgesloten;
                // Ahead of the record because the escalation ladder resolves 'regisseur' and 'team' to these addresses.
                String code = gemeentecode(pad + ".code", g.code);
                String naam = verplicht(pad + ".naam", g.naam);
                String regisseurNaam = verplicht(pad + ".regisseur.naam", regisseur.naam);
                String regisseurEmail = emailadres(pad + ".regisseur.email", regisseur.email);
                String teamEmail = emailadres(pad + ".team.email", team.email);
                GemeenteInstellingen instellingen = new GemeenteInstellingen(
                        code,
                        naam,
                        regioNaam,
                        regisseurNaam,
                        regisseurEmail,
                        teamEmail,
                        woord(pad, "contactpersoon", eigen.contactpersoon, woorden.contactpersoon),
                        woord(pad, "plan", eigen.plan, woorden.plan),
                        geheelGetal(pad + ".drempel", g.drempel, 1, drempel),
                        terugkijkperiode(pad + ".terugkijkperiode", g.terugkijkperiode, terugkijk),
                        periode(pad + ".signaalhorizon", g.signaalhorizon, horizon),
                        duur(pad + ".verwijzerwachttijd", g.verwijzerwachttijd, wachttijd),
                        codes(pad + ".uitgesloten.categorieen", eigenUit.categorieen, categorieen,
                                RegioConfiguratie::categorie, "een categorie van 2 cijfers"),
                        codes(pad + ".uitgesloten.codes", eigenUit.codes, productcodes,
                                RegioConfiguratie::uitgeslotenCode, VERWACHT_UITGESLOTEN_CODE),
                        verwijzers(pad + ".verwijzers", g.verwijzers),
                        productsoorten(pad + ".productsoorten", g.productsoorten, soorten,
                                !regioNoemtPerspectief),
                        new Regietermijnen(
                                tijdstip(pad + ".herinneringstijd", g.herinneringstijd, herinneringstijd),
                                geheelGetal(pad + ".checkwerkdagen", g.checkwerkdagen, 0, checkwerkdagen),
                                periode(pad + ".achttienvoorloop", g.achttienvoorloop, achttienvoorloop),
                                datums(pad + ".feestdagen", g.feestdagen, feestdagen),
                                opgelost(ladder(pad + ".escalatie", g.escalatie, escalatie), regisseurEmail,
                                        teamEmail)));
                if (fouten.size() == foutenVooraf) {
                    resultaat.put(pad, instellingen);
                }
            }
            return resultaat;
        }

        private String verplicht(String pad, String waarde) {
            if (waarde == null || waarde.isBlank()) {
                fout(pad, "ontbreekt");
                return "";
            }
            return waarde.trim();
        }

        /** Each AGB code once per file, with a name; an absent or empty list names nobody. */
        private void aanbieders(String pad, List<RegioBestand.Aanbieder> lijst) {
            if (lijst == null) {
                return;
            }
            Map<String, String> eerder = new HashMap<>();
            for (int i = 0; i < lijst.size(); i++) {
                String regelPad = pad + "[" + i + "]";
                RegioBestand.Aanbieder a = lijst.get(i);
                if (a == null) {
                    fout(regelPad, "leeg; verwacht 'agb' en 'naam'");
                    continue;
                }
                String agb = verplicht(regelPad + ".agb", a.agb);
                String naam = verplicht(regelPad + ".naam", a.naam);
                if (agb.isEmpty()) {
                    continue;
                }
                if (!AGB.matcher(agb).matches()) {
                    fout(regelPad + ".agb", "verwacht een AGB-code van precies 8 cijfers tussen aanhalingstekens "
                            + "(bijv. \"88100011\"), gevonden '" + agb + "'");
                    continue;
                }
                String al = eerder.putIfAbsent(agb, regelPad);
                if (al != null) {
                    fout(regelPad + ".agb", "AGB-code " + agb + " staat al in " + al);
                } else if (!naam.isEmpty()) {
                    aanbieders.put(regelPad, new GenoemdeAanbieder(agb, naam));
                }
            }
        }

        private String gemeentecode(String pad, String waarde) {
            String code = verplicht(pad, waarde);
            if (!code.isEmpty() && !GEMEENTECODE.matcher(code).matches()) {
                fout(pad, "verwacht precies 4 cijfers tussen aanhalingstekens (bijv. \"0632\"), gevonden '" + code + "'");
            }
            return code;
        }

        private String emailadres(String pad, String waarde) {
            String adres = verplicht(pad, waarde);
            if (!adres.isEmpty() && !Emailadres.isGeldig(adres)) {
                fout(pad, "geen geldig e-mailadres: '" + adres + "'");
            } else if (!adres.isEmpty()) {
                weigerVoorbeeld(pad, adres);
            }
            return adres;
        }

        private void weigerVoorbeeld(String pad, String adres) {
            if (modus == Modus.PRODUCTIE && Emailadres.isVoorbeeld(adres)) {
                fout(pad, "'" + adres + "' ligt in een voorbeelddomein (" + Emailadres.VOORBEELDDOMEINEN_TEKST
                        + "); in productie is een echt adres nodig");
            }
        }

        private String woord(String gemeentePad, String sleutel, String eigen, String regio) {
            if (eigen != null && !eigen.isBlank()) {
                return eigen.trim();
            }
            if (regio != null && !regio.isBlank()) {
                return regio.trim();
            }
            fout(gemeentePad + ".woorden." + sleutel, "ontbreekt (en regio.woorden." + sleutel + " ook)");
            return "";
        }

        private int geheelGetal(String pad, String waarde, int minimum, int standaard) {
            if (waarde == null) {
                return standaard;
            }
            try {
                int getal = Integer.parseInt(waarde.trim());
                if (getal >= minimum) {
                    return getal;
                }
            } catch (NumberFormatException e) {
                // reported below, with the expected form
            }
            fout(pad, "verwacht een geheel getal van " + minimum + " of meer, gevonden '" + waarde + "'");
            return standaard;
        }

        private LocalTime tijdstip(String pad, String waarde, LocalTime standaard) {
            if (waarde == null) {
                return standaard;
            }
            String tijdstip = waarde.trim();
            if (TIJDSTIP.matcher(tijdstip).matches()) {
                return LocalTime.parse(tijdstip);
            }
            fout(pad, "verwacht een tijdstip als UU:MM van 00:00 tot en met 23:59 (bijv. \"09:00\"), gevonden '"
                    + waarde + "'");
            return standaard;
        }

        /** Absent list: inherit; present list (even empty): replaces what it would inherit. */
        private Set<LocalDate> datums(String pad, List<String> waarden, Set<LocalDate> standaard) {
            if (waarden == null) {
                return standaard;
            }
            Set<LocalDate> datums = new LinkedHashSet<>();
            for (int i = 0; i < waarden.size(); i++) {
                String waarde = waarden.get(i) == null ? "" : waarden.get(i).trim();
                try {
                    datums.add(LocalDate.parse(waarde));
                } catch (DateTimeParseException e) {
                    fout(pad + "[" + i + "]", "verwacht een bestaande datum als JJJJ-MM-DD (bijv. \"2026-12-25\"), "
                            + "gevonden '" + waarde + "'");
                }
            }
            return datums;
        }

        private Optional<Period> terugkijkperiode(String pad, String waarde, Optional<Period> standaard) {
            if (waarde != null && waarde.trim().equalsIgnoreCase(GEEN)) {
                return Optional.empty();
            }
            return waarde == null ? standaard : Optional.of(periode(pad, waarde, Period.ZERO));
        }

        private Period periode(String pad, String waarde, Period standaard) {
            if (waarde == null) {
                return standaard;
            }
            try {
                Period periode = Period.parse(waarde.trim());
                if (!periode.isNegative() && !periode.isZero()) {
                    return periode;
                }
                fout(pad, "moet groter dan nul zijn, gevonden '" + waarde + "'");
            } catch (DateTimeParseException e) {
                fout(pad, "verwacht een ISO-8601-periode zoals P3Y of P30D, gevonden '" + waarde + "'");
            }
            return standaard;
        }

        private Duration duur(String pad, String waarde, Duration standaard) {
            return duur(pad, waarde, standaard, "PT2M");
        }

        private Duration duur(String pad, String waarde, Duration standaard, String voorbeeld) {
            if (waarde == null) {
                return standaard;
            }
            try {
                Duration duur = Duration.parse(waarde.trim());
                if (!duur.isNegative()) {
                    return duur;
                }
                fout(pad, "mag niet negatief zijn, gevonden '" + waarde + "'");
            } catch (DateTimeParseException e) {
                fout(pad, "verwacht een ISO-8601-duur zoals " + voorbeeld + ", gevonden '" + waarde + "'");
            }
            return standaard;
        }

        /**
         * Absent list: inherit; present list (even empty): replaces what it would inherit.
         *
         * @param lees the value as the hub compares it, or null when it has the wrong form
         */
        private Set<String> codes(String pad, List<String> waarden, Set<String> standaard,
                Function<String, String> lees, String verwacht) {
            if (waarden == null) {
                return standaard;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < waarden.size(); i++) {
                String waarde = waarden.get(i) == null ? "" : waarden.get(i).trim();
                String gelezen = lees.apply(waarde);
                if (gelezen != null) {
                    codes.add(gelezen);
                } else {
                    fout(pad + "[" + i + "]", "verwacht " + verwacht + ", gevonden '" + waarde + "'");
                }
            }
            return codes;
        }

        /**
         * The rungs as written: recipients are still the words 'regisseur' and 'team', so that a regio ladder serves
         * every gemeente (see {@link #opgelost}). Any problem leaves the inherited ladder in place, which
         * {@link Regietermijnen} always accepts.
         */
        private List<Escalatietrede> ladder(String pad, List<RegioBestand.Trede> treden,
                List<Escalatietrede> standaard) {
            if (treden == null) {
                return standaard;
            }
            if (treden.isEmpty()) {
                fout(pad, "lege lijst; laat de sleutel weg voor de standaardladder (bij de termijn regisseur en team, "
                        + "daarna elke 24 uur opnieuw)");
                return standaard;
            }
            List<Escalatietrede> ladder = new ArrayList<>();
            int laatste = treden.size() - 1;
            Duration laatsteNa = null;
            for (int i = 0; i <= laatste; i++) {
                String tredePad = pad + "[" + i + "]";
                RegioBestand.Trede trede = treden.get(i);
                if (trede == null) {
                    fout(tredePad, "leeg; verwacht 'na' en 'aan'");
                    continue;
                }
                Duration na = null;
                if (trede.na == null) {
                    fout(tredePad + ".na", "ontbreekt; verwacht een ISO-8601-duur zoals PT0S of PT24H");
                } else {
                    na = duur(tredePad + ".na", trede.na, null, "PT24H");
                }
                if (i == laatste) {
                    laatsteNa = na;
                }
                List<String> aan = ontvangers(tredePad + ".aan", trede.aan);
                if (na != null && aan != null) {
                    ladder.add(new Escalatietrede(na, aan));
                }
            }
            if (laatsteNa != null && laatsteNa.isZero()) {
                fout(pad + "[" + laatste + "].na", "de laatste trede herhaalt zich tot er bevestigd is en moet daarom "
                        + "groter dan nul zijn, gevonden '" + treden.get(laatste).na.trim() + "'");
                return standaard;
            }
            return ladder.size() == treden.size() ? ladder : standaard;
        }

        /** The words 'regisseur' and 'team' in lower case, addresses as written; null if invalid. */
        private List<String> ontvangers(String pad, List<String> waarden) {
            String verwacht = "regisseur, team of een e-mailadres";
            if (waarden == null) {
                fout(pad, "ontbreekt; verwacht een lijst met " + verwacht);
                return null;
            }
            if (waarden.isEmpty()) {
                fout(pad, "lege lijst; noem minstens één ontvanger: " + verwacht);
                return null;
            }
            List<String> ontvangers = new ArrayList<>();
            for (int i = 0; i < waarden.size(); i++) {
                String waarde = waarden.get(i) == null ? "" : waarden.get(i).trim();
                String woord = waarde.toLowerCase(Locale.ROOT);
                if (woord.equals(REGISSEUR) || woord.equals(TEAM)) {
                    ontvangers.add(woord);
                } else if (waarde.contains("@") && Emailadres.isGeldig(waarde)) {
                    ontvangers.add(waarde);
                    weigerVoorbeeld(pad + "[" + i + "]", waarde);
                } else if (waarde.contains("@")) {
                    fout(pad + "[" + i + "]", "geen geldig e-mailadres: '" + waarde + "'");
                } else {
                    fout(pad + "[" + i + "]", "onbekende ontvanger '" + waarde + "'; verwacht " + verwacht);
                }
            }
            return ontvangers.size() == waarden.size() ? ontvangers : null;
        }

        private Optional<Set<String>> verwijzers(String pad, List<String> waarden) {
            if (waarden == null) {
                return Optional.empty();
            }
            if (waarden.isEmpty()) {
                fout(pad, "lege lijst; laat de sleutel weg als elke verwijzer tot een signaal leidt");
                return Optional.empty();
            }
            Set<String> types = new LinkedHashSet<>();
            for (int i = 0; i < waarden.size(); i++) {
                String waarde = waarden.get(i) == null ? "" : waarden.get(i).trim();
                if (VERWIJZERTYPES.contains(waarde)) {
                    types.add(waarde);
                } else {
                    fout(pad + "[" + i + "]", "onbekend verwijzertype '" + waarde + "'; toegestaan: "
                            + String.join(", ", new TreeSet<>(VERWIJZERTYPES)) + " (tussen aanhalingstekens)");
                }
            }
            return Optional.of(types);
        }

        /**
         * @param perspectiefVolgtPleegzorg whether an unnamed perspectiefbiedend set follows this level's pleegzorg
         *                                  set; false once the regio named perspectiefbiedend itself, because a
         *                                  gemeente then inherits that choice like any other regio value
         */
        private Productsoorten productsoorten(String pad, RegioBestand.Soorten s, Productsoorten standaard,
                boolean perspectiefVolgtPleegzorg) {
            if (s == null) {
                return standaard;
            }
            Productsoorten.Soort pleegzorg = productsoort(pad + ".pleegzorg", s.pleegzorg, standaard.pleegzorg());
            return new Productsoorten(
                    pleegzorg,
                    productsoort(pad + ".gezinshuis", s.gezinshuis, standaard.gezinshuis()),
                    productsoort(pad + ".crisis", s.crisis, standaard.crisis()),
                    productsoort(pad + ".verblijf", s.verblijf, standaard.verblijf()),
                    productsoort(pad + ".diagnostiek", s.diagnostiek, standaard.diagnostiek()),
                    productsoort(pad + ".perspectiefbiedend", s.perspectiefbiedend,
                            perspectiefVolgtPleegzorg ? pleegzorg : standaard.perspectiefbiedend()));
        }

        /**
         * A list of categories and codes side by side: an entry of 2 digits is a category, any other entry of 1 to 5
         * characters a code, and an entry with 'code:' before it always a code (the way to name a 2-digit code).
         */
        private Productsoorten.Soort productsoort(String pad, List<String> waarden, Productsoorten.Soort standaard) {
            if (waarden == null) {
                return standaard;
            }
            Set<String> categorieen = new LinkedHashSet<>();
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < waarden.size(); i++) {
                String waarde = waarden.get(i) == null ? "" : waarden.get(i).trim();
                if (!heeftCodeVoorvoegsel(waarde) && categorie(waarde) != null) {
                    categorieen.add(waarde);
                } else if (productcode(waarde) != null) {
                    codes.add(productcode(waarde));
                } else {
                    fout(pad + "[" + i + "]", "verwacht een categorie van 2 cijfers of " + VERWACHT_CODE
                            + " (een productcode van 2 cijfers als \"code:12\"), gevonden '" + waarde + "'");
                }
            }
            return new Productsoorten.Soort(categorieen, codes);
        }

        private void aanleveraars(String pad, List<RegioBestand.Aanleveraar> lijst) {
            if (lijst == null) {
                return;
            }
            for (int i = 0; i < lijst.size(); i++) {
                String eigenPad = pad + "[" + i + "]";
                RegioBestand.Aanleveraar a = lijst.get(i);
                if (a == null) {
                    fout(eigenPad, "leeg; verwacht naam, token en gemeenten en/of afzenders");
                    continue;
                }
                int foutenVooraf = fouten.size();
                String naam = verplicht(eigenPad + ".naam", a.naam);
                String hash = tokenHash(eigenPad + ".token", a.token);
                Set<String> gemeenten = codes(eigenPad + ".gemeenten", a.gemeenten, Set.of(),
                        code -> GEMEENTECODE.matcher(code).matches() ? code : null,
                        "een gemeentecode van precies 4 cijfers tussen aanhalingstekens (bijv. \"0632\")");
                Set<String> afzenders = codes(eigenPad + ".afzenders", a.afzenders, Set.of(),
                        code -> code.isEmpty() ? null : code, "een Afzendercode zoals in de berichten");
                if ((a.gemeenten == null || a.gemeenten.isEmpty()) && (a.afzenders == null || a.afzenders.isEmpty())) {
                    fout(eigenPad, "noem de gemeenten en/of de afzenders waarvoor deze aanleveraar berichten mag "
                            + "aanleveren");
                }
                if (fouten.size() == foutenVooraf) {
                    aanleveraars.put(eigenPad, new Aanleveraar(naam, hash, gemeenten, afzenders));
                }
            }
        }

        /** The hash in lower case without its prefix; an operator who pastes the token itself is told so. */
        private String tokenHash(String pad, String waarde) {
            String tekst = verplicht(pad, waarde);
            if (tekst.isEmpty()) {
                return "";
            }
            Matcher m = TOKENHASH.matcher(tekst);
            if (!m.matches()) {
                // The value is not echoed: it may be the token itself.
                fout(pad, "verwacht \"sha256:\" gevolgd door 64 hexadecimale tekens: de SHA-256 van het token, "
                        + "niet het token zelf (maak hem met: printf %s \"$TOKEN\" | sha256sum)");
                return "";
            }
            String hash = m.group(1).toLowerCase(Locale.ROOT);
            if (modus == Modus.PRODUCTIE && OPENBARE_TOKENHASHES.contains(hash)) {
                fout(pad, "dit is een token uit de voorbeeldregio's of de tests van de hub, dat iedereen kent; maak in "
                        + "productie een eigen token (bijv. met: openssl rand -base64 32)");
            }
            return hash;
        }
    }

    /** The category as written (trimmed), or null unless it is 2 digits. */
    private static String categorie(String waarde) {
        return CATEGORIE.matcher(waarde).matches() ? waarde : null;
    }

    /**
     * The product code as the parser reads it from a message, which trims XML whitespace, or null unless it has 1 to 5
     * characters; an optional 'code:' before it is dropped, so that a code can be written alike in every list.
     */
    private static String productcode(String waarde) {
        String code = heeftCodeVoorvoegsel(waarde) ? waarde.substring(CODE.length()).trim() : waarde;
        int lengte = code.codePointCount(0, code.length());
        return lengte >= 1 && lengte <= MAX_PRODUCTCODE ? code : null;
    }

    /**
     * A code in {@code uitgesloten.codes}. Two bare digits are refused there: in a productsoorten list they name a
     * category, and read as a code here they would quietly exclude nothing the writer meant.
     */
    private static String uitgeslotenCode(String waarde) {
        return !heeftCodeVoorvoegsel(waarde) && categorie(waarde) != null ? null : productcode(waarde);
    }

    private static boolean heeftCodeVoorvoegsel(String waarde) {
        return waarde.regionMatches(true, 0, CODE, 0, CODE.length());
    }

    /** The ladder with the words 'regisseur' and 'team' replaced by this gemeente's addresses. */
    private static List<Escalatietrede> opgelost(List<Escalatietrede> ladder, String regisseur, String team) {
        return ladder.stream()
                .map(trede -> new Escalatietrede(trede.na(), trede.ontvangers().stream()
                        .map(o -> o.equals(REGISSEUR) ? regisseur : o.equals(TEAM) ? team : o)
                        .toList()))
                .toList();
    }

    /**
     * Jackson stops at the first problem by default. This mapper reports structural problems (unknown key, a list
     * where a value belongs) to the file's error list and carries on, so one load names every problem.
     */
    private static ObjectMapper mapper(Bestandslezer lezer) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                    JsonDeserializer<?> deserializer, Object bean, String sleutel) throws IOException {
                Collection<Object> bekend = deserializer.getKnownPropertyNames();
                lezer.fout(pad(p), "onbekende sleutel (verkeerd gespeld?)"
                        + (bekend == null || bekend.isEmpty() ? "" : "; toegestaan: " + bekendeSleutels(bekend)));
                p.skipChildren();
                return true;
            }

            @Override
            public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType doel, JsonToken t, JsonParser p,
                    String melding) throws IOException {
                lezer.fout(pad(p), "verwacht " + vorm(doel) + ", gevonden " + vorm(t));
                p.skipChildren();
                return null;
            }

            @Override
            public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> doel,
                    ValueInstantiator instantiator, JsonParser p, String melding) throws IOException {
                // A single value where a list belongs arrives here too, as the list has no constructor from text.
                String verwacht = Collection.class.isAssignableFrom(doel) ? "een lijst" : "sleutels met waarden";
                lezer.fout(pad(p), "verwacht " + verwacht + ", gevonden " + vorm(p.currentToken()));
                p.skipChildren();
                return null;
            }
        });
        return mapper;
    }

    private static String bekendeSleutels(Collection<Object> bekend) {
        return String.join(", ", new TreeSet<>(bekend.stream().map(String::valueOf).toList()));
    }

    private static String vorm(JavaType type) {
        if (type.isCollectionLikeType()) {
            return "een lijst";
        }
        return type.getRawClass() == String.class ? "een enkele waarde" : "sleutels met waarden";
    }

    private static String vorm(JsonToken t) {
        if (t == JsonToken.START_ARRAY) {
            return "een lijst";
        }
        return t == JsonToken.START_OBJECT ? "sleutels met waarden" : "een enkele waarde";
    }

    /** The dotted path of the key the parser is at, e.g. regio.gemeenten[4].regisseur.email. */
    private static String pad(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        // On the opening token of a list or block the parser has already entered it; the key belongs to the parent.
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            context = context.getParent();
        }
        Deque<String> delen = new ArrayDeque<>();
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                delen.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                delen.push("." + context.getCurrentName());
            }
        }
        String pad = String.join("", delen);
        return pad.startsWith(".") ? pad.substring(1) : pad;
    }
}
