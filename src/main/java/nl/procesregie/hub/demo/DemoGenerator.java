package nl.procesregie.hub.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

import nl.procesregie.hub.demo.Tabellen.Aanbieder;
import nl.procesregie.hub.demo.Tabellen.Gemeente;
import nl.procesregie.hub.demo.Tabellen.Gewogen;
import nl.procesregie.hub.demo.Tabellen.Product;
import nl.procesregie.hub.demo.Tabellen.Soort;

/**
 * A simulation of a region's iJw traffic that yields its messages in the order they are sent. Youths arrive at a
 * steady rate; each goes through a number of trajectories drawn from a skewed distribution (most one or two, a few
 * up to fifteen). A trajectory is a JW301 allocation from the youth's gemeente to a provider, sometimes preceded by a
 * JW315 request, followed by the provider's JW305 start and JW307 stop with a stop reason, and in between what real
 * traffic holds: re-sent snapshots, extensions (RedenWijziging 04) or a follow-up allocation under a new number,
 * volume corrections (01), shortening after an early stop (05), removals (13, or 01 with Einddatum = Ingangsdatum)
 * before care began, temporary stops (20) and restarts, retracted and re-sent starts and stops (StatusAanlevering 3),
 * duplicate deliveries, and a small share of invalid records the hub must park.
 *
 * <p>Everything follows from the parameters: one seeded {@link Random}, no clock, events ordered by (moment,
 * creation order). The same parameters give the same feed, byte for byte, which is what lets a resumed feed skip what
 * it published before.
 */
public final class DemoGenerator {

    /**
     * @param zaad             seed of the simulation
     * @param jeugdigenPerJaar youths entering care per simulated year
     * @param begin            moment the simulation starts: the oldest Dagtekening of the feed
     * @param bsns             the youths' numbers; the simulation ends when they run out
     */
    public record Parameters(long zaad, int jeugdigenPerJaar, Instant begin, BsnReeks bsns) {
        public Parameters {
            if (jeugdigenPerJaar < 1) {
                throw new IllegalArgumentException("jeugdigenPerJaar moet positief zijn");
            }
        }

        /** With the numbers of the iJw test range, as the demo uses. */
        public Parameters(long zaad, int jeugdigenPerJaar, Instant begin) {
            this(zaad, jeugdigenPerJaar, begin, TestBsn.REEKS);
        }
    }

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Share of messages preceded by an invalid copy (BSN, XML, gemeente or date broken), as a sender's mistake. */
    static final double AANDEEL_ONGELDIG = 0.007;
    static final List<String> FOUTEN = List.of("BSN_ONGELDIG", "XML_ONGELDIG", "GEMEENTE_ONBEKEND", "DATUM_ONGELDIG");
    private static final double KANS_DUBBEL = 0.015;
    private static final double KANS_VERZOEK = 0.25;
    private static final double KANS_VERWIJDERD = 0.04;
    private static final double KANS_HERHAALD = 0.10;
    private static final double KANS_CORRECTIE = 0.03;
    private static final double KANS_START_GECORRIGEERD = 0.03;
    private static final double KANS_STOP_GECORRIGEERD = 0.015;
    private static final double KANS_TIJDELIJK = 0.03;
    private static final double KANS_GEEN_STOP = 0.08;
    private static final double KANS_VERKORTING = 0.5;
    private static final double KANS_NIEUW_NUMMER = 0.2;
    private static final double KANS_VERVOER = 0.4;
    /** A youth's trajectories begin within this span, well inside the bundled look-back window of three years. */
    private static final int SPAN_DAGEN = 700;
    /** A replacement for a removed allocation waits this long, so the voiding is applied before it in any order. */
    private static final int MIN_DAGEN_NA_VERWIJDERING = 28;

    /** Distinct trajectories a youth goes through: index = number of trajectories, value = weight (per mille). */
    private static final int[] AANTAL_TRAJECTEN = {0, 480, 250, 130, 60, 35, 18, 10, 6, 4, 2, 2, 1, 1, 1, 1};

    private final Random r;
    private final double gemiddeldeTussenAankomstSeconden;
    private final PriorityQueue<Gebeurtenis> agenda = new PriorityQueue<>(
            Comparator.comparing(Gebeurtenis::moment).thenComparingLong(Gebeurtenis::volgorde));
    private final ArrayDeque<FeedBericht> klaar = new ArrayDeque<>();
    private final GrondWaarheid waarheid = new GrondWaarheid();
    private final BsnReeks bsns;
    private Instant nu;
    private long volgorde;
    private long volgnummer;
    private long berichtNummer;
    private long toewijzingNummer;
    private int jeugdigen;

