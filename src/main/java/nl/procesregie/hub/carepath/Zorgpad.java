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
        Map<String, ToewijzingStand> perNummer = new HashMap<>();
        for (ToewijzingStand t : toewijzingen) {
            perNummer.put(koppelSleutel(t.gemeente(), t.aanbieder(), t.toewijzingNummer()), t);
        }
        Map<TrajectSleutel, Opbouw> opbouw = new TreeMap<>();
        for (ToewijzingStand t : toewijzingen) {
            Opbouw o = opbouw.computeIfAbsent(t.traject(), k -> new Opbouw(k, t.gemeente(), t.categorie(), t.code()));
            o.voegToe(t);
        }
        for (LeveringStand l : leveringen) {
            ToewijzingStand gekoppeld = perNummer.get(koppelSleutel(l.gemeente(), l.aanbieder(), l.toewijzingNummer()));
            TrajectSleutel sleutel = gekoppeld != null ? gekoppeld.traject() : new TrajectSleutel(l.aanbieder(), l.product());
            Opbouw o = opbouw.computeIfAbsent(sleutel, k -> new Opbouw(k, l.gemeente(), l.categorie(), l.code()));
            o.voegToe(l, gekoppeld);
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
        final String gemeente;
        String categorie;
        String code;
        final TreeSet<String> nummers = new TreeSet<>();
        boolean telt;
        LocalDate toewijzingVan;
        LocalDate toewijzingTot;
        boolean toewijzingOpen;
        LocalDate zorgVan;
        LocalDate laatsteStart;
        LocalDate laatsteStop;
        LocalDate laatsteStopBegin;
        String redenBeeindiging;

        Opbouw(TrajectSleutel sleutel, String gemeente, String categorie, String code) {
            this.sleutel = sleutel;
            this.gemeente = gemeente;
            this.categorie = categorie;
            this.code = code;
        }

        void voegToe(ToewijzingStand t) {
            nummers.add(t.toewijzingNummer());
            if (t.isVervallen()) {
                return;
            }
            telt = true;
            if (categorie == null) {
                categorie = t.categorie();
            }
            if (code == null) {
                code = t.code();
            }
            toewijzingVan = min(toewijzingVan, t.ingangsdatum());
            if (t.einddatum() == null) {
                toewijzingOpen = true;
            } else {
                toewijzingTot = max(toewijzingTot, t.einddatum());
            }
        }

        void voegToe(LeveringStand l, ToewijzingStand gekoppeld) {
            if (l.ingetrokken() || (gekoppeld != null && gekoppeld.isVervallen())) {
                return;
            }
            telt = true;
            if (categorie == null) {
                categorie = l.categorie();
            }
            if (code == null) {
                code = l.code();
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

        Traject traject(Uitsluiting uitsluiting) {
            boolean uitgesloten = uitsluiting.isUitgesloten(gemeente, categorie, code);
            // Care has ended when the latest stop belongs to the latest start (a restart after a stop runs again).
            boolean zorgGestopt = laatsteStop != null && (laatsteStart == null || !laatsteStart.isAfter(laatsteStopBegin));
            LocalDate zorgTot = zorgGestopt ? laatsteStop : null;
            LocalDate toewijzingEinde = toewijzingOpen ? null : toewijzingTot;
            // Reported care decides when a trajectory ended; without it, the allocation does.
            LocalDate laatste = zorgVan != null ? zorgTot : toewijzingEinde;
            LocalDate eerste = min(toewijzingVan, zorgVan);
            return new Traject(sleutel, gemeente, categorie, code, List.copyOf(nummers), toewijzingVan, toewijzingEinde,
                    zorgVan, zorgTot, zorgGestopt ? redenBeeindiging : null, telt && !uitgesloten, uitgesloten,
                    eerste, laatste);
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
