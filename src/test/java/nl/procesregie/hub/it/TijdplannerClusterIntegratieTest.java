package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.testinfra.KindHub;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.timers.Termijnplanning;

/**
 * Two hub instances on one database, each in a JVM of its own (two Quartz schedulers in one JVM are one scheduler).
 * The instance that took the escalation's trigger is killed with -9 before the deadline: the other takes the trigger
 * over, and every rung of the ladder still goes out exactly once.
 */
class TijdplannerClusterIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(90);
    final HubOmgeving omgeving = new HubOmgeving();
    final List<Process> hubs = new ArrayList<>();

    @AfterEach
    void stop() {
        hubs.forEach(Process::destroyForcibly);
        omgeving.close();
    }

    Process startHub(String naam, int poort, Path data) throws IOException {
        Map<String, String> env = omgeving.instellingen("cluster");
        env.put("HUB_HTTP_PORT", String.valueOf(poort));
        env.put("HUB_BASIS_URL", "http://localhost:" + poort);
        env.put("HUB_DATA_DIR", data.resolve(naam).toString());
        env.put("HUB_PSEUDONIEM_SLEUTEL", "de-pseudoniemsleutel-van-het-clustertest");
        // A dead instance's triggers move after a missed check-in or two: seconds, not the default 7.5 s each.
        env.put("HUB_TIJDPLANNER_INCHECKEN", "PT1S");
        Process p = KindHub.start(naam, env, data);
        hubs.add(p);
        return p;
    }

    @Test
    void killingTheInstanceHoldingTheTriggerStillSendsEachRungOnce() throws Exception {
        Path data = Files.createTempDirectory("hub-cluster");
        int poortA = KindProces.vrijePoort();
        int poortB = KindProces.vrijePoort();
        Process a = startHub("a", poortA, data);
        Process b = startHub("b", poortB, data);
        HubOmgeving.wachtTot("beide hubs gezond", WACHT,
                () -> KindHub.gezond(poortA) && KindHub.gezond(poortB));

        String bsn = Berichten.bsn(201);
        Instant termijn = Instant.now().plus(Duration.ofSeconds(12));
        omgeving.kafka.send(omgeving.meldingen, Regieberichten.crisis("0632", bsn, "lokale-toegang",
                termijn.minus(Duration.ofHours(24)), "CLUSTER-1"));
        HubOmgeving.wachtTot("crisis vastgelegd", WACHT,
                () -> omgeving.tel("select count(*) from crisis where referentie = 'CLUSTER-1'") == 1);
        UUID crisis = UUID.fromString(TermijnIntegratieTest.TestRij.tekst(omgeving,
                "select signaal_id::text from crisis where referentie = ?", "CLUSTER-1"));
        String trigger = "ESCALATIE|" + crisis + "|0";

        // Quartz acquires a trigger shortly before it is due; the instance that holds it is the one to kill.
        HubOmgeving.wachtTot("trigger in handen van een instantie", WACHT, () -> omgeving.tel(
                "select count(*) from qrtz_fired_triggers where trigger_name = '" + trigger + "'") == 1);
        String houder = TermijnIntegratieTest.TestRij.tekst(omgeving,
                "select instance_name from qrtz_fired_triggers where trigger_name = ?", trigger);
        Process slachtoffer = logVan(data, "a").contains(houder) ? a : b;
        assertTrue(Instant.now().isBefore(termijn), "killed before the deadline");
        slachtoffer.destroyForcibly().waitFor();

        UUID[] treden = {escalatie(crisis, 0), escalatie(crisis, 1), escalatie(crisis, 2)};
        for (UUID trede : treden) {
            HubOmgeving.wachtTot("mail voor " + trede, WACHT, () -> TermijnIntegratieTest.mailsIn(omgeving, trede) > 0);
        }
        Instant eerste = TermijnIntegratieTest.TestRij.moment(omgeving,
                "select tijdstip from signaal where signaal_id = ?", treden[0]);
        Duration vertraging = Duration.between(termijn, eerste);
        System.out.println("Gemeten termijn → escalatie na kill -9 van de houder: " + vertraging.toMillis() + " ms");
        // The catch-up round only takes deadlines older than its margin: sooner means Quartz recovered the trigger.
        assertTrue(vertraging.compareTo(Termijnplanning.inhaalmarge(Duration.ofSeconds(1))) < 0,
                "the surviving instance fired it: " + vertraging);
        HubOmgeving.wachtTot("mail voor trede 4", WACHT,
                () -> TermijnIntegratieTest.mailsIn(omgeving, escalatie(crisis, 3)) > 0);
        for (UUID trede : treden) {
            assertEquals(1, TermijnIntegratieTest.verzonden(omgeving, trede), "rung " + trede + " once");
        }
        assertEquals(1, omgeving.tel("select count(*) from termijn where signaal_id = '" + crisis
                + "' and status = 'OPEN'"));
    }

    static UUID escalatie(UUID crisis, int trede) {
        return TermijnIntegratieTest.escalatie(crisis, trede);
    }

    static String logVan(Path data, String naam) throws IOException {
        return Files.readString(data.resolve(naam + ".log"), StandardCharsets.UTF_8);
    }
}
