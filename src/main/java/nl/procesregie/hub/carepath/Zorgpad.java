package nl.procesregie.hub.carepath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A youth's care path: the set of trajectories derived from what the hub holds, independent of the order in which
 * messages arrived (CONTRACTS.md, "Counting trajectories" rules 2–5 and 8).
 */
public final class Zorgpad {

    private final Map<TrajectSleutel, Traject> trajecten;

    private Zorgpad(Map<TrajectSleutel, Traject> trajecten) {
        this.trajecten = trajecten;
    }

    public static Zorgpad bereken(Collection<ToewijzingStand> toewijzingen, Collection<LeveringStand> leveringen,
                                  Uitsluiting uitsluiting) {
        // Sorted, so that which allocation is "latest" (its gemeente and product name the trajectory) never depends
        // on the order the database returned rows in.
        List<ToewijzingStand> gesorteerd = new ArrayList<>(toewijzingen);
        gesorteerd.sort(Comparator.comparing(ToewijzingStand::toewijzingsmoment)
                .thenComparing(ToewijzingStand::gemeente).thenComparing(ToewijzingStand::toewijzingNummer));
        List<LeveringStand> leveringenGesorteerd = new ArrayList<>(leveringen);
        leveringenGesorteerd.sort(Comparator.comparing(LeveringStand::begindatum)
                .thenComparing(LeveringStand::soort).thenComparing(LeveringStand::aanbieder)
                .thenComparing(LeveringStand::toewijzingNummer).thenComparing(LeveringStand::product));

        Map<String, ToewijzingStand> perNummer = new HashMap<>();
        for (ToewijzingStand t : gesorteerd) {
            perNummer.put(koppelSleutel(t.gemeente(), t.aanbieder(), t.toewijzingNummer()), t);
        }
        Map<TrajectSleutel, Opbouw> opbouw = new TreeMap<>();
        for (ToewijzingStand t : gesorteerd) {
            opbouw.computeIfAbsent(t.traject(), Opbouw::new).voegToe(t);
        }
        for (LeveringStand l : leveringenGesorteerd) {
            ToewijzingStand gekoppeld = l.toewijzingNummer().isEmpty() ? null
                    : perNummer.get(koppelSleutel(l.gemeente(), l.aanbieder(), l.toewijzingNummer()));
            TrajectSleutel eigen = new TrajectSleutel(l.aanbieder(), l.product());
            TrajectSleutel sleutel = gekoppeld != null ? gekoppeld.traject() : eigen;
            opbouw.computeIfAbsent(sleutel, Opbouw::new).voegToe(l, gekoppeld, eigen);
        }
        Map<TrajectSleutel, Traject> trajecten = new TreeMap<>();
        opbouw.forEach((k, o) -> trajecten.put(k, o.traject(uitsluiting)));
        return new Zorgpad(trajecten);
    }

    private static String koppelSleutel(String gemeente, String aanbieder, String nummer) {
        return gemeente + '\u0000' + aanbieder + '\u0000' + nummer;
    }

    public Collection<Traject> trajecten() {
        return trajecten.values();
    }

    public Traject traject(TrajectSleutel sleutel) {
        return trajecten.get(sleutel);
    }

    public List<Traject> tellend() {
        return trajecten.values().stream().filter(Traject::telt).toList();
    }

    public int aantalTellend() {
        return (int) trajecten.values().stream().filter(Traject::telt).count();
    }

    /** Chronological, as a regisseur reads a care path. */
    public List<Traject> chronologisch() {
        List<Traject> lijst = new ArrayList<>(trajecten.values());
        lijst.sort(Comparator.comparing(Traject::eersteDatum, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Traject::sleutel));
        return lijst;
    }

    /** Decides whether a product never counts, per gemeente (regio configuration with gemeente overrides). */
    @FunctionalInterface
    public interface Uitsluiting {
        boolean isUitgesloten(String gemeente, String categorie, String code);

        Uitsluiting GEEN = (g, c, p) -> false;
    }

