package nl.procesregie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.XsdControle;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.opslag.Foutspoor;
import nl.procesregie.hub.testinfra.LogVanger;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * A record that fails on a database that answers: parked with a Dutch reason a person can act on, and logged by
 * exception class and SQLState only, because a database error quotes the values it refused.
 */
class IjwInnameTest {

    static final Clock KLOK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAG = LocalDate.of(2026, 11, 2);
    /** Passes the eleven-test, as a BSN would. */
    static final String BSN_ACHTIG = "999900006";

    @Test
    void aFailureThatQuotesTheMessageIsLoggedWithoutItAndParkedWithADutchReason() throws Exception {
        DataSource db = TestPostgres.shared().schemaDatabase();
        // The database refuses every allocation with an error that quotes a BSN-like number and the record's date,
        // as a PostgreSQL error quotes the value it refused.
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create function weiger() returns trigger language plpgsql as $$ begin "
                    + "raise exception 'geweigerd: % %', '" + BSN_ACHTIG + "', new.ingangsdatum; end $$");
            s.execute("create trigger weiger before insert on toewijzing for each row execute function weiger()");
        }
        IjwInlezer inlezer = new IjwInlezer(new IjwParser(), XsdControle.UIT, 1_000_000, g -> true);
        IjwInname inname = new IjwInname(inlezer, TestInstellingen.onderdelen(db, KLOK).verwerking(), 3,
                new Inleestellers(), KLOK);
        List<OntvangenRecord> records = List.of(record(0, Berichten.bsn(501)), record(1, Berichten.bsn(502)));

        List<TeParkeren> parkeren;
        try (LogVanger log = LogVanger.vang()) {
            parkeren = inname.verwerk(records);

            for (String geheim : List.of(BSN_ACHTIG, DAG.toString(), "geweigerd")) {
                assertEquals(List.of(), log.met(geheim), geheim + " reaches the log");
            }
            List<LogVanger.Regel> batch = log.met("Batch van 2 berichten mislukt");
            assertEquals(1, batch.size());
            assertTrue(batch.get(0).tekst().contains("org.postgresql.util.PSQLException SQLState P0001"),
                    batch.get(0).tekst());
            List<LogVanger.Regel> geparkeerd = log.met("na 3 pogingen geparkeerd");
            assertEquals(2, geparkeerd.size());
            assertEquals(Level.ERROR, geparkeerd.get(0).niveau());
            assertTrue(geparkeerd.get(0).tekst().endsWith("org.postgresql.util.PSQLException SQLState P0001"),
                    geparkeerd.get(0).tekst());
        }
        assertEquals(2, parkeren.size());
        for (TeParkeren p : parkeren) {
            assertEquals(Foutcode.VERWERKING_MISLUKT, p.foutcode());
            assertEquals("De verwerking is 3 keer mislukt door een fout in de hub of de database; het bericht kan na "
                    + "herstel opnieuw worden aangeboden", p.reden());
        }
    }

    @Test
    void aCauseChainIsDescribedByClassesAndSqlStatesOnly() {
        SQLException sql = new SQLException("ERROR: date/time field value out of range: \"2012-05-17\" (bsn "
                + BSN_ACHTIG + ")", "22008");
        String spoor = Foutspoor.van(new IllegalStateException("verwerking " + BSN_ACHTIG, sql));
        assertEquals("java.lang.IllegalStateException, oorzaak java.sql.SQLException SQLState 22008", spoor);
        assertFalse(spoor.contains(BSN_ACHTIG) || spoor.contains("2012"));
    }

    static OntvangenRecord record(long offset, String bsn) {
        return new OntvangenRecord("ijw.berichten", 0, offset, null, Berichten.toewijzing("0632", "11111111", bsn,
                DAG, Berichten.identificatie(), null, new Product("N" + offset, "45", "45A01")));
    }
}