    public DemoGenerator(Parameters p) {
        this.r = new Random(p.zaad());
        this.bsns = p.bsns();
        this.nu = p.begin();
        this.gemiddeldeTussenAankomstSeconden = 365.25 * 86_400 / p.jeugdigenPerJaar();
        plan(p.begin(), this::nieuweJeugdige);
    }

    /** The next message in sending order; null only when the simulation has nothing left (all its BSNs used). */
    public FeedBericht volgende() {
        vul();
        return klaar.poll();
    }

    /** The moment of the next message without taking it; null as for {@link #volgende()}. */
    public Instant volgendMoment() {
        vul();
        FeedBericht b = klaar.peek();
        return b == null ? null : b.moment();
    }

    private void vul() {
        while (klaar.isEmpty() && !agenda.isEmpty()) {
            Gebeurtenis g = agenda.poll();
            nu = g.moment();
            g.actie().run();
        }
    }

    private record Gebeurtenis(Instant moment, long volgorde, Runnable actie) {
    }

    private void plan(Instant moment, Runnable actie) {
        agenda.add(new Gebeurtenis(moment.isBefore(nu) ? nu : moment, volgorde++, actie));
    }

    // ---- the population

    private final class Jeugdige {
        final String sleutel;
        final String bsn;
        final int nummer;
        final Gemeente gemeente;
        final IjwTekst.Client client;
        final int doel;
        final LocalDate aankomst;
        final Set<String> gebruikt = new HashSet<>();
        final List<Toewijzing> toewijzingen = new ArrayList<>();
        int gestart;
        Soort vorige;

        Jeugdige(int nummer) {
            this.nummer = nummer;
            this.sleutel = String.format("J%06d", nummer);
            this.bsn = bsns.geldig(nummer);
            this.gemeente = gewogenGemeente();
            this.aankomst = datum(nu);
            this.doel = gewogenIndex(AANTAL_TRAJECTEN);
            LocalDate geboren = aankomst.minusYears(leeftijd()).minusDays(r.nextInt(365));
            boolean voorvoegsel = r.nextInt(4) == 0;
            String plaats = gemeente.plaatsen().get(r.nextInt(gemeente.plaatsen().size()));
            int postcode = gemeente.postcodeVan() + r.nextInt(gemeente.postcodeTot() - gemeente.postcodeVan() + 1);
            this.client = new IjwTekst.Client(bsn, geboren, r.nextBoolean() ? "1" : "2",
                    voorvoegsel ? kies(Tabellen.VOORVOEGSELS) : null, kies(Tabellen.ACHTERNAMEN), voorletters(),
                    kies(Tabellen.STRATEN), 1 + r.nextInt(150), postcode + "" + letter() + letter(), plaats);
        }

        private int leeftijd() {
            int x = r.nextInt(100);
            return x < 8 ? r.nextInt(4) : x < 26 ? 4 + r.nextInt(4) : x < 51 ? 8 + r.nextInt(4)
                    : x < 83 ? 12 + r.nextInt(4) : 16 + r.nextInt(2);
        }
    }

    private void nieuweJeugdige() {
        if (jeugdigen >= bsns.aantal()) {
            return;
        }
        Jeugdige j = new Jeugdige(jeugdigen++);
        double wacht = -Math.log(1 - r.nextDouble()) * gemiddeldeTussenAankomstSeconden;
        plan(nu.plusSeconds((long) wacht + 1), this::nieuweJeugdige);
        plan(werkmoment(datum(nu)), () -> nieuwTraject(j));
    }

    // ---- trajectories

    /** An allocation as the gemeente holds it; every change is sent at once in a JW301 snapshot. */
    private static final class Toewijzing {
        final String nummer;
        final Aanbieder aanbieder;
        final Product product;
        final Soort soort;
        final LocalDate ingang;
        LocalDate einde;
        String reden;
        LocalDateTime versie;
        int volume;
        final Integer budget;
        boolean gewijzigd = true;

        Toewijzing(String nummer, Aanbieder aanbieder, Product product, Soort soort, LocalDate ingang,
                   LocalDate einde, int volume, Integer budget) {
            this.nummer = nummer;
            this.aanbieder = aanbieder;
            this.product = product;
            this.soort = soort;
            this.ingang = ingang;
            this.einde = einde;
            this.volume = volume;
            this.budget = budget;
        }

        boolean vervallen() {
            return "13".equals(reden) || "01".equals(reden) && ingang.equals(einde);
        }
    }

