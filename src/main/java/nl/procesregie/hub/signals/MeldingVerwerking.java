package nl.procesregie.hub.signals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.opslag.Transactie;
import nl.procesregie.hub.timers.Termijnkalender;

/**
 * Applies a melding from the back office in one transaction under the youth's lock, together with the record that
 * it was applied: a crisis placement joins or starts a crisis, a handover brings the youth under procesregie and
 * starts the follow-up. The same melding again changes nothing.
 */
public final class MeldingVerwerking {

    private final DataSource dataSource;
    private final ZorgpadOpslag zorgpaden;
    private final RegieOpslag regie;
    private final Crisisregie crises;
    private final Regieplanning planning;
    private final RegioConfiguratie regio;
    private final Pseudonimisering pseudonimisering;
    private final Clock klok;

    public MeldingVerwerking(DataSource dataSource, ZorgpadOpslag zorgpaden, RegieOpslag regie, Crisisregie crises,
                             Regieplanning planning, RegioConfiguratie regio, Pseudonimisering pseudonimisering,
                             Clock klok) {
        this.dataSource = dataSource;
        this.zorgpaden = zorgpaden;
        this.regie = regie;
        this.crises = crises;
        this.planning = planning;
        this.regio = regio;
        this.pseudonimisering = pseudonimisering;
        this.klok = klok;
    }

    /** @throws IjwFout when the melding cannot be applied however often it is tried (unknown gemeente) */
    public void verwerk(RegieBericht.Melding m) throws SQLException, IjwFout {
        GemeenteInstellingen g = regio.gemeente(m.gemeente()).orElseThrow(() -> new IjwFout(Foutcode.GEMEENTE_ONBEKEND,
                "Gemeente " + m.gemeente() + " staat niet in de regioconfiguratie van deze hub"));
        Instant nu = klok.instant();
        if (m.moment().toInstant().isAfter(nu.plusSeconds(24 * 3600))) {
            throw new IjwFout(Foutcode.DATUM_ONGELDIG, "Het moment van de melding ligt meer dan een dag in de toekomst");
        }
        String jeugdige = pseudonimisering.pseudoniem(m.bsn());
        Transactie.in(dataSource, c -> {
            pasToe(c, m, g, jeugdige, nu);
            return null;
        });
    }

    private void pasToe(Connection c, RegieBericht.Melding m, GemeenteInstellingen g, String jeugdige, Instant nu)
            throws SQLException {
        zorgpaden.vergrendel(c, List.of(jeugdige), nu);
        if (!regie.registreerMelding(c, hash(m, jeugdige), jeugdige, nu)) {
            return;
        }
        LocalDate dag = m.moment().atZoneSameInstant(Termijnkalender.AMSTERDAM).toLocalDate();
        JeugdigeStand stand = zorgpaden.werkJeugdigeBij(c, jeugdige, m.voorletters(), m.geboortedatum(), g.code(), dag,
                nu);
        boolean historisch = dag.isBefore(nu.atZone(Termijnkalender.AMSTERDAM).toLocalDate().minus(g.signaalhorizon()));
        Regieplanning.Beeld beeld = planning.beeld(c, stand);
        switch (m.soort()) {
            case CRISISPLAATSING -> crises.meld(c, jeugdige, g, new Crisisregie.Bron(m.moment().toInstant(), m.route(),
                    m.referentie(), null, historisch), beeld, nu);
            case OVERDRACHT -> {
                if (!historisch) {
                    planning.onderRegie(c, jeugdige, stand.geboortedatum(), g, nu);
                    planning.startOverdracht(c, jeugdige, g, dag, RegieOpslag.OverdrachtReden.MELDING, m.referentie(),
                            nu);
                }
            }
        }
    }

    /** Of what the hub read, with the youth as its pseudonym: the same melding re-serialised is the same melding. */
    private static byte[] hash(RegieBericht.Melding m, String jeugdige) {
        String inhoud = String.join("\n", m.soort().name(), m.gemeente(), jeugdige, String.valueOf(m.voorletters()),
                String.valueOf(m.geboortedatum()), String.valueOf(m.referentie()), String.valueOf(m.route()),
                m.moment().toInstant().toString());
        try {
            return MessageDigest.getInstance("SHA-256").digest(inhoud.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
