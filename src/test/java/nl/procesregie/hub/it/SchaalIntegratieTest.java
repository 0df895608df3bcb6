package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.KindHub;
import nl.procesregie.hub.testinfra.KindProces;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * Two hub instances in one consumer group, each in a JVM of its own, on four partitions. Every youth's four
 * allocations go to four different partitions, so both instances handle each youth at the same time; one instance is
 * killed with -9 halfway through and started again. Each youth must get exactly one signal: one event, one mail, one
 * Message-ID, whichever instance saw which message. A mail or event the kill caught between sending and recording
 * goes again with the same Message-ID or signal id (a re-send, CONTRACTS.md "Delivery"); the test prints how many.
 */
class SchaalIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(120);
    static final int PARTITIES = 4;
    static final int JEUGDIGEN = 24;
    static final String GROEP = "schaal";

    final HubOmgeving omgeving = new HubOmgeving(TestPostgres.shared(), PARTITIES);
    final Map<String, Process> hubs = new HashMap<>();
    Path data;

    @AfterEach
    void stop() {
        hubs.values().forEach(Process::destroyForcibly);
        omgeving.close();
    }

    int startHub(String naam) throws IOException {
        int poort = KindProces.vrijePoort();
        Map<String, String> env = omgeving.instellingen(GROEP);
        env.put("HUB_HTTP_PORT", String.valueOf(poort));
        env.put("HUB_BASIS_URL", "http://localhost:" + poort);
        env.put("HUB_DATA_DIR", data.resolve(naam).toString());
        // A killed instance's partitions move after this, not after the default 45 s.
        env.put("HUB_KAFKA_SESSION_TIMEOUT", "PT6S");
        hubs.put(naam, KindHub.start(naam, env, data));
        return poort;
    }

    /** Trajectory {@code traject} (1–4) of youth {@code j}, on its own partition. */
    void stuur(int j, int traject) {
        omgeving.kafka.send(omgeving.toewijzingen, (j + traject) % PARTITIES, Berichten.toewijzing("0632",
                "7000000" + traject, Berichten.bsn(500 + j), LocalDate.now(), Berichten.identificatie(), null,
                new Product("S" + j + "-" + traject, "45", "45A2" + traject)));
    }

    @Test
    void twoInstancesGiveEachYouthOneSignalAndAKilledOneLosesAndDoublesNothing() throws Exception {
        data = Files.createTempDirectory("hub-schaal");
        int a = startHub("a");
        int b = startHub("b");
        HubOmgeving.wachtTot("beide hubs gezond", WACHT, () -> KindHub.gezond(a) && KindHub.gezond(b));
        HubOmgeving.wachtTot("de partities verdeeld over beide", WACHT, () -> {
            List<Set<Integer>> leden = omgeving.kafka.groupMembers(GROEP, omgeving.toewijzingen);
            return leden.size() == 2 && leden.stream().noneMatch(Set::isEmpty);
        });

        // Round by round, so the instances work on the same youths at the same moment.
        int helft = JEUGDIGEN / 2;
        for (int traject = 1; traject <= 4; traject++) {
            for (int j = 0; j < helft; j++) {
                stuur(j, traject);
            }
        }
        for (int traject = 1; traject <= 2; traject++) {
            for (int j = helft; j < JEUGDIGEN; j++) {
                stuur(j, traject);
            }
        }
        hubs.get("a").destroyForcibly().waitFor();
        for (int traject = 3; traject <= 4; traject++) {
            for (int j = helft; j < JEUGDIGEN; j++) {
                stuur(j, traject);
            }
        }
        int a2 = startHub("a");
        HubOmgeving.wachtTot("de herstarte hub gezond", WACHT, () -> KindHub.gezond(a2));

        HubOmgeving.wachtTot("alles verwerkt", WACHT, () -> IntStream.range(0, PARTITIES).allMatch(p ->
                omgeving.kafka.committedOffset(GROEP, omgeving.toewijzingen, p)
                        >= omgeving.kafka.endOffset(omgeving.toewijzingen, p)));
        HubOmgeving.wachtTot("outbox leeg", WACHT, () -> omgeving.tel("select count(*) from uitgaand "
                + "where status = 'WACHTEND'") == 0);

        assertEquals(JEUGDIGEN, omgeving.tel("select count(*) from signaal where soort = 'VIERDE_TRAJECT'"));
        assertEquals(JEUGDIGEN, omgeving.tel("select count(distinct jeugdige) from signaal"), "one signal per youth");
        assertEquals(4L * JEUGDIGEN, omgeving.tel("select count(*) from traject"));

        List<MimeMessage> mails = omgeving.smtp.waitForMessages(JEUGDIGEN, WACHT);
        Set<String> messageIds = mails.stream().map(SchaalIntegratieTest::messageId).collect(Collectors.toSet());
        assertEquals(JEUGDIGEN, messageIds.size(), "one Message-ID per signal");
        List<ConsumerRecord<byte[], byte[]>> events = omgeving.kafka.readAll(omgeving.signalen,
                (int) omgeving.kafka.endOffset(omgeving.signalen, 0), WACHT);
        Set<String> signalen = events.stream().map(r -> signaalId(new String(r.value(), StandardCharsets.UTF_8)))
                .collect(Collectors.toSet());
        assertEquals(JEUGDIGEN, signalen.size(), "one event per signal");
        System.out.printf("Schaal: %d jeugdigen over %d partities en 2 instanties (één met kill -9 herstart): "
                + "%d signalen, %d mails (%d herzonden), %d events (%d dubbel)%n", JEUGDIGEN, PARTITIES,
                omgeving.tel("select count(*) from signaal"), mails.size(), mails.size() - messageIds.size(),
                events.size(), events.size() - signalen.size());
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signaalId(String event) {
        int i = event.indexOf("\"signaalId\":\"") + 13;
        return event.substring(i, event.indexOf('"', i));
    }
}
