package nl.procesregie.hub.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.procesregie.hub.config.Aanbieders;
import nl.procesregie.hub.config.Productsoorten;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.Elfproef;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.Levering;
import nl.procesregie.hub.ijw.Toewijzing;
import nl.procesregie.hub.testinfra.Xsd;

/**
 * The generator judged from the outside: its messages are read with the hub's own parser and configuration, and
 * everything it claims (valid or not, shares, expected signals) is checked against what the messages say.
 */
class DemoGeneratorTest {

    static final Instant NU = Instant.parse("2026-11-23T10:00:00Z");
    static final DemoGenerator.Parameters JAAR = new DemoGenerator.Parameters(7, 3_600, NU.minus(Duration.ofDays(365)));

    /** One simulated year: the messages and, for the valid ones, what the hub's parser made of them. */
    static final List<FeedBericht> FEED = new ArrayList<>();
    static final Map<Long, IjwBericht> GELEZEN = new HashMap<>();
    static RegioConfiguratie regio;

    @BeforeAll
    static void genereerEenJaar() {
        regio = RegioConfiguratie.laad(List.of("classpath:config/utrecht-west.yaml"));
        DemoGenerator g = new DemoGenerator(JAAR);
        IjwParser parser = new IjwParser();
        for (FeedBericht b = g.volgende(); !b.moment().isAfter(NU); b = g.volgende()) {
            FEED.add(b);
            if (b.isGeldig()) {
                try {
                    GELEZEN.put(b.volgnummer(), parser.parse(b.waarde()));
                } catch (IjwFout e) {
                    fail("bericht " + b.volgnummer() + " is bedoeld als geldig maar de hub weigert het: " + e.code()
                            + " " + e.reden());
                }
            }
        }
    }

    static List<FeedBericht> eerste(DemoGenerator.Parameters p, int aantal) {
        DemoGenerator g = new DemoGenerator(p);
        List<FeedBericht> lijst = new ArrayList<>();
        for (int i = 0; i < aantal; i++) {
            lijst.add(g.volgende());
        }
        return lijst;
    }

    static void assertZelfde(FeedBericht a, FeedBericht b) {
        assertEquals(a.volgnummer(), b.volgnummer());
        assertEquals(a.moment(), b.moment());
        assertEquals(a.stroom(), b.stroom());
        assertEquals(a.sleutel(), b.sleutel());
        assertEquals(a.bedoeldeFout(), b.bedoeldeFout());
        assertEquals(a.signalen(), b.signalen());
        assertArrayEquals(a.waarde(), b.waarde(), "bericht " + a.volgnummer());
    }

    @Test
    void hetzelfdeZaadGeeftByteVoorByteDezelfdeFeedEenAnderZaadEenAndere() {
        List<FeedBericht> a = eerste(JAAR, 3_000);
        List<FeedBericht> b = eerste(JAAR, 3_000);
        for (int i = 0; i < a.size(); i++) {
            assertZelfde(a.get(i), b.get(i));
        }
        List<FeedBericht> ander = eerste(new DemoGenerator.Parameters(8, 3_600, JAAR.begin()), 3_000);
        assertFalse(Arrays.equals(a.get(2_999).waarde(), ander.get(2_999).waarde()));
    }

    @Test
    void volgnummersZonderGatenEnMomentenOplopend() {
        for (int i = 0; i < FEED.size(); i++) {
            assertEquals(i + 1, FEED.get(i).volgnummer());
            if (i > 0) {
                assertFalse(FEED.get(i).moment().isBefore(FEED.get(i - 1).moment()));
            }
        }
    }

    @Test
    void testBsnsZijnAllemaalElfproefGeldigEnUniek() {
        assertEquals(9_091, TestBsn.AANTAL);
        Set<String> gezien = new HashSet<>();
        for (int n = 0; n < TestBsn.AANTAL; n++) {
            String bsn = TestBsn.geldig(n);
            assertTrue(Elfproef.isGeldig(bsn), bsn);
            assertTrue(bsn.compareTo("999900006") >= 0 && bsn.compareTo("999999990") <= 0, bsn);
            assertTrue(gezien.add(bsn));
            assertFalse(Elfproef.isGeldig(TestBsn.ongeldig(n)), TestBsn.ongeldig(n));
        }
    }