    private static final class Opbouw {
        final TrajectSleutel sleutel;
        String gemeente;
        String categorie;
        String code;
        boolean heeftToewijzing;
        /** In number order, so the last is the highest (the newest grant), as the care path and the signals read it. */
        final TreeSet<String> nummers = new TreeSet<>(ToewijzingStand.NUMMERVOLGORDE);
        final java.util.Set<TrajectSleutel> herkomst = new java.util.TreeSet<>();
        boolean telt;
        LocalDate toewijzingVan;
        LocalDate toewijzingTot;
        boolean toewijzingOpen;
        LocalDate zorgVan;
        LocalDate laatsteStart;
        LocalDate laatsteStop;
        LocalDate laatsteStopBegin;
        String redenBeeindiging;

        Opbouw(TrajectSleutel sleutel) {
            this.sleutel = sleutel;
        }

        /** Called in order of toewijzingsmoment: the latest valid allocation names gemeente and product. */
        void voegToe(ToewijzingStand t) {
            nummers.add(t.toewijzingNummer());
            if (gemeente == null) {
                benoem(t.gemeente(), t.categorie(), t.code());
            }
            if (t.isVervallen()) {
                return;
            }
            telt = true;
            heeftToewijzing = true;
            benoem(t.gemeente(), t.categorie(), t.code());
            toewijzingVan = min(toewijzingVan, t.ingangsdatum());
            if (t.einddatum() == null) {
                toewijzingOpen = true;
            } else {
                toewijzingTot = max(toewijzingTot, t.einddatum());
            }
        }

        void voegToe(LeveringStand l, ToewijzingStand gekoppeld, TrajectSleutel eigen) {
            if (gemeente == null) {
                benoem(l.gemeente(), l.categorie(), l.code());
            }
            if (l.ingetrokken() || (gekoppeld != null && gekoppeld.isVervallen())) {
                return;
            }
            telt = true;
            if (!eigen.equals(sleutel)) {
                herkomst.add(eigen);
            }
            if (!heeftToewijzing) {
                benoem(l.gemeente(), l.categorie(), l.code());
            }
            zorgVan = min(zorgVan, l.begindatum());
            if (l.soort() == LeveringStand.Soort.START) {
                laatsteStart = max(laatsteStart, l.begindatum());
            } else if (laatsteStop == null || !l.einddatum().isBefore(laatsteStop)) {
                laatsteStop = l.einddatum();
                laatsteStopBegin = l.begindatum();
                redenBeeindiging = l.redenBeeindiging();
            }
        }

        private void benoem(String gemeente, String categorie, String code) {
            this.gemeente = gemeente;
            this.categorie = categorie;
            this.code = code;
        }

        Traject traject(Uitsluiting uitsluiting) {
            boolean uitgesloten = uitsluiting.isUitgesloten(gemeente, categorie, code);
            // Care has ended when the latest stop belongs to the latest start (a restart after a stop runs again).
            boolean zorgGestopt = laatsteStop != null && (laatsteStart == null || !laatsteStart.isAfter(laatsteStopBegin));
            LocalDate zorgTot = zorgGestopt ? laatsteStop : null;
            LocalDate toewijzingEinde = toewijzingOpen ? null : toewijzingTot;
            LocalDate eerste = min(toewijzingVan, zorgVan);
            return new Traject(sleutel, gemeente, categorie, code, List.copyOf(nummers), toewijzingVan, toewijzingEinde,
                    zorgVan, zorgTot, zorgGestopt ? redenBeeindiging : null, telt && !uitgesloten, uitgesloten,
                    eerste, laatsteDatum(zorgGestopt, toewijzingEinde), herkomst, telt);
        }

        /**
         * The end of the trajectory (null while it runs): a definitive stop ends it; care without a stop ends with its
         * allocation, since providers often send no JW307; an open allocation keeps it running.
         */
        private LocalDate laatsteDatum(boolean zorgGestopt, LocalDate toewijzingEinde) {
            if (zorgGestopt) {
                return laatsteStop;
            }
            if (heeftToewijzing) {
                return toewijzingEinde;
            }
            return null;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isAfter(b) ? a : b;
        }
    }
}
