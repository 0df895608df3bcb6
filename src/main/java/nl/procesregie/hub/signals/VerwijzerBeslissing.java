package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ingest.Storing;
import nl.procesregie.hub.opslag.Foutspoor;
import nl.procesregie.hub.opslag.Transactie;

/**
 * The referrer rule (CONTRACTS.md rule 9): in a gemeente that performs regie only for some referrers, a signal waits
 * for the JW315 that names the referrer, then is sent or only recorded. Decided once; a later JW315 never re-decides.
 * <p>
 * Each signal is decided in a transaction of its own under its youth's lock, the lock the unit of work takes: an
 * intake for that youth runs entirely before or entirely after the decision, and of two hub instances the second finds
 * the signal decided. A signal whose decision keeps failing is put off with back-off and, after the bounded number of
 * attempts, recorded as not sent with the reason, so that it never holds up the others.
 */
public final class VerwijzerBeslissing {

    private static final Logger LOG = LoggerFactory.getLogger(VerwijzerBeslissing.class);
    /** Referrer type 01 (gemeente) when no JW315 was seen: the allocation came through the lokale toegang. */
    static final String STANDAARD_VERWIJZER = "01";
    private static final Duration EERSTE_WACHTTIJD = Duration.ofSeconds(1);
    private static final Duration MAX_WACHTTIJD = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final ZorgpadOpslag zorgpaden;
    private final SignaalOpslag signalen;
    private final SignaalUitgifte uitgifte;
    private final RegioConfiguratie regio;
    private final Regieplanning planning;
    private final int maxPogingen;
    private final Clock klok;

    public VerwijzerBeslissing(DataSource dataSource, ZorgpadOpslag zorgpaden, SignaalOpslag signalen,
                               SignaalUitgifte uitgifte, RegioConfiguratie regio, Regieplanning planning,
                               int maxPogingen, Clock klok) {
        this.dataSource = dataSource;
        this.zorgpaden = zorgpaden;
        this.signalen = signalen;
        this.uitgifte = uitgifte;
        this.regio = regio;
        this.planning = planning;
        this.maxPogingen = maxPogingen;
        this.klok = klok;
    }

    /**
     * Decides the signals whose wait is over. An outage ends the round (the next round tries again and counts no
     * attempt); any other failure counts against that signal only.
     *
     * @return how many signals this instance decided
     */
    public int beslisWachtende() throws SQLException {
        List<SignaalOpslag.Wachtend> wachtend;
        try (Connection c = dataSource.getConnection()) {
            wachtend = signalen.teBeslissen(c, klok.instant(), 100);
        }
        int beslist = 0;
        for (SignaalOpslag.Wachtend w : wachtend) {
            try {
                if (Transactie.in(dataSource, c -> beslis(c, w))) {
                    beslist++;
                }
            } catch (SQLException | RuntimeException e) {
                if (Storing.isStoring(e) || !databaseBereikbaar()) {
                    throw e;
                }
                if (Transactie.in(dataSource, c -> legMislukkingVast(c, w, e))) {
                    beslist++;
                }
            }
        }
        return beslist;
    }

