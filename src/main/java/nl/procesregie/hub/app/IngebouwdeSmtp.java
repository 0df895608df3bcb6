package nl.procesregie.hub.app;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server inside the hub's JVM, for demo mode: the hub sends over SMTP exactly as in production, and what
 * arrives here is kept in the {@link MailArchief}.
 */
public final class IngebouwdeSmtp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngebouwdeSmtp.class);

    private final GreenMail server;
    private final MailArchief archief;
    private final int poort;

    private IngebouwdeSmtp(GreenMail server, MailArchief archief, int poort) {
        this.server = server;
        this.archief = archief;
        this.poort = poort;
    }

    /** @param poort 0 picks a free port */
    public static IngebouwdeSmtp start(int poort, MailArchief archief) throws IOException {
        int gekozen = poort == 0 ? IngebouwdeKafka.vrijePoort() : poort;
        GreenMail server = new GreenMail(new ServerSetup(gekozen, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LOG.info("Ingebouwde SMTP-server luistert op 127.0.0.1:{}; mail wordt bewaard in {}", gekozen, archief.map());
        return new IngebouwdeSmtp(server, archief, gekozen);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int poort() {
        return poort;
    }

    /** Moves what arrived into the archive; called on a timer by the demo's mail route. */
    public int archiveer() throws IOException, MessagingException {
        int nieuw = 0;
        for (MimeMessage mail : server.getReceivedMessages()) {
            if (archief.bewaar(mail)) {
                nieuw++;
            }
        }
        return nieuw;
    }

    @Override
    public void close() {
        server.stop();
    }
}
