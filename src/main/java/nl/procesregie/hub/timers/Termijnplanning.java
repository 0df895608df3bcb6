package nl.procesregie.hub.timers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.opslag.Transactie;

/**
 * Keeps Quartz in line with the deadline rows. The business transaction writes a deadline with {@code gepland = false};
 * this moves it into Quartz afterwards (create, move or remove the trigger under the deadline's key) and only then
 * marks it planned, so a crash in between plans it again, which is harmless. At start-up every open deadline is
 * checked against its trigger, for triggers lost with a database restored from a backup or removed by hand.
 */
public final class Termijnplanning {

    private static final Logger LOG = LoggerFactory.getLogger(Termijnplanning.class);

    private final DataSource dataSource;
    private final TermijnOpslag termijnen;
    private final Tijdplanner tijdplanner;

    public Termijnplanning(DataSource dataSource, TermijnOpslag termijnen, Tijdplanner tijdplanner) {
        this.dataSource = dataSource;
        this.termijnen = termijnen;
        this.tijdplanner = tijdplanner;
    }

    /**
     * Brings the triggers of changed deadlines in line; the rows stay locked meanwhile, so two instances never plan
     * one deadline at once.
     *
     * @return how many deadlines were planned
     */
    public int synchroniseer() throws SQLException, SchedulerException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<TermijnOpslag.Stand> lijst = termijnen.teSynchroniseren(c, 200);
                for (TermijnOpslag.Stand s : lijst) {
                    if (s.status() == TermijnOpslag.Status.OPEN) {
                        tijdplanner.plan(s.termijn().sleutel(), s.termijn().vervaltOp());
                    } else {
                        tijdplanner.annuleer(s.termijn().sleutel());
                    }
                    termijnen.gepland(c, s.termijn().sleutel());
                }
                c.commit();
                return lijst.size();
            } catch (SQLException | SchedulerException | RuntimeException e) {
                Transactie.rollback(c, e);
                throw e;
            }
        }
    }

    /** Creates the trigger of every open deadline that has none. */
    public int verzoen() throws SQLException, SchedulerException {
        List<TermijnOpslag.Stand> open;
        try (Connection c = dataSource.getConnection()) {
            open = termijnen.open(c);
        }
        int hersteld = 0;
        for (TermijnOpslag.Stand s : open) {
            if (!tijdplanner.heeftTrigger(s.termijn().sleutel())) {
                tijdplanner.plan(s.termijn().sleutel(), s.termijn().vervaltOp());
                hersteld++;
            }
        }
        if (hersteld > 0) {
            LOG.warn("{} open termijnen hadden geen trigger in de tijdplanner; opnieuw gepland", hersteld);
        }
        LOG.info("Tijdplanner verzoend met {} open termijnen (eerstvolgende: {})", open.size(),
                open.isEmpty() ? "-" : open.get(0).termijn().vervaltOp());
        return hersteld;
    }

    /** How late an open deadline may be before the catch-up round takes it from Quartz. */
    public static Duration inhaalmarge(Duration incheckInterval) {
        // Quartz needs a check-in interval or two to take over the triggers of a crashed instance.
        Duration marge = incheckInterval.multipliedBy(3);
        return marge.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : marge;
    }

}
