package nl.procesregie.hub.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox. Rows are written in the business transaction ({@link #plaatsMail}, {@link #plaatsEvent});
 * the sender claims due rows with a token and a lease, renews the lease of each row right before sending it and
 * records the outcome only while its token still holds. So several hub instances never send one row at once, a row
 * is never sent after its lease ran out, and a row whose sender died is picked up again after the lease.
 */
public final class Uitgaand {

    private static final Logger LOG = LoggerFactory.getLogger(Uitgaand.class);
    /**
     * The default of how long a claim, and then each attempt, holds a row. One send with the mail sender's time-outs
     * (SMTP_TIMEOUT for each step) normally ends well within it; a send that overruns it and is taken over by another
     * sender is a re-send with the same Message-ID, counted as such, never an overwritten outcome.
     */
    public static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_WEIGERINGEN = 5;
    private static final String ONDERBROKEN = "vorige poging zonder vastgelegde uitkomst, mogelijk afgeleverd";
    private static final Duration EERSTE_WACHTTIJD = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Clock klok;
    private final Duration maxWachttijd;
    private final String mailDomein;
    private final Duration lease;

    public Uitgaand(DataSource dataSource, Clock klok, Duration maxWachttijd, String mailDomein) {
        this(dataSource, klok, maxWachttijd, mailDomein, LEASE);
    }

    /** @param lease how long a claim and each attempt hold a row; an attempt left without outcome waits this long */
    public Uitgaand(DataSource dataSource, Clock klok, Duration maxWachttijd, String mailDomein, Duration lease) {
        this.dataSource = dataSource;
        this.klok = klok;
        this.maxWachttijd = maxWachttijd;
        this.mailDomein = mailDomein;
        this.lease = lease;
    }

    /** The one Message-ID of this signal's mail: every retry reuses it, so a second one would be a duplicate. */
    public String messageIdVoor(UUID signaalId) {
        return "<" + signaalId + "@" + mailDomein + ">";
    }

    public void plaatsMail(Connection c, UUID signaalId, List<String> ontvangers, OpgemaakteMail mail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into uitgaand (signaal_id, kanaal, message_id, ontvangers, "
                + "onderwerp, tekst, html, aangemaakt_op, volgende_poging_op) values (?, 'MAIL', ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (signaal_id, kanaal) do nothing")) {
            Timestamp nu = Timestamp.from(klok.instant());
            ps.setObject(1, signaalId);
            ps.setString(2, messageIdVoor(signaalId));
            ps.setString(3, String.join(",", ontvangers));
            ps.setString(4, mail.onderwerp());
            ps.setString(5, mail.tekst());
            ps.setString(6, mail.html());
            ps.setTimestamp(7, nu);
            ps.setTimestamp(8, nu);
            ps.executeUpdate();
        }
    }

    /** @param sleutel Kafka record key of the event: the youth's pseudonym, so one youth's events stay in order */
    public void plaatsEvent(Connection c, UUID signaalId, String sleutel, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into uitgaand (signaal_id, kanaal, sleutel, inhoud, "
                + "aangemaakt_op, volgende_poging_op) values (?, 'EVENT', ?, ?, ?, ?) on conflict (signaal_id, kanaal) do nothing")) {
            Timestamp nu = Timestamp.from(klok.instant());
            ps.setObject(1, signaalId);
            ps.setString(2, sleutel);
            ps.setString(3, json);
            ps.setTimestamp(4, nu);
            ps.setTimestamp(5, nu);
            ps.executeUpdate();
        }
    }

    /**
     * Claims due rows for this instance under a fresh token and a lease; an empty list when nothing is due. A row whose
     * previous attempt started but never recorded an outcome (its sender died or lost its lease mid-send) may have been
     * delivered: that is recorded now, so the next delivery counts as a re-send.
     */
    public List<UitgaandItem> claim(int max) throws SQLException {
        UUID token = UUID.randomUUID();
        Instant nu = klok.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("with te_doen as (select id, poging_gestart_op from uitgaand "
                     + "where status = 'WACHTEND' and volgende_poging_op <= ? "
                     + "order by id limit ? for update skip locked) "
                     + "update uitgaand u set claim_token = ?, volgende_poging_op = ?, poging_gestart_op = null, "
                     + "herzendingen = u.herzendingen + case when t.poging_gestart_op is not null "
                     + "and u.laatste_fout_ambigu then 1 else 0 end, "
                     + "laatste_fout_ambigu = u.laatste_fout_ambigu or t.poging_gestart_op is not null, "
                     + "laatste_fout = case when t.poging_gestart_op is null then u.laatste_fout else ? end "
                     + "from te_doen t where u.id = t.id returning u.id, u.signaal_id, u.kanaal, u.message_id, "
                     + "u.ontvangers, u.onderwerp, u.tekst, u.html, u.inhoud, u.sleutel, u.pogingen, u.weigeringen, "
                     + "t.poging_gestart_op")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setInt(2, max);
            ps.setObject(3, token);
            ps.setTimestamp(4, Timestamp.from(nu.plus(lease)));
            ps.setString(5, ONDERBROKEN);
            List<UitgaandItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UitgaandItem item = item(rs, token);
                    Timestamp onderbroken = rs.getTimestamp(13);
                    if (onderbroken != null) {
                        LOG.warn("{} voor signaal {}: de poging van {} eindigde zonder vastgelegde uitkomst en is "
                                + "mogelijk afgeleverd; de volgende aflevering telt als herzending", item.kanaal(),
                                item.signaalId(), onderbroken.toInstant());
                    }
                    items.add(item);
                }
            }
            items.sort(Comparator.comparingLong(UitgaandItem::id));
            return items;
        }
    }

    /**
     * Called right before sending a claimed row: renews its lease so that the send starts and ends within it, and
     * records that an attempt is under way. Returns null, and the row must not be sent, when the claim is lost: its
     * lease ran out while earlier rows of the batch were sent, and another sender may have taken it over.
     */
    public UitgaandItem beginPoging(UitgaandItem item) throws SQLException {
        Instant nu = klok.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update uitgaand set poging_gestart_op = ?, "
                     + "volgende_poging_op = ?, pogingen = pogingen + 1 "
                     + "where id = ? and claim_token = ? and volgende_poging_op > ? returning pogingen")) {
            ps.setTimestamp(1, Timestamp.from(nu));
            ps.setTimestamp(2, Timestamp.from(nu.plus(lease)));
            ps.setLong(3, item.id());
            ps.setObject(4, item.claimToken());
            ps.setTimestamp(5, Timestamp.from(nu));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    LOG.warn("{} voor signaal {} niet verzonden: de claim verliep voordat het verzenden begon",
                            item.kanaal(), item.signaalId());
                    return null;
                }
                return item.metPogingen(rs.getInt(1));
            }
        }
    }

    public void verzonden(UitgaandItem item) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update uitgaand set status = 'VERZONDEN', verzonden_op = ?, "
                     + "herzendingen = herzendingen + case when laatste_fout_ambigu then 1 else 0 end, "
                     + "laatste_fout = null, claim_token = null, poging_gestart_op = null "
                     + "where id = ? and claim_token = ?")) {
            ps.setTimestamp(1, Timestamp.from(klok.instant()));
            ps.setLong(2, item.id());
            ps.setObject(3, item.claimToken());
            if (ps.executeUpdate() == 0) {
                verlorenClaim(item, "verzonden");
            }
        }
    }

    /**
     * Records a failed attempt. Mostly the row is retried with exponential back-off (capped) and never given up: an
     * SMTP or broker outage delays mail, it must not lose it. A malformed recipient fails the row at once, a recipient
     * the server keeps refusing (5xx) after {@value #MAX_WEIGERINGEN} refusals; a failed row stays in the table with
     * status MISLUKT and its reason, for the health report and an operator.
     */
    public void mislukt(UitgaandItem item, Throwable fout) throws SQLException {
        UitgaandFout soort = UitgaandFout.van(item, fout);
        String reden = UitgaandFout.reden(soort, fout);
        int weigeringen = item.weigeringen() + (soort == UitgaandFout.ADRES_GEWEIGERD ? 1 : 0);
        if (soort == UitgaandFout.ADRES_ONGELDIG
                || (soort == UitgaandFout.ADRES_GEWEIGERD && weigeringen >= MAX_WEIGERINGEN)) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("update uitgaand set status = 'MISLUKT', mislukt_op = ?, "
                         + "weigeringen = ?, laatste_fout = ?, claim_token = null, poging_gestart_op = null "
                         + "where id = ? and claim_token = ?")) {
                ps.setTimestamp(1, Timestamp.from(klok.instant()));
                ps.setInt(2, weigeringen);
                ps.setString(3, reden);
                ps.setLong(4, item.id());
                ps.setObject(5, item.claimToken());
                if (ps.executeUpdate() == 0) {
                    verlorenClaim(item, "mislukt");
                    return;
                }
            }
            LOG.error("{} voor signaal {} definitief mislukt (poging {}): {}", item.kanaal(), item.signaalId(),
                    item.pogingen(), reden);
            return;
        }
        boolean misschienAfgeleverd = soort == UitgaandFout.MISSCHIEN_AFGELEVERD;
        Duration wacht = wachttijd(item.pogingen());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update uitgaand set volgende_poging_op = ?, laatste_fout = ?, "
                     + "weigeringen = ?, "
                     + "herzendingen = herzendingen + case when ? and laatste_fout_ambigu then 1 else 0 end, "
                     + "laatste_fout_ambigu = laatste_fout_ambigu or ?, claim_token = null, poging_gestart_op = null "
                     + "where id = ? and claim_token = ?")) {
            ps.setTimestamp(1, Timestamp.from(klok.instant().plus(wacht)));
            ps.setString(2, reden);
            ps.setInt(3, weigeringen);
            ps.setBoolean(4, misschienAfgeleverd);
            ps.setBoolean(5, misschienAfgeleverd);
            ps.setLong(6, item.id());
            ps.setObject(7, item.claimToken());
            if (ps.executeUpdate() == 0) {
                verlorenClaim(item, "mislukt");
                return;
            }
        }
        LOG.warn("Verzenden van {} voor signaal {} mislukt (poging {}), opnieuw over {}: {}", item.kanaal(),
                item.signaalId(), item.pogingen(), wacht, reden);
    }

    /** The lease ran out mid-send and another sender took the row over: its outcome is that sender's to record. */
    private static void verlorenClaim(UitgaandItem item, String uitkomst) {
        LOG.warn("{} voor signaal {}: claim verloren tijdens het verzenden; uitkomst '{}' niet vastgelegd",
                item.kanaal(), item.signaalId(), uitkomst);
    }

    Duration wachttijd(int pogingen) {
        long factor = 1L << Math.min(Math.max(pogingen - 1, 0), 20);
        Duration wacht = EERSTE_WACHTTIJD.multipliedBy(factor);
        return wacht.compareTo(maxWachttijd) > 0 ? maxWachttijd : wacht;
    }

    private static UitgaandItem item(ResultSet rs, UUID token) throws SQLException {
        UitgaandItem.Kanaal kanaal = UitgaandItem.Kanaal.valueOf(rs.getString(3));
        String ontvangers = rs.getString(5);
        return new UitgaandItem(rs.getLong(1), rs.getObject(2, UUID.class), kanaal, rs.getString(4),
                ontvangers != null ? Arrays.asList(ontvangers.split(",")) : List.of(), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getInt(12),
                token);
    }
}
