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
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.procesregie.hub.opslag.Transactie;

/**
 * The transactional outbox. Rows are written in the business transaction ({@link #plaatsMail}, {@link #plaatsEvent});
 * the sender claims due rows with a lease, so that several hub instances never send the same row at once and a row
 * whose sender died is picked up again after the lease.
 */
public final class Uitgaand {

    private static final Logger LOG = LoggerFactory.getLogger(Uitgaand.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration EERSTE_WACHTTIJD = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Clock klok;
    private final Duration maxWachttijd;
    private final String mailDomein;

    public Uitgaand(DataSource dataSource, Clock klok, Duration maxWachttijd, String mailDomein) {
        this.dataSource = dataSource;
        this.klok = klok;
        this.maxWachttijd = maxWachttijd;
        this.mailDomein = mailDomein;
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

    /** Claims due rows for this instance; an empty list when nothing is due. */
    public List<UitgaandItem> claim(int max) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UitgaandItem> items = new ArrayList<>();
                Instant nu = klok.instant();
                try (PreparedStatement ps = c.prepareStatement("select id, signaal_id, kanaal, message_id, ontvangers, "
                        + "onderwerp, tekst, html, inhoud, sleutel, pogingen, laatste_fout_ambigu from uitgaand "
                        + "where verzonden_op is null and volgende_poging_op <= ? order by id limit ? for update skip locked")) {
                    ps.setTimestamp(1, Timestamp.from(nu));
                    ps.setInt(2, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(item(rs));
                        }
                    }
                }
                if (!items.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "update uitgaand set volgende_poging_op = ? where id = any(?)")) {
                        ps.setTimestamp(1, Timestamp.from(nu.plus(LEASE)));
                        ps.setArray(2, c.createArrayOf("bigint", items.stream().map(UitgaandItem::id).toArray()));
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return items;
            } catch (SQLException | RuntimeException e) {
                Transactie.rollback(c, e);
                throw e;
            }
        }
    }

    public void verzonden(UitgaandItem item) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update uitgaand set verzonden_op = ?, pogingen = pogingen + 1, "
                     + "herzendingen = herzendingen + ?, laatste_fout = null where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(klok.instant()));
            ps.setInt(2, item.vorigeFoutAmbigu() ? 1 : 0);
            ps.setLong(3, item.id());
            ps.executeUpdate();
        }
    }

    /**
     * Schedules a retry with exponential back-off (capped). The outbox never gives up: an SMTP or broker outage
     * delays mail, it must not lose it.
     */
    public void mislukt(UitgaandItem item, Throwable fout) throws SQLException {
        boolean ambigu = MailVerzender.misschienAfgeleverd(fout);
        Duration wacht = wachttijd(item.pogingen() + 1);
        LOG.warn("Verzenden van {} voor signaal {} mislukt (poging {}), opnieuw over {}: {}", item.kanaal(),
                item.signaalId(), item.pogingen() + 1, wacht, fout.toString());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update uitgaand set pogingen = pogingen + 1, "
                     + "volgende_poging_op = ?, laatste_fout = ?, laatste_fout_ambigu = laatste_fout_ambigu or ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(klok.instant().plus(wacht)));
            ps.setString(2, fout.toString());
            ps.setBoolean(3, ambigu);
            ps.setLong(4, item.id());
            ps.executeUpdate();
        }
    }

    Duration wachttijd(int pogingen) {
        long factor = 1L << Math.min(pogingen - 1, 20);
        Duration wacht = EERSTE_WACHTTIJD.multipliedBy(factor);
        return wacht.compareTo(maxWachttijd) > 0 ? maxWachttijd : wacht;
    }

    private static UitgaandItem item(ResultSet rs) throws SQLException {
        UitgaandItem.Kanaal kanaal = UitgaandItem.Kanaal.valueOf(rs.getString(3));
        String ontvangers = rs.getString(5);
        return new UitgaandItem(rs.getLong(1), rs.getObject(2, UUID.class), kanaal, rs.getString(4),
                ontvangers != null ? Arrays.asList(ontvangers.split(",")) : List.of(), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                rs.getBoolean(12));
    }
}