    /** One product at one provider for one youth; {@code telt} is false for transport, which never counts. */
    private final class Traject {
        final Jeugdige j;
        final Soort soort;
        final Aanbieder aanbieder;
        final Product product;
        final boolean telt;
        Toewijzing toewijzing;
        LocalDate begin;
        boolean tijdelijkGestopt;

        Traject(Jeugdige j, Soort soort, Aanbieder aanbieder, Product product, boolean telt) {
            this.j = j;
            this.soort = soort;
            this.aanbieder = aanbieder;
            this.product = product;
            this.telt = telt;
        }
    }

    private void nieuwTraject(Jeugdige j) {
        Traject tr = kiesTraject(j, kiesSoort(j));
        if (tr == null) {
            return;
        }
        j.vorige = tr.soort;
        boolean viaVerzoek = tr.soort != Soort.CRISIS && tr.soort != Soort.JEUGDBESCHERMING
                && tr.soort != Soort.JEUGDRECLASSERING && r.nextDouble() < KANS_VERZOEK;
        if (viaVerzoek) {
            stuurVerzoek(tr);
            plan(werkmoment(datum(nu).plusDays(3 + r.nextInt(13))), () -> toekennen(tr));
        } else {
            toekennen(tr);
        }
    }

    private Soort kiesSoort(Jeugdige j) {
        if (j.vorige == null) {
            return gewogen(new Soort[] {Soort.AMBULANT, Soort.DIAGNOSTIEK, Soort.JEUGD_GGZ, Soort.DAGBEHANDELING,
                    Soort.CRISIS, Soort.JEUGDBESCHERMING, Soort.JEUGDRECLASSERING, Soort.VERBLIJF, Soort.PLEEGZORG},
                    new int[] {40, 20, 20, 5, 5, 3, 3, 2, 2});
        }
        if (j.vorige == Soort.CRISIS) {
            // About half of the crises end in an out-of-home placement.
            return gewogen(new Soort[] {Soort.VERBLIJF, Soort.PLEEGZORG, Soort.GEZINSHUIS, Soort.AMBULANT,
                    Soort.JEUGD_GGZ}, new int[] {20, 20, 10, 35, 15});
        }
        return gewogen(new Soort[] {Soort.AMBULANT, Soort.JEUGD_GGZ, Soort.DIAGNOSTIEK, Soort.DAGBEHANDELING,
                Soort.VERBLIJF, Soort.PLEEGZORG, Soort.GEZINSHUIS, Soort.CRISIS, Soort.JEUGDBESCHERMING,
                Soort.JEUGDRECLASSERING}, new int[] {30, 18, 10, 10, 8, 7, 4, 7, 4, 2});
    }

    /** A provider and product the youth has not had yet, in the wanted kind of help or, failing that, any kind. */
    private Traject kiesTraject(Jeugdige j, Soort gewenst) {
        for (int poging = 0; poging < 40; poging++) {
            Soort soort = poging < 20 ? gewenst : kiesSoort(j);
            List<Aanbieder> kandidaten = Tabellen.AANBIEDERS.stream().filter(a -> a.soorten().contains(soort)).toList();
            Aanbieder a = kies(kandidaten);
            Product p = kies(Tabellen.producten(soort));
            if (r.nextDouble() < soort.aspecifiekKans) {
                p = new Product(p.categorie(), null);
            }
            if (j.gebruikt.add(a.agb() + '|' + p.sleutel())) {
                return new Traject(j, soort, a, p, true);
            }
        }
        return null;
    }