    static final Pattern BSN = Pattern.compile("<(?:\\w+:)?Bsn>([^<]*)</");

    @Test
    void elkGeldigBerichtNoemtEenGeldigeTestBsnDieBijDeSleutelHoort() {
        Map<String, String> bsnPerSleutel = new HashMap<>();
        for (FeedBericht b : FEED) {
            if (!b.isGeldig()) {
                continue;
            }
            Matcher m = BSN.matcher(new String(b.waarde(), StandardCharsets.UTF_8));
            assertTrue(m.find());
            String bsn = m.group(1);
            assertTrue(Elfproef.isGeldig(bsn) && bsn.startsWith("9999"), "bericht " + b.volgnummer());
            assertEquals(bsn, bsnPerSleutel.computeIfAbsent(b.sleutel(), k -> bsn), "one youth, one BSN");
            assertFalse(b.sleutel().contains(bsn));
        }
        assertEquals(bsnPerSleutel.size(), new HashSet<>(bsnPerSleutel.values()).size(), "one BSN, one youth");
    }

    @Test
    void deHubWeigertPreciesDeBedoeldeRecordsMetDeBedoeldeFoutcode() {
        IjwParser parser = new IjwParser();
        Map<String, Integer> perFout = new TreeMap<>();
        for (FeedBericht b : FEED) {
            if (b.isGeldig()) {
                assertTrue(regio.gemeente(GELEZEN.get(b.volgnummer()).gemeente()).isPresent(),
                        "bericht " + b.volgnummer() + " is for a gemeente of the regio");
                continue;
            }
            perFout.merge(b.bedoeldeFout(), 1, Integer::sum);
            String code;
            try {
                IjwBericht gelezen = parser.parse(b.waarde());
                // The intake, not the parser, checks the gemeente against the configuration.
                code = regio.gemeente(gelezen.gemeente()).isPresent() ? "GELDIG" : "GEMEENTE_ONBEKEND";
            } catch (IjwFout e) {
                code = e.code().name();
            }
            assertEquals(b.bedoeldeFout(), code, "bericht " + b.volgnummer());
        }
        assertEquals(Set.of("BSN_ONGELDIG", "XML_ONGELDIG", "GEMEENTE_ONBEKEND", "DATUM_ONGELDIG"), perFout.keySet());
    }

    static final Pattern DAGTEKENING = Pattern.compile("<(?:\\w+:)?Dagtekening>([^<]*)</");