    private boolean beslis(Connection c, SignaalOpslag.Wachtend w) throws SQLException {
        Instant nu = klok.instant();
        JeugdigeStand jeugdige = zorgpaden.vergrendel(c, List.of(w.jeugdige()), nu).get(w.jeugdige());
        Optional<SignaalOpslag.Onbeslist> onbeslist = signalen.vergrendelOnbeslist(c, w.signaalId(), nu);
        if (onbeslist.isEmpty()) {
            return false;
        }
        SignaalRij s = onbeslist.get().signaal();
        GemeenteInstellingen gemeente = regio.gemeente(s.gemeente()).orElseThrow(
                () -> new IllegalStateException("gemeente " + s.gemeente() + " is niet meer geconfigureerd"));
        Regieplanning.Beeld beeld = planning.beeld(c, jeugdige);
        Zorgpad zorgpad = beeld.zorgpad();
        List<ToewijzingStand> toewijzingen = beeld.toewijzingen();
        boolean verzonden;
        String reden;
        if (!aanleidingTelt(s, zorgpad)) {
            // The intake already lowered the mark when the cause stopped counting; a mail now would announce a
            // trajectory the youth no longer has.
            verzonden = false;
            reden = "de aanleiding telt niet meer mee";
        } else {
            String verwijzer = zorgpaden.verwijzerType(c, s.jeugdige(), s.aanbieder(), s.product())
                    .orElse(STANDAARD_VERWIJZER);
            verzonden = gemeente.verwijzers().map(v -> v.contains(verwijzer)).orElse(true);
            reden = "verwijzer " + verwijzer + (verzonden ? " hoort" : " hoort niet")
                    + " bij de verwijzers van de gemeente";
        }
        signalen.legBeslissingVast(c, s.signaalId(), verzonden, reden);
        uitgifte.geefUit(c, s.beslist(verzonden), gemeente, zorgpad, toewijzingen, jeugdige);
        if (verzonden) {
            planning.nieuweAanleiding(c, s.jeugdige(), jeugdige.geboortedatum(), gemeente, "een nieuw traject", nu);
        }
        LOG.info("Signaal {} ({}) in gemeente {}: {}, {}", s.referentie(), s.soort(), s.gemeente(), reden,
                verzonden ? "verzonden" : "alleen vastgelegd");
        return true;
    }

    /** Whether the trajectory that raised the signal still counts, also when it has since joined another one. */
    private static boolean aanleidingTelt(SignaalRij s, Zorgpad zorgpad) {
        if (s.aanbieder() == null || s.product() == null) {
            return true;
        }
        TrajectSleutel aanleiding = new TrajectSleutel(s.aanbieder(), s.product());
        return zorgpad.tellend().stream().anyMatch(t -> t.omvat(aanleiding));
    }

    /** @return true when this was the last attempt and the signal is now decided as not sent */
    private boolean legMislukkingVast(Connection c, SignaalOpslag.Wachtend w, Exception fout) throws SQLException {
        Instant nu = klok.instant();
        zorgpaden.vergrendel(c, List.of(w.jeugdige()), nu);
        Optional<SignaalOpslag.Onbeslist> onbeslist = signalen.vergrendelOnbeslist(c, w.signaalId(), nu);
        if (onbeslist.isEmpty()) {
            return false;
        }
        SignaalRij s = onbeslist.get().signaal();
        int pogingen = onbeslist.get().pogingen() + 1;
        String reden = "beslissing " + pogingen + " keer mislukt: " + Foutspoor.van(fout);
        if (pogingen < maxPogingen) {
            Duration wacht = wachttijd(pogingen);
            signalen.legMislukkingVast(c, s.signaalId(), pogingen, nu.plus(wacht), reden);
            LOG.warn("Signaal {} ({}) in gemeente {}: beslissing mislukt (poging {} van {}), opnieuw over {}: {}",
                    s.referentie(), s.soort(), s.gemeente(), pogingen, maxPogingen, wacht, Foutspoor.van(fout));
            return false;
        }
        signalen.legMislukkingVast(c, s.signaalId(), pogingen, s.beslisOp(), reden);
        signalen.legBeslissingVast(c, s.signaalId(), false, reden);
        uitgifte.geefEventUit(c, s.beslist(false));
        LOG.error("Signaal {} ({}) in gemeente {}: na {} mislukte pogingen alleen vastgelegd, niet verzonden: {}",
                s.referentie(), s.soort(), s.gemeente(), pogingen, Foutspoor.van(fout));
        return true;
    }

    private static Duration wachttijd(int pogingen) {
        Duration wacht = EERSTE_WACHTTIJD.multipliedBy(1L << Math.min(Math.max(pogingen - 1, 0), 20));
        return wacht.compareTo(MAX_WACHTTIJD) > 0 ? MAX_WACHTTIJD : wacht;
    }

    private boolean databaseBereikbaar() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