    private void toekennen(Traject tr) {
        Jeugdige j = tr.j;
        LocalDate vandaag = datum(nu);
        LocalDate ingang;
        if (tr.soort == Soort.CRISIS) {
            // A crisis placement is allocated afterwards, from the day it happened.
            ingang = vandaag.minusDays(r.nextInt(4));
        } else if (r.nextDouble() < 0.1) {
            ingang = vandaag.minusDays(1 + r.nextInt(14));
        } else {
            ingang = vandaag.plusDays(r.nextInt(22));
        }
        Soort s = tr.soort;
        LocalDate einde = r.nextDouble() < s.openKans ? null : ingang.plusDays(tussen(s.minDagen, s.maxDagen));
        Integer budget = tr.product.code() == null ? 100 * tussen(1_500, 6_000) : null;
        Toewijzing t = new Toewijzing(nieuwNummer(), tr.aanbieder, tr.product, s, ingang, einde,
                tussen(s.minVolume, s.maxVolume), budget);
        stempel(t);
        j.toewijzingen.add(t);
        tr.toewijzing = t;
        GrondWaarheid.Zorg zorg = s == Soort.VERBLIJF ? GrondWaarheid.Zorg.VERBLIJF
                : s == Soort.CRISIS ? GrondWaarheid.Zorg.CRISIS : GrondWaarheid.Zorg.ANDERS;
        stuurToewijzingen(j, tr.aanbieder, nr -> waarheid.toegekend(j.sleutel, j.gemeente.code(), tr.telt, zorg,
                tr.aanbieder.agb(), tr.product.sleutel(), t.nummer, datum(nu), nr));

        if (tr.telt) {
            if (s != Soort.CRISIS && r.nextDouble() < KANS_VERWIJDERD) {
                plan(werkmoment(vandaag.plusDays(2 + r.nextInt(9))), () -> verwijder(tr));
                return;
            }
            j.gestart++;
            if (j.gestart < j.doel) {
                plan(nu.plus(tussenpoos(j, s)), () -> nieuwTraject(j));
            }
            if (s == Soort.DAGBEHANDELING && r.nextDouble() < KANS_VERVOER) {
                Traject vervoer = vervoer(j);
                if (vervoer != null) {
                    plan(nu.plusSeconds(60 + r.nextInt(600)), () -> toekennen(vervoer));
                }
            }
        }
        if (r.nextDouble() < KANS_HERHAALD) {
            long dagen = einde == null ? 90 : Math.max(1, ChronoUnit.DAYS.between(vandaag, einde));
            plan(werkmoment(vandaag.plusDays(1 + (long) (r.nextDouble() * dagen))), () -> stuurToewijzingen(j,
                    tr.aanbieder, nr -> List.of()));
        }
        if (r.nextDouble() < KANS_CORRECTIE) {
            plan(werkmoment(vandaag.plusDays(1 + r.nextInt(30))), () -> corrigeerVolume(tr, t));
        }
        LocalDate begin = s == Soort.CRISIS ? ingang : later(ingang, vandaag).plusDays(r.nextInt(11));
        Instant melding = werkmoment(begin.plusDays(1 + r.nextInt(5)));
        plan(melding.isAfter(nu) ? melding : nu.plusSeconds(3_600 + r.nextInt(7_200)), () -> start(tr, begin));
    }

    private Traject vervoer(Jeugdige j) {
        Aanbieder a = kies(Tabellen.AANBIEDERS.stream().filter(x -> x.soorten().contains(Soort.VERVOER)).toList());
        Product p = kies(Tabellen.producten(Soort.VERVOER));
        return j.gebruikt.add(a.agb() + '|' + p.sleutel()) ? new Traject(j, Soort.VERVOER, a, p, false) : null;
    }

    /**
     * Time to the youth's next trajectory: usually weeks to months, soon after a crisis, inside the youth's span. Youths
     * with many trajectories move faster (many short interventions), so a year of history already holds a few of them.
     */
    private Duration tussenpoos(Jeugdige j, Soort vorige) {
        double gemiddeld = 56 * Math.min(1.0, 5.0 / j.doel);
        long dagen = vorige == Soort.CRISIS ? 7 + r.nextInt(15)
                : (j.doel >= 8 ? 7 : 14) + (long) Math.min(286, -Math.log(1 - r.nextDouble()) * gemiddeld);
        long resterend = ChronoUnit.DAYS.between(datum(nu), j.aankomst.plusDays(SPAN_DAGEN));
        long deel = Math.max(7, resterend / Math.max(1, j.doel - j.gestart));
        return Duration.ofDays(Math.min(dagen, deel)).plusSeconds(r.nextInt(86_400));
    }

    private void verwijder(Traject tr) {
        Toewijzing t = tr.toewijzing;
        // RedenWijziging 13 since release 3.0; some systems still void with 01 and Einddatum = Ingangsdatum.
        wijzig(t, r.nextDouble() < 0.8 ? "13" : "01", t.ingang);
        stuurToewijzingen(tr.j, tr.aanbieder, nr -> {
            waarheid.vervalt(tr.j.sleutel, tr.aanbieder.agb(), tr.product.sleutel());
            return List.of();
        });
        plan(nu.plus(Duration.ofDays(MIN_DAGEN_NA_VERWIJDERING + r.nextInt(33))), () -> nieuwTraject(tr.j));
    }

    private void corrigeerVolume(Traject tr, Toewijzing t) {
        // An 01 with Einddatum = Ingangsdatum would void the allocation instead of correcting it.
        if (t.vervallen() || t.budget != null || t.ingang.equals(t.einde)) {
            return;
        }
        t.volume = t.volume + 1 + r.nextInt(3);
        wijzig(t, "01", t.einde);
        stuurToewijzingen(tr.j, tr.aanbieder, nr -> List.of());
    }