    /**
     * The feed is iJw: a whole year judged by the official XSDs with javax.xml.validation, not by the hub's parser.
     * Every record meant to be valid passes. A record invalid on purpose breaks the schemas only where it means to:
     * a wrong BSN or a gemeente outside the regio is wrong in meaning only (the schemas accept both), an impossible
     * Dagtekening is its record's one violation, and a cut-off record is not well-formed XML.
     */
    @Test
    void eenGegenereerdJaarVoldoetAanDeXsdsBehalveDeBedoeldeFouten() {
        Xsd xsd = new Xsd();
        List<String> afwijkingen = new ArrayList<>();
        Map<String, Integer> ongeldig = new TreeMap<>();
        long begin = System.nanoTime();
        for (int i = 0; i < FEED.size(); i++) {
            FeedBericht b = FEED.get(i);
            List<String> fouten = xsd.fouten(b.waarde());
            String wie = "bericht " + i + " (volgnummer " + b.volgnummer() + ", "
                    + (b.isGeldig() ? GELEZEN.get(b.volgnummer()).soort() : b.stroom() + ", bedoeld " + b.bedoeldeFout())
                    + "): ";
            if (b.isGeldig()) {
                if (!fouten.isEmpty()) {
                    afwijkingen.add(wie + fouten);
                }
                continue;
            }
            ongeldig.merge(b.bedoeldeFout(), 1, Integer::sum);
            boolean zoalsBedoeld = switch (b.bedoeldeFout()) {
                case "BSN_ONGELDIG", "GEMEENTE_ONBEKEND" -> fouten.isEmpty();
                case "DATUM_ONGELDIG" -> {
                    Matcher m = DAGTEKENING.matcher(new String(b.waarde(), StandardCharsets.UTF_8));
                    String dag = m.find() ? m.group(1) : "?";
                    yield !fouten.isEmpty() && fouten.stream().allMatch(f -> f.contains("'" + dag + "'"));
                }
                case "XML_ONGELDIG" -> fouten.size() == 1;
                default -> false;
            };
            if (!zoalsBedoeld) {
                afwijkingen.add(wie + (fouten.isEmpty() ? "voldoet aan de XSD's" : fouten));
            }
        }
        long ms = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("Gemeten XSD-controle van een jaar demofeed: " + FEED.size() + " records in " + ms + " ms");
        assertEquals(List.of(), afwijkingen.subList(0, Math.min(20, afwijkingen.size())),
                afwijkingen.size() + " of " + FEED.size() + " records are not what they are meant to be");
        assertEquals(Set.of("BSN_ONGELDIG", "XML_ONGELDIG", "GEMEENTE_ONBEKEND", "DATUM_ONGELDIG"), ongeldig.keySet(),
                "every intended fault occurs: " + ongeldig);
    }

    /** ToewijzingNummer is LDT_Nummer: an integer of at most nine digits, and unique per gemeente over the history. */
    @Test
    void toewijzingNummersZijnGehelenBinnenLdtNummerEnUniekPerGemeente() {
        Map<String, String> trajectVan = new HashMap<>();
        for (FeedBericht b : FEED) {
            IjwBericht m = GELEZEN.get(b.volgnummer());
            if (m == null) {
                continue;
            }
            for (Toewijzing t : m.toewijzingen()) {
                String nummer = t.toewijzingNummer();
                assertTrue(nummer.matches("[1-9][0-9]{0,8}"), "bericht " + b.volgnummer() + ": " + nummer);
                String traject = b.sleutel() + "/" + m.aanbieder() + "/" + t.product().sleutel();
                assertEquals(traject, trajectVan.computeIfAbsent(m.gemeente() + "/" + nummer, k -> traject),
                        "one number, one allocation: bericht " + b.volgnummer());
            }
        }
    }

