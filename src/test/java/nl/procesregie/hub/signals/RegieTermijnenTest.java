package nl.procesregie.hub.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Onderdelen;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.it.Berichten;
import nl.procesregie.hub.testinfra.TestClock;
import nl.procesregie.hub.testinfra.TestInstellingen;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * The procesregie deadlines on a real PostgreSQL with an injected clock, without Quartz: what each deadline does when
 * it passes (CONTRACTS.md "Deadlines"), to the second. Quartz's part, waking the hub, is tested on real time in the
 * integration tests.
 */
class RegieTermijnenTest {

    static final String WOERDEN = "0632";
    final TestClock klok = new TestClock(Instant.parse("2026-11-23T08:00:00Z"));
    final DataSource db;
    final Onderdelen hub;
    final Pseudonimisering pseudoniemen = new Pseudonimisering(
            TestInstellingen.PSEUDONIEM_SLEUTEL.getBytes(StandardCharsets.UTF_8));

    RegieTermijnenTest() {
        db = TestPostgres.shared().schemaDatabase();
        hub = TestInstellingen.onderdelen(db, klok);
    }

    void ijw(byte[] xml) throws Exception {
        hub.verwerking().verwerk(List.of(new IjwParser().parse(xml)));
    }

    void melding(String soort, String bsn, String geboortedatum, String route, String moment) throws Exception {
        hub.meldingen().verwerk(RegieBericht.melding(("{\"versie\":1,\"soort\":\"" + soort + "\",\"gemeente\":\""
                + WOERDEN + "\",\"bsn\":\"" + bsn + "\",\"voorletters\":\"A.B.\",\"geboortedatum\":\"" + geboortedatum
                + "\"" + (route == null ? "" : ",\"route\":\"" + route + "\"") + ",\"referentie\":\"Z-1\",\"moment\":\""
                + moment + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    List<String> rijen(String sql) throws SQLException {
        return TestPostgres.rijen(db, sql);
    }

    String termijn(String sleutelBegin) throws SQLException {
        List<String> r = rijen("select vervalt_op || ' ' || status from termijn where sleutel like '" + sleutelBegin
                + "%' order by sleutel");
        assertEquals(1, r.size(), sleutelBegin + ": " + r);
        return r.get(0);
    }

    String sleutel(String begin) throws SQLException {
        return rijen("select sleutel from termijn where sleutel like '" + begin + "%'").get(0);
    }

    @Test
    void aHandoverRemindsAtOneMonthEscalatesAfterWorkingDaysAndClosesAtTwoMonths() throws Exception {
        String bsn = Berichten.bsn(301);
        ijw(Berichten.toewijzing(WOERDEN, "10000001", bsn, LocalDate.of(2026, 11, 2), Berichten.identificatie(), null,
                new Berichten.Product("A1", "45", "45A01")));
        melding("OVERDRACHT", bsn, "2012-05-17", null, "2026-11-02T10:00:00+01:00");

        // A month later at 09:00 Amsterdam; the waakvlam ends two months later whatever the day (a Saturday).
        assertEquals("2026-12-02 08:00:00+00 OPEN", termijn("OPVOLGING|"));
        assertEquals("2027-01-02 08:00:00+00 OPEN", termijn("WAAKVLAM|"));
        assertEquals("2028-05-17 07:00:00+00 OPEN", termijn("LEEFTIJD_16|"), "16th birthday, summer time");
        assertEquals("2029-11-17 08:00:00+00 OPEN", termijn("LEEFTIJD_18|"), "six months before the 18th");

        String herinnering = sleutel("OPVOLGING|");
        klok.set(Instant.parse("2026-12-02T07:59:59Z"));
        assertFalse(hub.termijnAfhandeling().verloop(herinnering), "not a second early");
        klok.set(Instant.parse("2026-12-02T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(herinnering));
        assertFalse(hub.termijnAfhandeling().verloop(herinnering), "once");
        assertEquals(List.of("OPVOLGING procesregie@woerden.example"), rijen("select s.soort || ' ' || u.ontvangers "
                + "from signaal s join uitgaand u using (signaal_id) where u.kanaal = 'MAIL' and s.soort = 'OPVOLGING'"));
        // Five working days after Wednesday 2 December: Wednesday 9 December at the reminder time.
        assertEquals("2026-12-09 08:00:00+00 OPEN", termijn("ESCALATIE|"));

        klok.set(Instant.parse("2026-12-09T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(sleutel("ESCALATIE|")));
        assertEquals(List.of("1 procesregie@woerden.example,jeugdteam@woerden.example"), rijen(
                "select s.volgnummer || ' ' || u.ontvangers from signaal s join uitgaand u using (signaal_id) "
                        + "where u.kanaal = 'MAIL' and s.soort = 'ESCALATIE'"));
        String volgende = rijen("select sleutel from termijn where soort = 'ESCALATIE' and status = 'OPEN'").get(0);
        assertTrue(volgende.endsWith("|1"), volgende);

        String opvolging = rijen("select signaal_id::text from signaal where soort = 'OPVOLGING'").get(0);
        assertEquals(Bevestigingen.Uitkomst.BEVESTIGD, hub.bevestigingen().bevestig(java.util.UUID.fromString(opvolging),
                Actie.CHECK_GEDAAN, "regisseur", klok.instant(), Bevestigingen.Via.KAFKA).uitkomst());
        klok.set(Instant.parse("2026-12-09T08:00:03Z"));
        assertFalse(hub.termijnAfhandeling().verloop(volgende), "the check was done: no second rung");
        assertEquals(1, rijen("select 1 from signaal where soort = 'ESCALATIE'").size());

        klok.set(Instant.parse("2027-01-02T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(sleutel("WAAKVLAM|")));
        assertEquals(List.of("true"), rijen("select (onder_regie_sinds is null and regie_afgesloten_op is not null)::text "
                + "from jeugdige"));
        assertEquals(List.of("LEEFTIJD_16 VERVALLEN", "LEEFTIJD_18 VERVALLEN"), rijen(
                "select soort || ' ' || status from termijn where soort like 'LEEFTIJD%' order by soort"));
    }

    @Test
    void sixteenIsSignalledWithCareRunningEighteenNotWithoutCare() throws Exception {
        String metZorg = Berichten.bsn(302);
        ijw(Berichten.toewijzing(WOERDEN, "10000001", metZorg, LocalDate.of(2026, 11, 20), Berichten.identificatie(),
                null, new Berichten.Product("B1", "45", "45A01")));
        melding("OVERDRACHT", metZorg, "2010-12-01", null, "2026-11-20T10:00:00+01:00");
        String zonderZorg = Berichten.bsn(303);
        melding("OVERDRACHT", zonderZorg, "2009-06-15", null, "2026-11-20T10:00:00+01:00");

        String zestien = "LEEFTIJD_16|" + pseudoniemen.pseudoniem(metZorg);
        String achttien = "LEEFTIJD_18|" + pseudoniemen.pseudoniem(zonderZorg);
        assertEquals("2026-12-01 08:00:00+00 OPEN", termijn(zestien));
        assertEquals("2026-12-15 08:00:00+00 OPEN", termijn(achttien));
        assertEquals(List.of(), rijen("select 1 from termijn where sleutel = 'LEEFTIJD_16|"
                + pseudoniemen.pseudoniem(zonderZorg) + "'"), "a birthday already past sends nothing");

        klok.set(Instant.parse("2026-12-01T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(zestien));
        assertEquals(List.of("LEEFTIJD_16 procesregie@woerden.example"), rijen("select s.soort || ' ' || u.ontvangers "
                + "from signaal s join uitgaand u using (signaal_id) where u.kanaal = 'MAIL'"));
        klok.set(Instant.parse("2026-12-15T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(achttien));
        assertEquals("2026-12-15 08:00:00+00 VERVALLEN", termijn(achttien));
        assertEquals(List.of(), rijen("select 1 from signaal where soort = 'LEEFTIJD_18'"));
    }

    @Test
    void aCrisisFromIjwAndItsMeldingAreOneCrisisAndTheEarliestMomentAndRouteSetTheDeadline() throws Exception {
        String bsn = Berichten.bsn(304);
        // Monday 23 November 09:00: the hub learns of a crisis product; only a date is known, so now counts.
        ijw(Berichten.toewijzing(WOERDEN, "10000009", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), null,
                new Berichten.Product("K1", "46", "46A01")));
        assertEquals("2026-11-24 08:00:00+00 OPEN", termijn("ESCALATIE|"), "24 elapsed hours");

        // Veilig Thuis placed the youth on Saturday 21 November 10:00: its working-day hours start Monday 00:00.
        melding("CRISISPLAATSING", bsn, "2012-05-17", "veilig-thuis", "2026-11-21T10:00:00+01:00");
        assertEquals(List.of("veilig-thuis 2026-11-21 09:00:00+00"), rijen("select route || ' ' || moment from crisis"));
        assertEquals("2026-11-23 23:00:00+00 OPEN", termijn("ESCALATIE|"), "Tuesday 00:00 Amsterdam");
        assertEquals(1, rijen("select 1 from signaal where soort = 'CRISIS'").size(), "one crisis, one signal");

        // The same melding again, and a second allocation of the crisis product, change nothing.
        melding("CRISISPLAATSING", bsn, "2012-05-17", "veilig-thuis", "2026-11-21T10:00:00+01:00");
        ijw(Berichten.toewijzing(WOERDEN, "10000009", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), null,
                new Berichten.Product("K2", "46", "46A01")));
        assertEquals(1, rijen("select 1 from crisis").size());
        assertEquals(1, rijen("select 1 from uitgaand where kanaal = 'MAIL'").size());
    }

    @Test
    void residentialCareIsSignalledOncePerTrajectory() throws Exception {
        String bsn = Berichten.bsn(305);
        ijw(Berichten.toewijzing(WOERDEN, "10000002", bsn, LocalDate.of(2026, 11, 10), Berichten.identificatie(), null,
                new Berichten.Product("P1", "43", "43A03")));
        assertEquals(List.of(), rijen("select 1 from signaal where soort = 'VERBLIJF'"), "pleegzorg is a family setting");
        ijw(Berichten.toewijzing(WOERDEN, "10000003", bsn, LocalDate.of(2026, 11, 20), Berichten.identificatie(), null,
                new Berichten.Product("V1", "43", "43A01")));
        ijw(Berichten.toewijzing(WOERDEN, "10000003", bsn, LocalDate.of(2026, 11, 21), Berichten.identificatie(), null,
                new Berichten.Product("V2", "43", "43A01")));
        assertEquals(List.of("VERBLIJF 10000003 43A01 procesregie@woerden.example"), rijen("select s.soort || ' ' "
                + "|| s.aanbieder || ' ' || s.product || ' ' || u.ontvangers from signaal s join uitgaand u "
                + "using (signaal_id) where u.kanaal = 'MAIL'"));
        assertEquals(List.of("true"), rijen("select (onder_regie_sinds is not null)::text from jeugdige"));
    }

    @Test
    void aCrisisReadAfterItsDeadlineIsDatedByItsDagtekeningAndEscalatesOnceWithoutBurst() throws Exception {
        String bsn = Berichten.bsn(306);
        // A backlog: two crisis allocations of Thursday 19 and Thursday 12 November, read on Monday 23 November.
        ijw(Berichten.toewijzing(WOERDEN, "10000009", bsn, LocalDate.of(2026, 11, 19), Berichten.identificatie(), null,
                new Berichten.Product("K3", "46", "46A01")));
        ijw(Berichten.toewijzing(WOERDEN, "10000010", bsn, LocalDate.of(2026, 11, 12), Berichten.identificatie(), null,
                new Berichten.Product("K4", "46", "46A03")));
        // Each known at the latest by the end of its Dagtekening: a week apart, so two crises, not one.
        assertEquals(List.of("2026-11-12 23:00:00+00 2026-11-13 23:00:00+00",
                "2026-11-19 23:00:00+00 2026-11-20 23:00:00+00"), rijen("select moment || ' ' || termijn from crisis "
                + "order by moment"));
        assertEquals(2, rijen("select 1 from signaal where soort = 'CRISIS'").size());

        List<String> treden = rijen("select sleutel from termijn where soort = 'ESCALATIE' order by vervalt_op");
        assertEquals(2, treden.size());
        for (String trede : treden) {
            assertTrue(hub.termijnAfhandeling().verloop(trede));
        }
        // Days of missed rungs are not sent at once: the next counts from now.
        assertEquals(List.of("2026-11-23 08:00:03+00 OPEN", "2026-11-23 08:00:03+00 OPEN"), rijen(
                "select vervalt_op || ' ' || status from termijn where soort = 'ESCALATIE' and trede = 1"));
        assertEquals(List.of("1", "1"), rijen("select volgnummer::text from signaal where soort = 'ESCALATIE'"));
    }

    @Test
    void aPerspectiveOfferingFosterStartHandsOverAYouthUnderProcesregie() throws Exception {
        String bsn = Berichten.bsn(307);
        Berichten.Product pleegzorg = new Berichten.Product("P5", "43", "43A03");
        ijw(Berichten.start(WOERDEN, "10000002", bsn, LocalDate.of(2026, 11, 18), Berichten.identificatie(), "1",
                pleegzorg, LocalDate.of(2026, 11, 16)));
        assertEquals(List.of(), rijen("select 1 from overdracht"), "not under procesregie: no handover");

        String ander = Berichten.bsn(308);
        ijw(Berichten.toewijzing(WOERDEN, "10000003", ander, LocalDate.of(2026, 11, 10), Berichten.identificatie(),
                null, new Berichten.Product("V5", "43", "43A01")));
        ijw(Berichten.toewijzing(WOERDEN, "10000002", ander, LocalDate.of(2026, 11, 16), Berichten.identificatie(),
                null, new Berichten.Product("P6", "43", "43A03")));
        assertEquals(List.of(), rijen("select 1 from overdracht"), "an allocation is no start");
        ijw(Berichten.start(WOERDEN, "10000002", ander, LocalDate.of(2026, 11, 23), Berichten.identificatie(), "1",
                new Berichten.Product("P6", "43", "43A03"), LocalDate.of(2026, 11, 16)));
        assertEquals(List.of("PLEEGZORG 2026-11-16"), rijen("select reden || ' ' || datum from overdracht"));
        // A month after the start, Wednesday 16 December at 09:00; the waakvlam two months after.
        assertEquals("2026-12-16 08:00:00+00 OPEN", termijn("OPVOLGING|"));
        assertEquals("2027-01-16 08:00:00+00 OPEN", termijn("WAAKVLAM|"));
    }

    @Test
    void theLastStopOfAYouthUnderProcesregieIsAHandover() throws Exception {
        String bsn = Berichten.bsn(309);
        Berichten.Product verblijf = new Berichten.Product("V7", "43", "43A01");
        Berichten.Product ambulant = new Berichten.Product("A7", "45", "45A01");
        ijw(Berichten.toewijzing(WOERDEN, "10000003", bsn, LocalDate.of(2026, 11, 2), Berichten.identificatie(), null,
                verblijf));
        ijw(Berichten.toewijzing(WOERDEN, "10000001", bsn, LocalDate.of(2026, 11, 2), Berichten.identificatie(), null,
                ambulant));
        ijw(Berichten.stop(WOERDEN, "10000003", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), "1",
                verblijf, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 18), "31"));
        assertEquals(List.of(), rijen("select 1 from overdracht"), "the ambulant care still runs");

        ijw(Berichten.stop(WOERDEN, "10000001", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), "1",
                ambulant, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20), "31"));
        assertEquals(List.of("ZORG_BEEINDIGD 2026-11-20"), rijen("select reden || ' ' || datum from overdracht"));
        // 20 December is a Sunday: the check moves to Monday 21 December.
        assertEquals("2026-12-21 08:00:00+00 OPEN", termijn("OPVOLGING|"));
    }

    @Test
    void aCrisisDuringTheWaakvlamKeepsItsDeadlineAndTheHandoverCloses() throws Exception {
        String bsn = Berichten.bsn(310);
        melding("OVERDRACHT", bsn, "2012-05-17", null, "2026-11-02T10:00:00+01:00");
        // New Year's evening, the night before the waakvlam would end: a crisis placement.
        klok.set(Instant.parse("2027-01-01T19:00:00Z"));
        melding("CRISISPLAATSING", bsn, "2012-05-17", "lokale-toegang", "2027-01-01T20:00:00+01:00");
        assertEquals(List.of("true"), rijen("select (afgesloten_op is not null)::text from overdracht"),
                "the handover did not hold");

        klok.set(Instant.parse("2027-01-02T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(sleutel("WAAKVLAM|")));
        assertEquals("2027-01-02 08:00:00+00 VERVALLEN", termijn("WAAKVLAM|"));
        assertEquals(List.of("true"), rijen("select (onder_regie_sinds is not null)::text from jeugdige"),
                "still under procesregie");
        assertEquals("2027-01-02 19:00:00+00 OPEN", termijn("ESCALATIE|"), "the Ronde Tafel deadline stands");
    }

    @Test
    void afgeslotenEndsProcesregieAndEveryOpenDeadlineLapses() throws Exception {
        String bsn = Berichten.bsn(311);
        ijw(Berichten.toewijzing(WOERDEN, "10000009", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), null,
                new Berichten.Product("K5", "46", "46A01")));
        String crisis = rijen("select signaal_id::text from signaal where soort = 'CRISIS'").get(0);
        assertEquals(1, rijen("select 1 from termijn where status = 'OPEN' and soort = 'ESCALATIE'").size());

        assertEquals(Bevestigingen.Uitkomst.BEVESTIGD, hub.bevestigingen().bevestig(java.util.UUID.fromString(crisis),
                Actie.AFGESLOTEN, "regisseur", klok.instant(), Bevestigingen.Via.KAFKA).uitkomst());
        assertEquals(List.of("true"), rijen("select (onder_regie_sinds is null and regie_afgesloten_op is not null)::text "
                + "from jeugdige"));
        assertEquals(List.of(), rijen("select sleutel from termijn where status = 'OPEN'"));
        klok.set(Instant.parse("2026-11-24T08:00:00Z"));
        assertFalse(hub.termijnAfhandeling().verloop(sleutel("ESCALATIE|")), "a lapsed deadline does nothing");
        assertEquals(List.of(), rijen("select 1 from signaal where soort = 'ESCALATIE'"));
    }

    @Test
    void theCatchUpRoundHandlesWhatTheSchedulerLeftOverdueOnce() throws Exception {
        String bsn = Berichten.bsn(312);
        ijw(Berichten.toewijzing(WOERDEN, "10000009", bsn, LocalDate.of(2026, 11, 23), Berichten.identificatie(), null,
                new Berichten.Product("K6", "46", "46A01")));
        // Due Tuesday 08:00; within the margin the scheduler is still trusted to fire it.
        klok.set(Instant.parse("2026-11-24T08:00:10Z"));
        assertEquals(0, hub.termijnAfhandeling().haalIn());
        klok.set(Instant.parse("2026-11-24T08:05:00Z"));
        assertEquals(1, hub.termijnAfhandeling().haalIn());
        assertEquals(0, hub.termijnAfhandeling().haalIn(), "once");
        assertEquals(List.of("1"), rijen("select volgnummer::text from signaal where soort = 'ESCALATIE'"));
    }

    @Test
    void aReminderSentLateLeavesTheWorkingDaysFromWhenItCame() throws Exception {
        String bsn = Berichten.bsn(313);
        melding("OVERDRACHT", bsn, "2012-05-17", null, "2026-11-02T10:00:00+01:00");
        // The reminder was due Wednesday 2 December; the hub was down until Monday 14 December.
        klok.set(Instant.parse("2026-12-14T08:00:00Z"));
        assertTrue(hub.termijnAfhandeling().verloop(sleutel("OPVOLGING|")));
        // Five working days from the Monday it came, not from 2 December (which would escalate at once).
        assertEquals("2026-12-21 08:00:00+00 OPEN", termijn("ESCALATIE|"));
    }
}
