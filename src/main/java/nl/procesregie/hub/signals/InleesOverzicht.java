package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;

/**
 * The one overview per gemeente after a replay (CONTRACTS.md rule 10): the youths whose crossing of the threshold
 * was historical, so that nobody was mailed, and who are above the threshold now. One list instead of one mail per
 * youth; a youth whose next trajectory came in live is marked, as that youth's regisseur was mailed then.
 */
public final class InleesOverzicht {

    /** A youth in the overview, named as in the mails: initials, birth date and the gemeente's allocation numbers. */
    public record Jeugdige(String voorletters, LocalDate geboortedatum, List<String> toewijzingnummers, int trajecten,
                           Instant bovenDrempelSinds, boolean liveGesignaleerd) {
    }

    public record Gemeente(String code, String naam, int aantal) {
    }

    private static final String HISTORISCH_BOVEN_DREMPEL = "from signaal s join jeugdige j on j.pseudoniem = s.jeugdige "
            + "where s.gemeente = ? and s.historisch and s.soort in ('VIERDE_TRAJECT', 'VERVOLG_TRAJECT') "
            + "and j.hoogwatermerk >= ? ";

    private final DataSource dataSource;
    private final RegioConfiguratie regio;

    public InleesOverzicht(DataSource dataSource, RegioConfiguratie regio) {
        this.dataSource = dataSource;
        this.regio = regio;
    }

    public List<Gemeente> gemeenten() throws SQLException {
        List<Gemeente> lijst = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(distinct j.pseudoniem) " + HISTORISCH_BOVEN_DREMPEL)) {
            for (GemeenteInstellingen g : regio.gemeenten()) {
                ps.setString(1, g.code());
                ps.setInt(2, g.drempel());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lijst.add(new Gemeente(g.code(), g.naam(), rs.getInt(1)));
                }
            }
        }
        return lijst;
    }

    /** The youths of one gemeente, most trajectories first; empty when the gemeente is not configured. */
    public Optional<List<Jeugdige>> jeugdigen(String gemeente) throws SQLException {
        Optional<GemeenteInstellingen> instellingen = regio.gemeente(gemeente);
        if (instellingen.isEmpty()) {
            return Optional.empty();
        }
        List<Jeugdige> lijst = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select j.voorletters, j.geboortedatum, min(s.tijdstip), "
                        + "(select string_agg(t.toewijzingnummer, ',' "
                        + "  order by length(t.toewijzingnummer), t.toewijzingnummer) from toewijzing t "
                        + "  where t.jeugdige = j.pseudoniem and t.gemeente = s.gemeente), "
                        + "(select count(*) from traject tr where tr.jeugdige = j.pseudoniem and tr.telt), "
                        + "exists (select 1 from signaal l where l.jeugdige = j.pseudoniem and not l.historisch "
                        + "  and l.verzonden and l.soort in ('VIERDE_TRAJECT', 'VERVOLG_TRAJECT')) "
                        + HISTORISCH_BOVEN_DREMPEL
                        + "group by j.pseudoniem, j.voorletters, j.geboortedatum, s.gemeente "
                        + "order by 5 desc, j.geboortedatum, j.voorletters")) {
            ps.setString(1, gemeente);
            ps.setInt(2, instellingen.get().drempel());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date geboren = rs.getDate(2);
                    String nummers = rs.getString(4);
                    lijst.add(new Jeugdige(rs.getString(1), geboren == null ? null : geboren.toLocalDate(),
                            nummers == null ? List.of() : Arrays.asList(nummers.split(",")), rs.getInt(5),
                            rs.getTimestamp(3).toInstant(), rs.getBoolean(6)));
                }
            }
        }
        return Optional.of(lijst);
    }

    public Optional<String> gemeenteNaam(String gemeente) {
        return regio.gemeente(gemeente).map(GemeenteInstellingen::naam);
    }
}