    @Test
    void deAandelenLijkenOpEchtVerkeer() {
        int ongeldig = 0;
        Map<BerichtSoort, Integer> perSoort = new TreeMap<>();
        Map<String, Integer> redenWijziging = new TreeMap<>();
        Map<String, Integer> redenBeeindiging = new TreeMap<>();
        Set<String> categorieen = new HashSet<>();
        Set<String> aanbieders = new HashSet<>();
        Set<String> versiesGezien = new HashSet<>();
        int toegewezenProducten = 0;
        int herhaald = 0;
        int intrekkingen = 0;
        for (FeedBericht b : FEED) {
            if (!b.isGeldig()) {
                ongeldig++;
                continue;
            }
            IjwBericht m = GELEZEN.get(b.volgnummer());
            perSoort.merge(m.soort(), 1, Integer::sum);
            aanbieders.add(m.aanbieder());
            for (Toewijzing t : m.toewijzingen()) {
                toegewezenProducten++;
                categorieen.add(t.product().categorie());
                if (!versiesGezien.add(m.gemeente() + t.toewijzingNummer() + t.toewijzingsdatum() + t.toewijzingstijd())) {
                    herhaald++;
                }
                if (t.redenWijziging() != null) {
                    redenWijziging.merge(t.redenWijziging(), 1, Integer::sum);
                }
            }
            for (Levering l : m.leveringen()) {
                if (l.isIntrekking()) {
                    intrekkingen++;
                }
                if (l.redenBeeindiging() != null && !l.isIntrekking()) {
                    redenBeeindiging.merge(l.redenBeeindiging(), 1, Integer::sum);
                }
            }
        }
        double aandeelOngeldig = (double) ongeldig / FEED.size();
        assertTrue(aandeelOngeldig > 0.004 && aandeelOngeldig < 0.01, "invalid share " + aandeelOngeldig);
        assertTrue(FEED.size() > 15_000 && FEED.size() < 25_000, "messages in a year: " + FEED.size());
        int alle = perSoort.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(perSoort.get(BerichtSoort.JW315) > alle * 0.03 && perSoort.get(BerichtSoort.JW315) < alle * 0.12,
                perSoort.toString());
        assertTrue(perSoort.get(BerichtSoort.JW305) > perSoort.get(BerichtSoort.JW307), perSoort.toString());
        // Re-sent snapshots carry allocations already sent in the same version.
        assertTrue(herhaald > toegewezenProducten * 0.1, herhaald + " of " + toegewezenProducten);
        assertTrue(redenWijziging.keySet().containsAll(Set.of("01", "04", "05", "13")), redenWijziging.toString());
        assertTrue(intrekkingen > 50, "retractions: " + intrekkingen);
        assertEquals("31", redenBeeindiging.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        assertTrue(redenBeeindiging.keySet().containsAll(Set.of("20", "31", "32", "33", "34", "35", "38", "39")),
                redenBeeindiging.toString());
        assertTrue(categorieen.containsAll(Set.of("41", "42", "43", "44", "45", "46", "47", "48", "54")),
                categorieen.toString());
        assertEquals(12, aanbieders.size());
    }

    @Test
    void eenMinderheidKomtAanVierOfMeerTrajecten() {
        Map<String, Set<String>> trajecten = new HashMap<>();
        for (FeedBericht b : FEED) {
            IjwBericht m = GELEZEN.get(b.volgnummer());
            if (m != null) {
                for (Toewijzing t : m.toewijzingen()) {
                    trajecten.computeIfAbsent(b.sleutel(), k -> new HashSet<>())
                            .add(m.aanbieder() + t.product().sleutel());
                }
            }
        }
        long vierOfMeer = trajecten.values().stream().filter(s -> s.size() >= 4).count();
        long tienOfMeer = trajecten.values().stream().filter(s -> s.size() >= 10).count();
        double aandeel = (double) vierOfMeer / trajecten.size();
        assertTrue(trajecten.size() > 3_000, "youths in a year: " + trajecten.size());
        assertTrue(aandeel > 0.03 && aandeel < 0.15, "share with 4+ trajectories: " + aandeel);
        assertTrue(tienOfMeer >= 1, "a few youths have many trajectories");
    }

    /**
     * The expected signals, derived again from the messages alone: the latest version of every allocation decides
     * whether it is void, a trajectory counts while one of its allocations is not, transport never counts, and the
     * high-water mark of CONTRACTS.md rule 6 decides what is signalled; an allocation of residential care or of a
     * crisis product, as the bundled regio's productsoorten class it, raises its own signal once per trajectory.
     */
    @Test
    void deGrondwaarheidVolgtUitDeBerichtenZelf() {
        Map<String, Map<String, Toewijzing>> laatste = new HashMap<>();
        Map<String, Map<String, String>> trajectVan = new HashMap<>();
        Map<String, Set<String>> tellendVoor = new HashMap<>();
        Map<String, Integer> merk = new HashMap<>();
        Map<String, Integer> hoogste = new HashMap<>();
        Map<String, Set<String>> oorzaken = new HashMap<>();
        Map<String, Set<String>> regie = new HashMap<>();
        List<String> afgeleid = new ArrayList<>();
        List<String> beweerd = new ArrayList<>();
        for (FeedBericht b : FEED) {
            b.signalen().forEach(s -> beweerd.add(s.jeugdige() + " " + s.soort() + " " + s.volgnummer() + " "
                    + s.aanbieder() + "/" + s.product() + " " + s.toewijzingNummer() + " " + s.hernieuwd() + " "
                    + s.dagtekening() + " #" + s.berichtVolgnummer() + " " + s.gemeente()));
            IjwBericht m = GELEZEN.get(b.volgnummer());
            if (m == null) {
                continue;
            }
            String j = b.sleutel();
            Map<String, Toewijzing> versies = laatste.computeIfAbsent(j, k -> new HashMap<>());
            Map<String, String> trajecten = trajectVan.computeIfAbsent(j, k -> new HashMap<>());
            if (m.soort() != BerichtSoort.JW301) {
                // Starts and stops only ever name an allocation already sent: they add no trajectory of their own.
                for (Levering l : m.leveringen()) {
                    String traject = trajecten.get(m.gemeente() + "/" + l.toewijzingNummer());
                    assertEquals(m.aanbieder() + "/" + l.product().sleutel(), traject, "bericht " + b.volgnummer());
                }
                continue;
            }
            for (Toewijzing t : m.toewijzingen()) {
                String nummer = m.gemeente() + "/" + t.toewijzingNummer();
                Toewijzing eerder = versies.get(nummer);
                if (eerder == null || moment(t).isAfter(moment(eerder))) {
                    versies.put(nummer, t);
                }
                trajecten.put(nummer, m.aanbieder() + "/" + t.product().sleutel());
            }
            Set<String> tellend = new HashSet<>();
            versies.forEach((nummer, t) -> {
                if (!vervallen(t) && !"42".equals(t.product().categorie())) {
                    tellend.add(trajecten.get(nummer));
                }
            });
            Set<String> voor = tellendVoor.getOrDefault(j, Set.of());
            Set<String> nieuw = new HashSet<>(tellend);
            nieuw.removeAll(voor);
            int m0 = merk.getOrDefault(j, 0);
            Set<String> eigenOorzaken = oorzaken.computeIfAbsent(j, k -> new HashSet<>());
            if (eigenOorzaken.stream().anyMatch(o -> voor.contains(o) && !tellend.contains(o))) {
                m0 = Math.min(m0, tellend.size() - nieuw.size());
            }
            assertTrue(nieuw.size() <= 1, "one new trajectory per message at most, bericht " + b.volgnummer());
            if (!nieuw.isEmpty() && tellend.size() > m0) {
                int c = tellend.size();
                if (c >= 4) {
                    String traject = nieuw.iterator().next();
                    String nummer = versies.entrySet().stream()
                            .filter(e -> trajecten.get(e.getKey()).equals(traject)).map(Map.Entry::getKey)
                            .findFirst().orElseThrow().substring(5);
                    afgeleid.add(j + " " + (m0 < 4 ? "VIERDE_TRAJECT" : "VERVOLG_TRAJECT") + " " + c + " " + traject
                            + " " + nummer + " " + (c <= hoogste.getOrDefault(j, 0)) + " "
                            + m.identiteit().dagtekening() + " #" + b.volgnummer() + " " + m.gemeente());
                    hoogste.merge(j, c, Math::max);
                    eigenOorzaken.add(traject);
                }
                m0 = c;
            }
            merk.put(j, m0);
            tellendVoor.put(j, tellend);
            Productsoorten soorten = regio.gemeente(m.gemeente()).orElseThrow().productsoorten();
            Set<String> eigenRegie = regie.computeIfAbsent(j, k -> new HashSet<>());
            for (Toewijzing t : m.toewijzingen()) {
                String traject = m.aanbieder() + "/" + t.product().sleutel();
                String categorie = t.product().categorie();
                String code = t.product().code();
                String soort = soorten.isCrisis(categorie, code) ? "CRISIS"
                        : soorten.isVerblijf(categorie, code) ? "VERBLIJF" : null;
                if (soort != null && !vervallen(versies.get(m.gemeente() + "/" + t.toewijzingNummer()))
                        && eigenRegie.add(traject)) {
                    afgeleid.add(j + " " + soort + " null " + traject + " " + t.toewijzingNummer() + " false "
                            + m.identiteit().dagtekening() + " #" + b.volgnummer() + " " + m.gemeente());
                }
            }
        }
        assertTrue(afgeleid.stream().anyMatch(s -> s.contains(" VERBLIJF ")), "residential care starts");
        assertTrue(afgeleid.stream().anyMatch(s -> s.contains(" CRISIS ")), "crisis placements");
        assertTrue(afgeleid.size() > 200, "signals in a year: " + afgeleid.size());
        assertTrue(afgeleid.stream().anyMatch(s -> s.contains("VERVOLG_TRAJECT")));
        assertTrue(afgeleid.stream().anyMatch(s -> s.contains(" true ")), "some signals are renewed");
        assertEquals(afgeleid, beweerd);
    }

    static boolean vervallen(Toewijzing t) {
        return "13".equals(t.redenWijziging())
                || "01".equals(t.redenWijziging()) && t.ingangsdatum().equals(t.einddatum());
    }

    static LocalDateTime moment(Toewijzing t) {
        return LocalDateTime.of(t.toewijzingsdatum(), t.toewijzingstijd());
    }

    /**
     * The demo's mails name its providers only if the bundled regio file does: its {@code aanbieders} list and the
     * demo's table must name the same providers alike, and every provider the feed sends must be in it.
     */
    @Test
    void deVoorbeeldregioNoemtElkeAanbiederVanDeFeed() {
        Aanbieders aanbieders = regio.aanbieders();
        Map<String, String> inBestand = new TreeMap<>();
        aanbieders.codes().forEach(agb -> inBestand.put(agb, aanbieders.naam(agb).orElseThrow()));
        Map<String, String> inDemo = new TreeMap<>();
        Tabellen.AANBIEDERS.forEach(a -> inDemo.put(a.agb(), a.naam()));
        assertEquals(inDemo, inBestand);

        Set<String> verstuurd = new TreeSet<>();
        GELEZEN.values().forEach(b -> verstuurd.add(b.aanbieder()));
        assertEquals(inDemo.keySet(), verstuurd, "elke aanbieder van de tabel komt in een jaar voor");
    }

    @Test
    void historischIsOuderDanDeHorizon() {
        VerwachtSignaal s = new VerwachtSignaal("J000001", "0632", "VIERDE_TRAJECT", 4, "88100011", "45A01", "1",
                false, LocalDate.of(2026, 10, 24), 1);
        assertFalse(s.historischOp(LocalDate.of(2026, 11, 23), Period.ofDays(30)));
        assertTrue(s.historischOp(LocalDate.of(2026, 11, 24), Period.ofDays(30)));
    }

    @Test
    void bestandenHeenEnTerugZonderBsnInDeGrondwaarheid(@TempDir Path map) throws Exception {
        Clock klok = Clock.fixed(NU, ZoneOffset.UTC);
        assertEquals(8_000, FeedBestanden.schrijf(map, 8_000, 7, 3_600, Duration.ofDays(365), klok));
        List<FeedBestanden.Regel> gelezen = FeedBestanden.lees(map);
        assertEquals(8_000, gelezen.size());
        for (int i = 0; i < gelezen.size(); i++) {
            assertZelfde(FEED.get(i), gelezen.get(i).bericht());
            assertEquals(FEED.get(i).stroom().standaardTopic(), gelezen.get(i).topic());
        }
        String waarheid = Files.readString(map.resolve(FeedSchrijver.GRONDWAARHEID));
        assertNotEquals("", waarheid);
        for (FeedBestanden.Regel r : gelezen) {
            Matcher m = BSN.matcher(new String(r.bericht().waarde(), StandardCharsets.UTF_8));
            if (m.find()) {
                assertFalse(waarheid.contains(m.group(1)), "no BSN in the ground truth");
            }
        }
        assertTrue(waarheid.contains("\"historisch\":true"), "a year ago is history");
        assertNotNull(gelezen.get(0).bericht().moment());
    }
}