    private void start(Traject tr, LocalDate begin) {
        tr.begin = begin;
        stuurLevering(tr, List.of(levering(tr, begin, null, null, "1")), true, true);
        if (r.nextDouble() < KANS_START_GECORRIGEERD) {
            plan(werkmoment(datum(nu).plusDays(2 + r.nextInt(7))), () -> corrigeerStart(tr));
        } else {
            planEinde(tr);
        }
    }

    /** A wrong Begindatum is retracted and sent again, in one message. */
    private void corrigeerStart(Traject tr) {
        LocalDate oud = tr.begin;
        LocalDate nieuw = oud.plusDays(r.nextBoolean() ? 1 + r.nextInt(3) : -1 - r.nextInt(3));
        if (nieuw.isBefore(tr.toewijzing.ingang) || nieuw.isAfter(datum(nu))) {
            nieuw = oud.equals(tr.toewijzing.ingang) ? oud.plusDays(1) : tr.toewijzing.ingang;
        }
        tr.begin = nieuw;
        stuurLevering(tr, List.of(levering(tr, oud, null, null, "3"), levering(tr, nieuw, null, null, "1")), true, false);
        planEinde(tr);
    }

    /** Decides how the care at this allocation ends and plans the messages that lead there. */
    private void planEinde(Traject tr) {
        Toewijzing t = tr.toewijzing;
        Soort s = tr.soort;
        LocalDate gepland = t.einde != null ? t.einde : tr.begin.plusDays(tussen(s.minDagen, s.maxDagen));
        if (!gepland.isAfter(tr.begin)) {
            gepland = tr.begin.plusDays(s.minDagen);
        }
        long looptijd = ChronoUnit.DAYS.between(tr.begin, gepland);
        if (!tr.tijdelijkGestopt && s != Soort.CRISIS && looptijd > 30 && r.nextDouble() < KANS_TIJDELIJK) {
            LocalDate stop = tr.begin.plusDays((long) (looptijd * (0.3 + 0.3 * r.nextDouble())));
            planStop(tr, "20", stop);
            return;
        }
        String reden = gewogenCode(s == Soort.CRISIS ? Tabellen.REDENEN_BEEINDIGING_CRISIS
                : Tabellen.REDENEN_BEEINDIGING);
        if (!reden.equals("31")) {
            LocalDate stop = tr.begin.plusDays(Math.max(3, (long) (looptijd * (0.2 + 0.6 * r.nextDouble()))));
            planStop(tr, reden, stop);
            return;
        }
        if (t.einde != null && r.nextDouble() < s.verlengKans) {
            plan(werkmoment(t.einde.minusDays(14 + r.nextInt(27))), () -> verleng(tr));
        } else {
            planStop(tr, "31", gepland);
        }
    }

    /** Extends the allocation (RedenWijziging 04) or, as some gemeenten do, grants a follow-up under a new number. */
    private void verleng(Traject tr) {
        Toewijzing t = tr.toewijzing;
        Soort s = tr.soort;
        if (t.vervallen()) {
            return;
        }
        long erbij = tussen(s.minDagen / 2, s.maxDagen);
        if (r.nextDouble() < KANS_NIEUW_NUMMER) {
            LocalDate ingang = t.einde.plusDays(1);
            Toewijzing vervolg = new Toewijzing(nieuwNummer(), t.aanbieder, t.product, s, ingang, ingang.plusDays(erbij),
                    t.volume, t.budget);
            stempel(vervolg);
            tr.j.toewijzingen.add(vervolg);
            stuurToewijzingen(tr.j, tr.aanbieder, nr -> List.of());
            LocalDate oudEinde = t.einde;
            plan(werkmoment(oudEinde.plusDays(1 + r.nextInt(7))), () -> {
                stuurLevering(tr, List.of(levering(tr, tr.begin, "31", later(oudEinde, tr.begin), "1")), false, false);
                tr.toewijzing = vervolg;
                tr.begin = ingang;
                stuurLevering(tr, List.of(levering(tr, ingang, null, null, "1")), true, false);
                planNaVerlenging(tr);
            });
        } else {
            wijzig(t, "04", t.einde.plusDays(erbij));
            stuurToewijzingen(tr.j, tr.aanbieder, nr -> List.of());
            planNaVerlenging(tr);
        }
    }

