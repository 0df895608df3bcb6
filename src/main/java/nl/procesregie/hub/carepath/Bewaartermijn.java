package nl.procesregie.hub.carepath;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (AVG; CONTRACTS.md "Delivery"): everything the hub keeps about a youth goes once no message about the youth
 * has come for the configured period, and never before the youth's 23rd birthday; counting then starts afresh. The
 * period runs from the latest Dagtekening (never later than the day it was read), so history replayed today is as old
 * as it says; but a youth the hub read about in the last week is kept while a replay or backlog may be under way. A
 * youth whose birth date the hub never learned (only a melding without one) goes by the period alone.
 *
 * <p>Deleting the youth cascades (the schema's foreign keys) to allocations, starts and stops, trajectories, signals
 * and their outbox rows and acknowledgements, crises, handovers, deadlines and the records of processed messages, so
 * the same message sent again is read as new. A Quartz trigger of a deleted deadline finds no row and does nothing.
 * Youths locked by a message in progress are skipped until the next round.
 */
public final class Bewaartermijn {

    private static final Logger LOG = LoggerFactory.getLogger(Bewaartermijn.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** Youths per transaction: short transactions, so message processing is never held up for long. */
    static final int PORTIE = 500;
    static final Duration ONLANGS_GELEZEN = Duration.ofDays(7);

    private final DataSource dataSource;
    private final Period termijn;
    private final int leeftijd;
    private final Clock klok;

    /**
     * @param termijn  how long after the latest message a youth's data is kept
     * @param leeftijd the age before which nothing is deleted
     */
    public Bewaartermijn(DataSource dataSource, Period termijn, int leeftijd, Clock klok) {
        this.dataSource = dataSource;
        this.termijn = termijn;
        this.leeftijd = leeftijd;
        this.klok = klok;
    }

    /** @return how many youths were deleted */
    public int ruimOp() throws SQLException {
        LocalDate vandaag = LocalDate.now(klok.withZone(ZONE));
        LocalDate stilSinds = vandaag.minus(termijn);
        LocalDate geborenUiterlijk = vandaag.minusYears(leeftijd);
        int totaal = 0;
        int portie;
        do {
            portie = verwijder(stilSinds, geborenUiterlijk);
            totaal += portie;
        } while (portie == PORTIE);
        if (totaal > 0) {
            LOG.info("Bewaartermijn: gegevens van {} jeugdigen verwijderd (geen bericht na {}, {} jaar of ouder)",
                    totaal, stilSinds, leeftijd);
        }
        return totaal;
    }

    /** One statement, so one transaction of its own: no youth is half deleted. */
    private int verwijder(LocalDate stilSinds, LocalDate geborenUiterlijk) throws SQLException {
        // A Dagtekening in the future (a sender's typo) counts as the day it was read; a youth read about in the last
        // week is kept, as a replay or backlog under way may still hold the youth's newer messages.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from jeugdige where pseudoniem in ("
                     + "select pseudoniem from jeugdige "
                     + "where coalesce(least(gegevens_dagtekening, laatste_bericht_op::date), aangemaakt_op::date) < ? "
                     + "and coalesce(laatste_bericht_op, aangemaakt_op) < ? "
                     + "and (geboortedatum is null or geboortedatum <= ?) "
                     + "limit ? for update skip locked)")) {
            ps.setDate(1, Date.valueOf(stilSinds));
            ps.setTimestamp(2, Timestamp.from(klok.instant().minus(ONLANGS_GELEZEN)));
            ps.setDate(3, Date.valueOf(geborenUiterlijk));
            ps.setInt(4, PORTIE);
            return ps.executeUpdate();
        }
    }
}
