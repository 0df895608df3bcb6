package nl.procesregie.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.procesregie.hub.app.Hub;
import nl.procesregie.hub.it.Berichten.Product;
import nl.procesregie.hub.testinfra.TestPostgres;

/**
 * CONTRACTS.md "Delivery": offsets are committed only after the database transaction, and a crash between the two
 * neither loses a record nor sends anything twice.
 */
class AfleveringIntegratieTest {

    static final Duration WACHT = Duration.ofSeconds(60);
    HubOmgeving omgeving;
    TestPostgres postgres;

    @AfterEach
    void opruimen() {
        if (omgeving != null) {
            omgeving.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }


    @Test
    void failedTransactionCommitsNoOffsetAndTheRecordIsProcessedAfterRestart() throws Exception {
        postgres = TestPostgres.dedicated();
        omgeving = new HubOmgeving(postgres);
        Hub hub = omgeving.start("aflevering-a");
        postgres.stop();

        omgeving.vierTrajecten(Berichten.bsn(60), "A");
        HubOmgeving.wachtTot("de hub merkt de storing", WACHT, () -> hub.consumer().heeftStoring());
        assertTrue(omgeving.kafka.committedOffset("aflevering-a", omgeving.toewijzingen, 0) <= 0,
                "nothing is committed while the transaction cannot commit");
        omgeving.stop(hub);
        assertEquals(0, omgeving.smtp.received().length);

        postgres.start();
        omgeving.start("aflevering-a");
        omgeving.wachtTotVerwerkt("aflevering-a", WACHT);
        omgeving.smtp.waitForMessages(1, WACHT);
        assertEquals(4, omgeving.tel("select count(*) from toewijzing"), "every record was processed after the restart");
        assertEquals(1, omgeving.tel("select count(*) from signaal"));
    }

    @Test
    void crashBetweenDatabaseCommitAndOffsetCommitSendsNothingTwice() throws Exception {
        omgeving = new HubOmgeving();
        Hub hub = omgeving.start("aflevering-b");
        // The consumer dies right after the transaction that recorded the signal, before its offsets are committed.
        hub.consumer().setVoorOffsetCommit(() -> {
            if (omgeving.tel("select count(*) from signaal") > 0) {
                throw new Error("gesimuleerde crash tussen database-commit en offset-commit");
            }
        });
        omgeving.vierTrajecten(Berichten.bsn(61), "B");
        HubOmgeving.wachtTot("de consumer is gestopt", WACHT, () -> hub.consumer().heeftStoring());
        assertTrue(omgeving.kafka.committedOffset("aflevering-b", omgeving.toewijzingen, 0) < 4,
                "the batch with the signal was not committed");
        omgeving.smtp.waitForMessages(1, WACHT);
        omgeving.stop(hub);

        omgeving.start("aflevering-b");
        omgeving.wachtTotVerwerkt("aflevering-b", WACHT);
        HubOmgeving.wachtTot("outbox leeg", WACHT,
                () -> omgeving.tel("select count(*) from uitgaand where verzonden_op is null") == 0);
        assertEquals(1, omgeving.smtp.received().length, "no second mail");
        assertEquals(1, omgeving.tel("select count(*) from signaal"), "no second signal");
        assertEquals(1, omgeving.kafka.endOffset(omgeving.signalen, 0), "no second event");
    }

    @Test
    void restartMidStreamLosesNothingAndDoublesNothing() throws Exception {
        omgeving = new HubOmgeving();
        int jeugdigen = 30;
        for (int j = 0; j < jeugdigen; j++) {
            String bsn = Berichten.bsn(100 + j);
            for (int i = 1; i <= 5; i++) {
                omgeving.kafka.send(omgeving.toewijzingen, Berichten.toewijzing("0632", "5000000" + i, bsn,
                        LocalDate.now(), Berichten.identificatie(), null, new Product("R" + j + "-" + i, "45", "45A3" + i)));
            }
        }
        // Small polls, so that the hub is stopped between batches with part of the stream done.
        Map<String, String> instellingen = omgeving.instellingen("aflevering-c");
        instellingen.put("HUB_KAFKA_MAX_POLL_RECORDS", "10");
        Hub hub = omgeving.start(instellingen);
        HubOmgeving.wachtTot("een deel verwerkt", WACHT, () -> omgeving.tel("select count(*) from signaal") >= 5);
        omgeving.stop(hub);
        long halverwege = omgeving.tel("select count(*) from signaal");
        assertTrue(halverwege < jeugdigen * 2, "stopped mid-stream, after " + halverwege + " signals");

        omgeving.start(instellingen);
        omgeving.wachtTotVerwerkt("aflevering-c", WACHT);
        int verwacht = jeugdigen * 2;
        omgeving.smtp.waitForMessages(verwacht, WACHT);
        HubOmgeving.wachtTot("outbox leeg", WACHT,
                () -> omgeving.tel("select count(*) from uitgaand where verzonden_op is null") == 0);
        MimeMessage[] mails = omgeving.smtp.received();
        Set<String> ids = Arrays.stream(mails).map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
        System.out.println("Herstart na " + halverwege + " van " + verwacht + " signalen");
        assertEquals(verwacht, mails.length, "a VIERDE_TRAJECT and a VERVOLG_TRAJECT mail per youth");
        assertEquals(verwacht, ids.size(), "each with its own Message-ID");
        assertEquals(verwacht, omgeving.tel("select count(*) from signaal"));
    }
}