    private void planNaVerlenging(Traject tr) {
        Toewijzing t = tr.toewijzing;
        if (r.nextDouble() < tr.soort.verlengKans * 0.5) {
            plan(werkmoment(t.einde.minusDays(14 + r.nextInt(27))), () -> verleng(tr));
        } else if (r.nextDouble() < 0.8) {
            planStop(tr, "31", t.einde);
        } else {
            long looptijd = Math.max(1, ChronoUnit.DAYS.between(later(tr.begin, datum(nu)), t.einde));
            planStop(tr, gewogenCode(Tabellen.REDENEN_BEEINDIGING), later(tr.begin, datum(nu))
                    .plusDays((long) (looptijd * r.nextDouble())));
        }
    }

    private void planStop(Traject tr, String reden, LocalDate einde) {
        LocalDate stop = later(einde, tr.begin);
        plan(werkmoment(stop.plusDays(1 + r.nextInt(7))), () -> stop(tr, reden, stop));
    }

    private void stop(Traject tr, String reden, LocalDate einde) {
        boolean verzonden = reden.equals("20") || r.nextDouble() >= KANS_GEEN_STOP;
        if (verzonden) {
            stuurLevering(tr, List.of(levering(tr, tr.begin, reden, einde, "1")), false, true);
            if (r.nextDouble() < KANS_STOP_GECORRIGEERD) {
                Toewijzing t = tr.toewijzing;
                LocalDate begin = tr.begin;
                plan(werkmoment(datum(nu).plusDays(3 + r.nextInt(8))), () -> corrigeerStop(tr, t, begin, reden, einde));
            }
        }
        if (reden.equals("20")) {
            tr.tijdelijkGestopt = true;
            LocalDate herstart = einde.plusDays(14 + r.nextInt(32));
            Toewijzing t = tr.toewijzing;
            if (t.einde != null && !herstart.isBefore(t.einde.minusDays(14))) {
                // No room left in the allocation: the temporary stop becomes definitive, without a new start.
                planStop(tr, "31", later(t.einde, einde));
            } else {
                plan(werkmoment(herstart.plusDays(1 + r.nextInt(5))), () -> start(tr, herstart));
            }
            return;
        }
        Toewijzing t = tr.toewijzing;
        if ((t.einde == null || t.einde.isAfter(einde)) && r.nextDouble() < KANS_VERKORTING) {
            plan(werkmoment(datum(nu).plusDays(3 + r.nextInt(13))), () -> {
                if (!t.vervallen() && (t.einde == null || t.einde.isAfter(einde))) {
                    wijzig(t, "05", later(einde, t.ingang));
                    stuurToewijzingen(tr.j, tr.aanbieder, nr -> List.of());
                }
            });
        }
    }

    /** A stop sent with the wrong reason or date is retracted and sent again, in one message. */
    private void corrigeerStop(Traject tr, Toewijzing t, LocalDate begin, String reden, LocalDate einde) {
        String nieuweReden = reden.equals("20") ? "20" : gewogenCode(Tabellen.REDENEN_BEEINDIGING);
        LocalDate nieuwEinde = later(einde.minusDays(r.nextInt(5)), begin);
        stuurLevering(tr, List.of(new IjwTekst.Levering(t.nummer, tr.product, t.ingang, begin, reden, einde, "3"),
                new IjwTekst.Levering(t.nummer, tr.product, t.ingang, begin, nieuweReden, nieuwEinde, "1")), false, false);
    }

    // ---- messages

    /** Builds one message for the given BSN, gemeente, identification and Dagtekening (text, so it can be wrong). */
    @FunctionalInterface
    private interface Bouwer {
        byte[] bouw(String bsn, String gemeente, String identificatie, String dagtekening);
    }

    private void wijzig(Toewijzing t, String reden, LocalDate einde) {
        t.reden = reden;
        t.einde = einde;
        stempel(t);
        t.gewijzigd = true;
    }

    /** Toewijzingsdatum and -tijd of a new version: now, and always later than the version before. */
    private void stempel(Toewijzing t) {
        LocalDateTime moment = LocalDateTime.ofInstant(nu, ZONE).truncatedTo(ChronoUnit.SECONDS);
        t.versie = t.versie != null && !moment.isAfter(t.versie) ? t.versie.plusSeconds(1) : moment;
    }

