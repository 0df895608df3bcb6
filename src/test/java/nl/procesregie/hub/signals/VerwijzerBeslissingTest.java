package nl.procesregie.hub.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ingest.BerichtVerwerking;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestClock;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * The referrer decision on a real PostgreSQL, with signals made by the real unit of work in Urk (test regio: referrer
 * rule ["01"], a wait of two seconds) and a clock the test moves past the wait.
 */
class VerwijzerBeslissingTest {

    static final String URK = "0184";
    static final int MAX_POGINGEN = 3;
    static final Duration WACHT = Duration.ofSeconds(30);

    final TestClock klok = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));
    final LocalDate dag = LocalDate.of(2026, 11, 20);
    final DataSource db;
    final BerichtVerwerking verwerking;

    VerwijzerBeslissingTest() {
        db = TestPostgres.shared().schemaDatabase();
        verwerking = TestInstellingen.onderdelen(db, klok).verwerking();
    }

    /** One hub instance's decider; several on one database are several hubs. */
    VerwijzerBeslissing beslisser() {
        return TestInstellingen.onderdelen(db, klok).verwijzerBeslissing();
    }

    void verwerk(byte[] xml) throws Exception {
        verwerking.verwerk(List.of(new IjwParser().parse(xml)));
    }

    void vierTrajecten(String bsn, String prefix) throws Exception {
        for (int i = 1; i <= 4; i++) {
            verwerk(Berichten.toewijzing(URK, "2000000" + i, bsn, dag, Berichten.identificatie(), null,
                    new Product(prefix + i, "45", "45A0" + i)));
        }
    }

    List<String> rijen(String sql) throws SQLException {
        return TestPostgres.rijen(db, sql);
    }

    String waarde(String sql) throws SQLException {
        List<String> rijen = rijen(sql);
        assertEquals(1, rijen.size(), sql);
        return rijen.get(0);
    }

    static void wachtTot(String wat, BooleanSupplier conditie) throws InterruptedException {
        long einde = System.nanoTime() + WACHT.toNanos();
        while (!conditie.getAsBoolean()) {
            if (System.nanoTime() > einde) {
                throw new AssertionError("Niet binnen " + WACHT + ": " + wat);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoHubsDecideASignalOnceAndNeitherInterleavesWithAnIntakeForTheYouth() throws Exception {
        vierTrajecten(Berichten.bsn(600), "D");
        assertEquals("null", waarde("select verzonden from signaal"), "the signal waits for a JW315");
        String jeugdige = waarde("select jeugdige from signaal");
        klok.advance(Duration.ofSeconds(3));

        ExecutorService hubs = Executors.newFixedThreadPool(2);
        try (Connection inname = db.getConnection()) {
            // An intake for this youth is under way: it holds the youth's lock until it commits.
            inname.setAutoCommit(false);
            new ZorgpadOpslag().vergrendel(inname, List.of(jeugdige), klok.instant());
            Future<Integer> eerste = hubs.submit(beslisser()::beslisWachtende);
            Future<Integer> tweede = hubs.submit(beslisser()::beslisWachtende);
            wachtTot("beide hubs wachten op het slot van de jeugdige", () -> {
                try {
                    return Long.parseLong(waarde("select count(*) from pg_stat_activity "
                            + "where datname = current_database() and wait_event_type = 'Lock'")) == 2;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("null", waarde("select verzonden from signaal"), "nothing is decided during the intake");
            inname.commit();

            assertEquals(1, eerste.get(WACHT.toSeconds(), TimeUnit.SECONDS)
                    + tweede.get(WACHT.toSeconds(), TimeUnit.SECONDS), "decided by exactly one of the two");
        } finally {
            hubs.shutdownNow();
        }
        assertEquals("true|verwijzer 01 hoort bij de verwijzers van de gemeente|0",
                waarde("select verzonden, beslis_reden, beslispogingen from signaal"));
        assertEquals(List.of("EVENT", "MAIL"), rijen("select kanaal from uitgaand order by kanaal"));
        assertEquals("true", waarde("select onder_regie_sinds is not null from jeugdige"));
    }

    @Test
    void aSignalWhoseCauseStoppedCountingDuringTheWaitIsRecordedNotMailed() throws Exception {
        String bsn = Berichten.bsn(601);
        vierTrajecten(bsn, "W");
        // The fourth allocation is withdrawn (RedenWijziging 13) while the signal waits for a JW315.
        verwerk(Berichten.toewijzing(URK, "20000004", bsn, dag.plusDays(1), Berichten.identificatie(), "13",
                new Product("W4", "45", "45A04")));
        assertEquals("null", waarde("select verzonden from signaal"));
        klok.advance(Duration.ofSeconds(3));

        assertEquals(1, beslisser().beslisWachtende());
        assertEquals("false|de aanleiding telt niet meer mee", waarde("select verzonden, beslis_reden from signaal"));
        assertEquals(List.of("EVENT"), rijen("select kanaal from uitgaand"), "no mail");
        assertTrue(waarde("select inhoud from uitgaand").contains("\"verzonden\":false"));
        assertEquals("false", waarde("select onder_regie_sinds is not null from jeugdige"),
                "a signal that was not sent brings nobody under procesregie");
    }

    @Test
    void aSignalThatCannotBeDecidedIsRetriedABoundedNumberOfTimesWithoutHoldingUpTheOthers() throws Exception {
        // A signal of a gemeente that was taken out of the configuration while it waited: its decision fails.
        String verweesd = "VERWEESD|" + klok.instant();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            new ZorgpadOpslag().vergrendel(c, List.of("pseudoniem-verweesd"), klok.instant());
            new SignaalOpslag().voegToe(c, new SignaalRij(SignaalRij.idVoor(verweesd), verweesd,
                    SignaalSoort.VIERDE_TRAJECT, 4, "0999", "pseudoniem-verweesd", "20000001", "45A01", "K1", false,
                    false, null, klok.instant().minusSeconds(60), klok.instant(), null));
            c.commit();
        }
        vierTrajecten(Berichten.bsn(602), "G");
        klok.advance(Duration.ofSeconds(3));
        VerwijzerBeslissing beslisser = beslisser();

        assertEquals(1, beslisser.beslisWachtende(), "the other signal is decided although the first one fails");
        assertEquals(List.of("0184|true|0", "0999|null|1"),
                rijen("select gemeente, verzonden, beslispogingen from signaal order by gemeente"));
        assertEquals(0, beslisser.beslisWachtende(), "a failed signal waits out its back-off");
        assertEquals("1", waarde("select beslispogingen from signaal where gemeente = '0999'"));

        klok.advance(Duration.ofSeconds(1));
        assertEquals(0, beslisser.beslisWachtende());
        assertEquals("null|2", waarde("select verzonden, beslispogingen from signaal where gemeente = '0999'"));
        klok.advance(Duration.ofSeconds(2));
        assertEquals(1, beslisser.beslisWachtende(), "the last attempt decides it");
        // By exception class only: a database error's text can quote a youth's values.
        assertEquals("false|3|beslissing 3 keer mislukt: java.lang.IllegalStateException", waarde("select verzonden, beslispogingen, beslis_reden from signaal "
                + "where gemeente = '0999'"));
        assertEquals(List.of("EVENT"), rijen("select kanaal from uitgaand where signaal_id = '"
                + SignaalRij.idVoor(verweesd) + "'"), "recorded, published, not mailed");

        klok.advance(Duration.ofHours(1));
        assertEquals(0, beslisser.beslisWachtende(), "decided for good: no further attempts");
        assertEquals("3", waarde("select beslispogingen from signaal where gemeente = '0999'"));
    }
}
