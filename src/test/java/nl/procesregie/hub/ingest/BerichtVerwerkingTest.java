package nl.procesregie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestPostgres;

/** The unit of work on a real PostgreSQL: CONTRACTS.md rules 3–6 and 11 as stored, whatever the arrival order. */
class BerichtVerwerkingTest {

    static final Clock KLOK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAG = LocalDate.of(2026, 11, 2);
    static final String WOERDEN = "0632";
    static final IjwParser PARSER = new IjwParser();

    final DataSource db;
    final BerichtVerwerking verwerking;

    BerichtVerwerkingTest() {
        db = TestPostgres.shared().schemaDatabase();
        verwerking = TestInstellingen.onderdelen(db, KLOK).verwerking();
    }

    static IjwBericht lees(byte[] xml) {
        try {
            return PARSER.parse(xml);
        } catch (Exception e) {
            throw new AssertionError(new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    List<BerichtVerwerking.Uitkomst> verwerk(byte[]... berichten) throws SQLException {
        List<IjwBericht> lijst = new ArrayList<>();
        for (byte[] b : berichten) {
            lijst.add(lees(b));
        }
        return verwerking.verwerk(lijst);
    }

    List<String> rijen(String sql) throws SQLException {
        return TestPostgres.rijen(db, sql);
    }

    static byte[] toewijzing(String bsn, String aanbieder, LocalDate dag, String reden, Product p) {
        return Berichten.toewijzing(WOERDEN, aanbieder, bsn, dag, Berichten.identificatie(), reden, p);
    }

    @Test
    void startBeforeItsAllocationStandsAloneThenJoinsTheAllocationsTrajectory() throws Exception {
        String bsn = Berichten.bsn(400);
        verwerk(Berichten.start(WOERDEN, "11111111", bsn, DAG, Berichten.identificatie(), "1",
                new Product("N1", "45", "45A01"), DAG));
        assertEquals(List.of("11111111|45A01|true"), rijen("select aanbieder, product, telt from traject"));

        verwerk(toewijzing(bsn, "11111111", DAG.minusDays(3), null, new Product("N1", "45", null)));
        assertEquals(List.of("11111111|45|true"), rijen("select aanbieder, product, telt from traject"),
                "the start joined the category-only allocation: one trajectory, not two");
    }

    @Test
    void aStartWithoutAllocationNumberFormsItsOwnTrajectory() throws Exception {
        verwerk(Berichten.start(WOERDEN, "11111111", Berichten.bsn(407), DAG, Berichten.identificatie(), "1",
                new Product(null, "45", "45A01"), DAG));
        verwerk(Berichten.start(WOERDEN, "11111111", Berichten.bsn(408), DAG, Berichten.identificatie(), "1",
                new Product(null, "45", "45A01"), DAG));
        assertEquals(List.of("11111111|45A01|true", "11111111|45A01|true"),
                rijen("select aanbieder, product, telt from traject"), "two youths, each their own care");
    }

    @Test
    void aSignalRaisedByAStartIsNotRaisedAgainWhenItsAllocationArrives() throws Exception {
        String bsn = Berichten.bsn(409);
        for (int i = 1; i <= 3; i++) {
            verwerk(toewijzing(bsn, "2000000" + i, DAG, null, new Product("L" + i, "45", "45A0" + i)));
        }
        verwerk(Berichten.start(WOERDEN, "10000009", bsn, DAG, Berichten.identificatie(), "1",
                new Product("L9", "45", null), DAG));
        assertEquals(List.of("VIERDE_TRAJECT|4|10000009|45"), rijen("select soort, volgnummer, aanbieder, product from signaal"));

        verwerk(toewijzing(bsn, "10000009", DAG.minusDays(1), null, new Product("L9", "45", "45A09")));
        assertEquals(1, rijen("select signaal_id from signaal").size(), "the same care, signalled once");
        assertEquals(List.of("4"), rijen("select hoogwatermerk from jeugdige"));
    }

    @Test
    void aSignalledStartThatMergedAndWasThenVoidedLowersTheMark() throws Exception {
        String bsn = Berichten.bsn(410);
        for (int i = 1; i <= 3; i++) {
            verwerk(toewijzing(bsn, "2000000" + i, DAG, null, new Product("M" + i, "45", "45A0" + i)));
        }
        verwerk(Berichten.start(WOERDEN, "10000009", bsn, DAG, Berichten.identificatie(), "1",
                new Product("M9", "45", null), DAG));
        verwerk(toewijzing(bsn, "10000009", DAG.minusDays(1), null, new Product("M9", "45", "45A09")));
        assertEquals(List.of("4"), rijen("select hoogwatermerk from jeugdige"));

        // The allocation the signalled start merged into is removed: the cause no longer counts (rule 6).
        verwerk(toewijzing(bsn, "10000009", DAG.plusDays(1), "13", new Product("M9", "45", "45A09")));
        assertEquals(List.of("3"), rijen("select hoogwatermerk from jeugdige"));
        verwerk(toewijzing(bsn, "20000005", DAG.plusDays(2), null, new Product("M5", "45", "45A05")));
        assertEquals(List.of("VIERDE_TRAJECT|false", "VIERDE_TRAJECT|true"),
                rijen("select soort, hernieuwd from signaal order by tijdstip, hernieuwd"));
    }

    @Test
    void retractionThatArrivesFirstIsRememberedAgainstTheOriginal() throws Exception {
        String bsn = Berichten.bsn(401);
        Product p = new Product("R1", "45", "45A01");
        verwerk(Berichten.start(WOERDEN, "11111111", bsn, DAG, Berichten.identificatie(), "3", p, DAG));
        verwerk(Berichten.start(WOERDEN, "11111111", bsn, DAG, Berichten.identificatie(), "1", p, DAG));
        assertEquals(List.of("true"), rijen("select ingetrokken from levering"));
        assertEquals(List.of("11111111|45A01|false"), rijen("select aanbieder, product, telt from traject"));
        verwerk(Berichten.start(WOERDEN, "11111111", bsn, DAG.plusDays(1), Berichten.identificatie(), "1", p, DAG));
        assertEquals(List.of("false"), rijen("select ingetrokken from levering"), "a resend on a later day revives it");
        assertEquals(List.of("11111111|45A01|true"), rijen("select aanbieder, product, telt from traject"));
        verwerk(Berichten.start(WOERDEN, "11111111", bsn, DAG, Berichten.identificatie(), "3", p, DAG));
        assertEquals(List.of("11111111|45A01|true"), rijen("select aanbieder, product, telt from traject"),
                "the retraction again, older than the resend, retracts nothing");
    }

    @Test
    void voidedCauseLowersTheMarkAndTheNextTrajectoryIsARenewedSignal() throws Exception {
        String bsn = Berichten.bsn(402);
        for (int i = 1; i <= 4; i++) {
            verwerk(toewijzing(bsn, "2000000" + i, DAG, null, new Product("V" + i, "45", "45A0" + i)));
        }
        assertEquals(List.of("VIERDE_TRAJECT|4|false"), rijen("select soort, volgnummer, hernieuwd from signaal"));

        verwerk(toewijzing(bsn, "20000004", DAG.plusDays(1), "13", new Product("V4", "45", "45A04")));
        assertEquals(List.of("3"), rijen("select hoogwatermerk from jeugdige"));

        verwerk(toewijzing(bsn, "20000005", DAG.plusDays(2), null, new Product("V5", "45", "45A05")));
        assertEquals(List.of("VIERDE_TRAJECT|4|false", "VIERDE_TRAJECT|4|true"),
                rijen("select soort, volgnummer, hernieuwd from signaal order by hernieuwd"));
        assertTrue(rijen("select tekst from uitgaand where kanaal = 'MAIL' and signaal_id = "
                + "(select signaal_id from signaal where hernieuwd)").get(0).toLowerCase().contains("hernieuwd"),
                "the renewed signal's mail says so");
    }

    @Test
    void anOlderVersionArrivingLateDoesNotReplaceTheLatest() throws Exception {
        String bsn = Berichten.bsn(403);
        Product p = new Product("O1", "45", "45A01");
        verwerk(toewijzing(bsn, "11111111", DAG.plusDays(5), "05", p));
        verwerk(toewijzing(bsn, "11111111", DAG, null, p));
        assertEquals(List.of("05|" + DAG.plusDays(5)), rijen("select reden_wijziging, einddatum from toewijzing"));
    }

    @Test
    void theYouthsFactsFollowTheLatestDagtekeningNotTheLatestArrival() throws Exception {
        String bsn = Berichten.bsn(406);
        byte[] nieuw = new String(toewijzing(bsn, "11111111", DAG.plusDays(5), null, new Product("F1", "45", "45A01")),
                StandardCharsets.UTF_8).replace(">JP<", ">KL<").getBytes(StandardCharsets.UTF_8);
        verwerk(nieuw);
        verwerk(toewijzing(bsn, "22222222", DAG, null, new Product("F2", "45", "45A02")));
        assertEquals(List.of("KL|" + DAG.plusDays(5)), rijen("select voorletters, gegevens_dagtekening from jeugdige"));
    }

    @Test
    void anAllocationStoredMeanwhileForAnotherYouthIsNeverTakenOver() throws Exception {
        // What a second instance would do between this instance's conflict check and its write.
        ZorgpadOpslag opslag = new ZorgpadOpslag();
        ToewijzingStand vanA = new ToewijzingStand(WOERDEN, "R1", "jeugdige-a", "11111111", "45", "45A01", "45A01",
                DAG.atTime(9, 0), DAG, null, null);
        try (Connection c = db.getConnection()) {
            opslag.vergrendel(c, List.of("jeugdige-a", "jeugdige-b"), KLOK.instant());
            opslag.bewaarToewijzingen(c, List.of(vanA));
            ToewijzingStand vanB = new ToewijzingStand(WOERDEN, "R1", "jeugdige-b", "11111111", "45", "45A01",
                    "45A01", DAG.atTime(10, 0), DAG, null, null);
            SQLException fout = assertThrows(SQLException.class, () -> opslag.bewaarToewijzingen(c, List.of(vanB)));
            assertEquals("40001", fout.getSQLState(), "retried as a whole, then parked as a conflict");
            assertEquals(List.of(vanA), opslag.toewijzingen(c, "jeugdige-a"));
            assertEquals(List.of(), opslag.toewijzingen(c, "jeugdige-b"));
        }
    }

    @Test
    void anAllocationNumberOfAnotherYouthIsAConflictAndChangesNothing() throws Exception {
        verwerk(toewijzing(Berichten.bsn(404), "11111111", DAG, null, new Product("C1", "45", "45A01")));
        List<BerichtVerwerking.Uitkomst> uitkomst = verwerk(
                toewijzing(Berichten.bsn(405), "11111111", DAG.plusDays(1), null, new Product("C1", "45", "45A02")));
        assertInstanceOf(BerichtVerwerking.Uitkomst.Conflict.class, uitkomst.get(0));
        assertEquals(List.of("45A01"), rijen("select code from toewijzing"));
        assertEquals(List.of("1"), rijen("select count(*) from jeugdige where laatste_bericht_op is not null"),
                "the conflicting message left no trace");
    }

    @Test
    void theSameMessagesInAnotherOrderGiveTheSameCarePathAndTheSameSignals() throws Exception {
        String bsn = Berichten.bsn(406);
        List<byte[]> berichten = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Product p = new Product("Z" + i, "45", "45A1" + i);
            berichten.add(toewijzing(bsn, "3000000" + i, DAG, null, p));
            berichten.add(Berichten.start(WOERDEN, "3000000" + i, bsn, DAG, Berichten.identificatie(), "1", p, DAG.plusDays(2)));
        }
        berichten.add(Berichten.stop(WOERDEN, "30000002", bsn, DAG.plusDays(9), Berichten.identificatie(), "1",
                new Product("Z2", "45", "45A12"), DAG.plusDays(2), DAG.plusDays(9), "31"));
        berichten.add(toewijzing(bsn, "30000003", DAG.plusDays(1), "13", new Product("Z3", "45", "45A13")));

        for (byte[] b : berichten) {
            verwerk(b);
        }
        List<String> vooruit = rijen("select aanbieder, product, telt, eerste_datum, laatste_datum from traject order by 1, 2");
        List<String> merkVooruit = rijen("select hoogwatermerk from jeugdige");
        TreeSet<String> signalenVooruit = new TreeSet<>(rijen("select volgnummer from signaal"));

        BerichtVerwerkingTest andersom = new BerichtVerwerkingTest();
        List<byte[]> omgekeerd = new ArrayList<>(berichten);
        Collections.reverse(omgekeerd);
        for (byte[] b : omgekeerd) {
            andersom.verwerk(b);
        }
        assertEquals(vooruit, andersom.rijen("select aanbieder, product, telt, eerste_datum, laatste_datum from traject order by 1, 2"),
                "the care path does not depend on the arrival order");
        assertEquals(4, vooruit.stream().filter(r -> r.contains("|true|")).count(), "five trajectories, one voided");
        // The mark records what was signalled, so it is history: in this order a real fifth trajectory was signalled
        // before the void of a non-cause arrived (rule 6: only a voided cause lowers the mark); the other order never
        // counted five.
        assertEquals(List.of("4", "5"), List.copyOf(signalenVooruit));
        assertEquals(List.of("5"), merkVooruit);
        assertEquals(List.of("4"), andersom.rijen("select volgnummer from signaal"));
        assertEquals(List.of("4"), andersom.rijen("select hoogwatermerk from jeugdige"));
    }

    @Test
    void aStartThatIsBothTheFourthTrajectoryAndPerspectiveFosterCareAlsoStartsTheHandover() throws Exception {
        String bsn = Berichten.bsn(414);
        for (int i = 1; i <= 3; i++) {
            verwerk(toewijzing(bsn, "5000000" + i, DAG, null, new Product("P" + i, "45", "45A3" + i)));
        }
        verwerk(Berichten.start(WOERDEN, "50000009", bsn, DAG, Berichten.identificatie(), "1",
                new Product(null, "43", "43A03"), DAG));
        assertEquals(List.of("VIERDE_TRAJECT|true"), rijen("select soort, verzonden from signaal"));
        assertEquals(List.of("PLEEGZORG|" + DAG), rijen("select reden, datum from overdracht"),
                "the signal put the youth under procesregie, so its own start is a handover");
    }

    @Test
    void oneBatchLeavesWhatItsMessagesLeaveOneByOne() throws Exception {
        List<byte[]> berichten = new ArrayList<>();
        for (String bsn : List.of(Berichten.bsn(411), Berichten.bsn(412))) {
            for (int i = 1; i <= 5; i++) {
                Product p = new Product("B" + bsn.substring(6) + i, "45", "45A2" + i);
                berichten.add(toewijzing(bsn, "4000000" + i, DAG, null, p));
                berichten.add(Berichten.start(WOERDEN, "4000000" + i, bsn, DAG, Berichten.identificatie(), "1", p,
                        DAG.plusDays(2)));
            }
            berichten.add(Berichten.stop(WOERDEN, "40000002", bsn, DAG.plusDays(9), Berichten.identificatie(), "1",
                    new Product("B" + bsn.substring(6) + 2, "45", "45A22"), DAG.plusDays(2), DAG.plusDays(9), "31"));
        }
        // Redelivered within the batch: processed once. Another youth naming a known number: a conflict.
        berichten.add(berichten.get(3));
        berichten.add(toewijzing(Berichten.bsn(413), "40000001", DAG, null,
                new Product("B" + Berichten.bsn(411).substring(6) + 1, "45", "45A21")));
        Collections.shuffle(berichten, new java.util.Random(6));

        List<String> eenVoorEen = new ArrayList<>();
        for (byte[] b : berichten) {
            eenVoorEen.add(verwerk(b).get(0).getClass().getSimpleName());
        }
        BerichtVerwerkingTest batch = new BerichtVerwerkingTest();
        List<String> inEenBatch = batch.verwerk(berichten.toArray(byte[][]::new)).stream()
                .map(u -> u.getClass().getSimpleName()).toList();

        assertEquals(eenVoorEen, inEenBatch);
        assertTrue(inEenBatch.contains("AlVerwerkt") && inEenBatch.contains("Conflict"), inEenBatch.toString());
        for (String sql : List.of(
                "select jeugdige, aanbieder, product, gemeente, categorie, code, telt, eerste_datum, laatste_datum, "
                        + "herkomst from traject order by 1, 2, 3",
                "select gemeente, toewijzingnummer, jeugdige, aanbieder, categorie, code, product, toewijzingsmoment, "
                        + "ingangsdatum, einddatum, reden_wijziging from toewijzing order by 1, 2",
                "select soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum, gemeente, categorie, code, "
                        + "einddatum, reden_beeindiging, inhoud_dagtekening, intrekking_dagtekening, intrekking_inhoud, "
                        + "ingetrokken from levering order by 1, 2, 3, 4, 5, 6",
                "select pseudoniem, hoogwatermerk, voorletters, geboortedatum, laatste_gemeente, gegevens_dagtekening, "
                        + "onder_regie_sinds is null from jeugdige order by 1",
                "select afzender, identificatie, dagtekening, encode(inhoud_hash, 'hex'), jeugdige "
                        + "from verwerkt_bericht order by 1, 2, 3",
                "select soort, volgnummer, jeugdige, aanbieder, product, toewijzingnummer, hernieuwd, historisch, "
                        + "verzonden, gemeente from signaal order by 2, 3",
                "select jeugdige, reden, datum from overdracht order by 1",
                "select soort, jeugdige, status from termijn order by 1, 2",
                "select s.jeugdige, u.kanaal, u.onderwerp from uitgaand u join signaal s using (signaal_id) "
                        + "order by 1, 2, 3")) {
            assertEquals(rijen(sql), batch.rijen(sql), sql);
        }
        assertEquals(2, rijen("select jeugdige from signaal where volgnummer = 4").size(),
                "each youth's fourth trajectory was signalled");
    }
}