    /**
     * A JW301 for the youth at this provider: as the standard prescribes (OP087), all allocations there valid today
     * or later plus those changed since the previous one, each in its latest version.
     */
    private void stuurToewijzingen(Jeugdige j, Aanbieder a, LongFunction<List<VerwachtSignaal>> gevolgen) {
        LocalDate vandaag = datum(nu);
        List<Toewijzing> mee = j.toewijzingen.stream().filter(t -> t.aanbieder == a
                && (t.gewijzigd || !t.vervallen() && (t.einde == null || !t.einde.isBefore(vandaag)))).toList();
        if (mee.isEmpty()) {
            return;
        }
        List<IjwTekst.ToegewezenProduct> producten = new ArrayList<>();
        for (Toewijzing t : mee) {
            t.gewijzigd = false;
            producten.add(new IjwTekst.ToegewezenProduct(t.nummer, t.product, t.versie.toLocalDate(),
                    t.versie.toLocalTime(), t.ingang, t.einde, t.reden, t.volume, t.soort.eenheid, t.soort.frequentie,
                    t.budget));
        }
        verstuur(Stroom.TOEWIJZINGEN, "TW", j, (bsn, gemeente, id, dag) -> IjwTekst.jw301(
                new IjwTekst.Kop(gemeente, a.agb(), id, dag, false), client(j, bsn), producten), true, gevolgen);
    }

    private IjwTekst.Levering levering(Traject tr, LocalDate begin, String reden, LocalDate einde, String status) {
        return new IjwTekst.Levering(tr.toewijzing.nummer, tr.product, tr.toewijzing.ingang, begin, reden, einde, status);
    }

    private void stuurLevering(Traject tr, List<IjwTekst.Levering> leveringen, boolean start, boolean magDubbel) {
        Aanbieder a = tr.aanbieder;
        verstuur(Stroom.START_STOP, start ? "ST" : "SP", tr.j, (bsn, gemeente, id, dag) -> {
            IjwTekst.Kop kop = new IjwTekst.Kop(a.agb(), gemeente, id, dag, a.schrijftMetPrefix());
            return start ? IjwTekst.jw305(kop, client(tr.j, bsn), leveringen)
                    : IjwTekst.jw307(kop, client(tr.j, bsn), leveringen);
        }, magDubbel, nr -> List.of());
    }

    private void stuurVerzoek(Traject tr) {
        Aanbieder a = tr.aanbieder;
        String type = gewogenCode(Tabellen.VERWIJZERS);
        String zorgverlener = type.equals("02") || type.equals("03") || type.equals("05")
                ? String.format("01%06d", r.nextInt(1_000_000)) : null;
        IjwTekst.Verzoek v = new IjwTekst.Verzoek(String.format("AV%08d", berichtNummer + 1), tr.product,
                datum(nu).plusDays(7 + r.nextInt(15)), tussen(tr.soort.minVolume, tr.soort.maxVolume),
                tr.soort.eenheid, tr.soort.frequentie, type, zorgverlener);
        verstuur(Stroom.VERZOEKEN, "VZ", tr.j, (bsn, gemeente, id, dag) -> IjwTekst.jw315(
                new IjwTekst.Kop(a.agb(), gemeente, id, dag, a.schrijftMetPrefix()), client(tr.j, bsn), v),
                false, nr -> List.of());
    }

    private IjwTekst.Client client(Jeugdige j, String bsn) {
        IjwTekst.Client c = j.client;
        return bsn.equals(c.bsn()) ? c : new IjwTekst.Client(bsn, c.geboortedatum(), c.geslacht(), c.voorvoegsel(),
                c.achternaam(), c.voorletters(), c.straat(), c.huisnummer(), c.postcode(), c.plaats());
    }

    /**
     * Sends a message: now and then an invalid copy first (a sender's mistake, corrected by the valid message that
     * follows, so the care path does not depend on it), now and then the same message twice (a duplicate delivery).
     */
    private void verstuur(Stroom stroom, String soortPrefix, Jeugdige j, Bouwer bouwer, boolean magDubbel,
                          LongFunction<List<VerwachtSignaal>> gevolgen) {
        String dag = datum(nu).toString();
        String gemeente = j.gemeente.code();
        if (r.nextDouble() < AANDEEL_ONGELDIG) {
            String fout = FOUTEN.get(r.nextInt(FOUTEN.size()));
            String id = identificatie(soortPrefix);
            byte[] ongeldig = switch (fout) {
                case "BSN_ONGELDIG" -> bouwer.bouw(bsns.ongeldig(j.nummer), gemeente, id, dag);
                case "GEMEENTE_ONBEKEND" -> bouwer.bouw(j.bsn, Tabellen.GEMEENTE_BUITEN_REGIO, id, dag);
                case "DATUM_ONGELDIG" -> bouwer.bouw(j.bsn, gemeente, id, onmogelijkeDatum());
                default -> afgebroken(bouwer.bouw(j.bsn, gemeente, id, dag));
            };
            klaar.add(new FeedBericht(++volgnummer, nu, stroom, j.sleutel, ongeldig, fout, List.of()));
        }
        byte[] waarde = bouwer.bouw(j.bsn, gemeente, identificatie(soortPrefix), dag);
        long nr = ++volgnummer;
        klaar.add(new FeedBericht(nr, nu, stroom, j.sleutel, waarde, null, gevolgen.apply(nr)));
        if (magDubbel && r.nextDouble() < KANS_DUBBEL) {
            klaar.add(new FeedBericht(++volgnummer, nu, stroom, j.sleutel, waarde, null, List.of()));
        }
    }

