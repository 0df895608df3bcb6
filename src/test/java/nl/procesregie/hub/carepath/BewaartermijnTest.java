package nl.procesregie.hub.carepath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Onderdelen;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.TestClock;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * Retention on a real PostgreSQL with an injected clock: two years after the latest Dagtekening, never before the
 * 23rd birthday (the test messages' youths are born on 17 May 2012), and then everything about the youth goes.
 */
class BewaartermijnTest {

    static final String WOERDEN = "0632";
    /** Every table that names a youth; outbox rows and acknowledgements hang off signals. */
    static final List<String> TABELLEN = List.of("toewijzing", "levering", "verzoek", "traject", "verwerkt_bericht",
            "signaal", "crisis", "crisis_traject", "overdracht", "termijn", "verwerkte_melding");

    final TestClock klok = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    final DataSource db;
    final Onderdelen hub;
    final Pseudonimisering pseudoniemen = new Pseudonimisering(
            TestInstellingen.PSEUDONIEM_SLEUTEL.getBytes(StandardCharsets.UTF_8));

    BewaartermijnTest() {
        db = TestPostgres.shared().schemaDatabase();
        hub = TestInstellingen.onderdelen(db, klok);
    }

    byte[] crisis(String bsn, LocalDate dagtekening, String nummer) {
        return Berichten.toewijzing(WOERDEN, "10000009", bsn, dagtekening, Berichten.identificatie(), null,
                new Berichten.Product(nummer, "46", "46A01"));
    }

    void ijw(byte[] xml) throws Exception {
        hub.verwerking().verwerk(List.of(new IjwParser().parse(xml)));
    }

    long rijen(String bsn) throws SQLException {
        String jeugdige = pseudoniemen.pseudoniem(bsn);
        long n = TestPostgres.rijen(db, "select 1 from jeugdige where pseudoniem = '" + jeugdige + "'").size();
        for (String tabel : TABELLEN) {
            n += TestPostgres.rijen(db, "select 1 from " + tabel + " where jeugdige = '" + jeugdige + "'").size();
        }
        return n;
    }

    @Test
    void aYouthWithoutMessagesForTheTermAndPast23IsDeletedWhollyAndCountsAfresh() throws Exception {
        String stil = Berichten.bsn(401);
        byte[] bericht = crisis(stil, LocalDate.of(2026, 11, 23), "R1");
        ijw(bericht);
        assertEquals(List.of("1"), TestPostgres.rijen(db, "select count(*)::text from uitgaand u join signaal s "
                + "using (signaal_id) where s.soort = 'CRISIS' and u.kanaal = 'MAIL'"));
        String actief = Berichten.bsn(402);
        ijw(crisis(actief, LocalDate.of(2026, 11, 23), "R2"));

        // 2035: both silent for years, but not yet 23.
        klok.set(Instant.parse("2035-05-16T08:00:00Z"));
        ijw(crisis(actief, LocalDate.of(2035, 5, 16), "R3"));
        assertEquals(0, hub.bewaartermijn().ruimOp(), "under 23: kept");

        // The 23rd birthday: the youth silent since 2026 goes, the one with a message last year stays.
        klok.set(Instant.parse("2035-05-17T08:00:00Z"));
        long voor = rijen(actief);
        assertEquals(1, hub.bewaartermijn().ruimOp());
        assertEquals(0, rijen(stil), "nothing about the youth is left");
        assertEquals(List.of(), TestPostgres.rijen(db, "select 1 from uitgaand u left join signaal s using (signaal_id) "
                + "where s.signaal_id is null"));
        assertEquals(voor, rijen(actief));
        assertEquals(0, hub.bewaartermijn().ruimOp(), "once");

        // Two years after the last message, the other goes too.
        klok.set(Instant.parse("2037-05-16T08:00:00Z"));
        assertEquals(0, hub.bewaartermijn().ruimOp(), "a day short of two years");
        klok.set(Instant.parse("2037-05-17T08:00:00Z"));
        assertEquals(1, hub.bewaartermijn().ruimOp());
        assertEquals(0, rijen(actief));

        // The same message again is read as new: counting starts afresh.
        ijw(bericht);
        assertEquals(List.of("1"), TestPostgres.rijen(db, "select count(*)::text from jeugdige"));
    }

    @Test
    void aReplayUnderWayKeepsItsYouthsAndATypoInTheFutureDoesNotKeepOneForever() throws Exception {
        String tikfout = Berichten.bsn(403);
        ijw(crisis(tikfout, LocalDate.of(2062, 11, 23), "R4"));

        // 2035, after the 23rd birthday: history from 2026 is replayed.
        klok.set(Instant.parse("2035-06-01T08:00:00Z"));
        String herhaald = Berichten.bsn(404);
        ijw(crisis(herhaald, LocalDate.of(2026, 1, 5), "R5"));
        assertEquals(1, hub.bewaartermijn().ruimOp(), "the typo counts from the day it was read");
        assertEquals(0, rijen(tikfout));
        assertEquals(List.of("1"), TestPostgres.rijen(db, "select count(*)::text from jeugdige"),
                "read this week: a replay may still be bringing its newer messages");

        klok.set(Instant.parse("2035-06-09T08:00:00Z"));
        assertEquals(1, hub.bewaartermijn().ruimOp());
        assertEquals(0, rijen(herhaald));
    }
}
