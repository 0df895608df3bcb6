package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.opslag.Transactie;

/**
 * The referrer rule (CONTRACTS.md rule 9): in a gemeente that performs regie only for some referrers, a signal waits
 * for the JW315 that names the referrer, then is sent or only recorded. Decided once; a later JW315 never re-decides.
 */
public final class VerwijzerBeslissing {

    private static final Logger LOG = LoggerFactory.getLogger(VerwijzerBeslissing.class);
    /** Referrer type 01 (gemeente) when no JW315 was seen: the allocation came through the lokale toegang. */
    static final String STANDAARD_VERWIJZER = "01";

    private final DataSource dataSource;
    private final ZorgpadOpslag zorgpaden;
    private final SignaalOpslag signalen;
    private final SignaalUitgifte uitgifte;
    private final RegioConfiguratie regio;
    private final Clock klok;

    public VerwijzerBeslissing(DataSource dataSource, ZorgpadOpslag zorgpaden, SignaalOpslag signalen,
                               SignaalUitgifte uitgifte, RegioConfiguratie regio, Clock klok) {
        this.dataSource = dataSource;
        this.zorgpaden = zorgpaden;
        this.signalen = signalen;
        this.uitgifte = uitgifte;
        this.regio = regio;
        this.klok = klok;
    }

    /** @return how many signals were decided */
    public int beslisWachtende() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<SignaalRij> wachtend = signalen.teBeslissen(c, klok.instant(), 100);
                for (SignaalRij s : wachtend) {
                    beslis(c, s);
                }
                c.commit();
                return wachtend.size();
            } catch (SQLException | RuntimeException e) {
                Transactie.rollback(c, e);
                throw e;
            }
        }
    }

    private void beslis(Connection c, SignaalRij s) throws SQLException {
        GemeenteInstellingen gemeente = regio.gemeente(s.gemeente()).orElseThrow(
                () -> new IllegalStateException("gemeente " + s.gemeente() + " is niet meer geconfigureerd"));
        String verwijzer = zorgpaden.verwijzerType(c, s.jeugdige(), s.aanbieder(), s.product()).orElse(STANDAARD_VERWIJZER);
        boolean verzonden = gemeente.verwijzers().map(v -> v.contains(verwijzer)).orElse(true);
        signalen.zetVerzonden(c, s.signaalId(), verzonden);
        LOG.info("Signaal {} ({}) in gemeente {}: verwijzer {}, {}", s.referentie(), s.soort(), s.gemeente(), verwijzer,
                verzonden ? "verzonden" : "alleen vastgelegd");
        List<ToewijzingStand> toewijzingen = zorgpaden.toewijzingen(c, s.jeugdige());
        Zorgpad zorgpad = Zorgpad.bereken(toewijzingen, zorgpaden.leveringen(c, s.jeugdige()),
                (g, categorie, code) -> regio.gemeente(g).map(i -> i.isUitgesloten(categorie, code)).orElse(false));
        uitgifte.geefUit(c, s.beslist(verzonden), gemeente, zorgpad, toewijzingen,
                zorgpaden.jeugdige(c, s.jeugdige()).orElseThrow());
        if (verzonden && s.soort() == SignaalSoort.VIERDE_TRAJECT) {
            zorgpaden.markeerOnderRegie(c, s.jeugdige(), klok.instant());
        }
    }
}