    /**
     * Cut off somewhere in the middle, as an interrupted upload leaves it: never well-formed. The cut falls between
     * characters, so the record stays readable UTF-8 text and the file mode keeps it exactly.
     */
    private byte[] afgebroken(byte[] xml) {
        int lengte = xml.length * (40 + r.nextInt(50)) / 100;
        while ((xml[lengte] & 0xC0) == 0x80) {
            lengte--;
        }
        byte[] deel = new byte[lengte];
        System.arraycopy(xml, 0, deel, 0, lengte);
        return deel;
    }

    /** A date that does not exist, in the format of a real one. */
    private String onmogelijkeDatum() {
        int jaar = datum(nu).getYear();
        return r.nextBoolean() ? jaar + "-02-30" : jaar + "-" + kies(List.of("04", "06", "09", "11")) + "-31";
    }

    private String identificatie(String soortPrefix) {
        return String.format("%s%08d", soortPrefix, ++berichtNummer);
    }

    /**
     * One sequence for the whole region: unique per gemeente however long the history (a year-and-counter number would
     * repeat after a million allocations and exceed LDT_Nummer's 999,999,999). A run ends when its BSNs run out, at
     * most some dozens of allocations per youth: far below that maximum.
     */
    private String nieuwNummer() {
        return Long.toString(++toewijzingNummer);
    }

    // ---- time and chance

    public static LocalDate datum(Instant moment) {
        return LocalDate.ofInstant(moment, ZONE);
    }

    /** A moment during office hours on the first working day from {@code dag}; never before now. */
    private Instant werkmoment(LocalDate dag) {
        LocalDate d = dag;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        Instant moment = d.atTime(LocalTime.of(8, 0).plusSeconds(r.nextInt(9 * 3_600 + 1_800))).atZone(ZONE).toInstant();
        return moment.isAfter(nu) ? moment : nu.plusSeconds(60 + r.nextInt(3_600));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private int tussen(int min, int max) {
        return min + r.nextInt(max - min + 1);
    }

    private <T> T kies(List<T> lijst) {
        return lijst.get(r.nextInt(lijst.size()));
    }

    private char letter() {
        return (char) ('A' + r.nextInt(26));
    }

    private String voorletters() {
        StringBuilder s = new StringBuilder();
        int aantal = 1 + (r.nextInt(10) < 4 ? 1 : 0) + (r.nextInt(10) < 1 ? 1 : 0);
        for (int i = 0; i < aantal; i++) {
            s.append(Tabellen.INITIALEN.charAt(r.nextInt(Tabellen.INITIALEN.length())));
        }
        return s.toString();
    }

    private Gemeente gewogenGemeente() {
        int totaal = Tabellen.GEMEENTEN.stream().mapToInt(Gemeente::gewicht).sum();
        int x = r.nextInt(totaal);
        for (Gemeente g : Tabellen.GEMEENTEN) {
            x -= g.gewicht();
            if (x < 0) {
                return g;
            }
        }
        throw new IllegalStateException();
    }

    private String gewogenCode(List<Gewogen> lijst) {
        int totaal = lijst.stream().mapToInt(Gewogen::gewicht).sum();
        int x = r.nextInt(totaal);
        for (Gewogen g : lijst) {
            x -= g.gewicht();
            if (x < 0) {
                return g.code();
            }
        }
        throw new IllegalStateException();
    }

    private <T> T gewogen(T[] waarden, int[] gewichten) {
        int totaal = 0;
        for (int g : gewichten) {
            totaal += g;
        }
        int x = r.nextInt(totaal);
        for (int i = 0; i < waarden.length; i++) {
            x -= gewichten[i];
            if (x < 0) {
                return waarden[i];
            }
        }
        throw new IllegalStateException();
    }

    private int gewogenIndex(int[] gewichten) {
        int totaal = 0;
        for (int g : gewichten) {
            totaal += g;
        }
        int x = r.nextInt(totaal);
        for (int i = 0; i < gewichten.length; i++) {
            x -= gewichten[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
