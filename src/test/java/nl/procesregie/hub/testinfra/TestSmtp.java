package nl.procesregie.hub.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real in-process SMTP server (GreenMail) on a free loopback port. It accepts mail for any recipient and keeps
 * one copy per recipient, except for domains named in {@link #rejectRecipientsAt}, whose recipients it refuses
 * permanently, as a relay refuses an unknown mailbox. {@link #stop()} and {@link #restart()} simulate an outage on
 * the same port; mail accepted before the outage stays visible in {@link #received()}.
 */
public final class TestSmtp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSmtp.class);

    private static final String HOST = "127.0.0.1";
    private static final Duration POLL_SLICE = Duration.ofMillis(20);

    private final int port;
    private final Set<String> rejectedDomains;
    private final List<MimeMessage> receivedBeforeRestart = new ArrayList<>();
    private GreenMail server;

    private TestSmtp(GreenMail server, Set<String> rejectedDomains) {
        this.server = server;
        this.port = server.getSmtp().getPort();
        this.rejectedDomains = rejectedDomains;
    }

    /** Starts a server on a port chosen by the operating system. */
    public static TestSmtp start() {
        long startNanos = System.nanoTime();
        Set<String> rejectedDomains = ConcurrentHashMap.newKeySet();
        TestSmtp smtp = new TestSmtp(launch(0, rejectedDomains), rejectedDomains);
        LOG.info("SMTP server ready on {}:{} in {} ms", HOST, smtp.port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return smtp;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** From now on, RCPT TO for any address at {@code domain} is answered with 550 (mailbox unavailable). */
    public void rejectRecipientsAt(String domain) {
        rejectedDomains.add(domain.toLowerCase(Locale.ROOT));
    }

    /** Every message accepted since start or the last {@link #reset()}, in arrival order. */
    public synchronized MimeMessage[] received() {
        List<MimeMessage> all = new ArrayList<>(receivedBeforeRestart);
        if (server != null) {
            all.addAll(List.of(server.getReceivedMessages()));
        }
        return all.toArray(new MimeMessage[0]);
    }

    /**
     * Waits until at least {@code count} messages were accepted and returns all of them, so callers can also assert
     * that no extra mail was sent.
     */
    public List<MimeMessage> waitForMessages(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MimeMessage[] messages = received();
            if (messages.length >= count) {
                return List.of(messages);
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("Expected " + count + " mail message(s) on SMTP port " + port + " within "
                        + timeout + " but received " + messages.length);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(POLL_SLICE.toNanos(), deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mail", e);
            }
        }
    }

    /** Forgets all received mail; the server keeps running. */
    public synchronized void reset() {
        receivedBeforeRestart.clear();
        if (server == null) {
            return;
        }
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not purge GreenMail mailboxes", e);
        }
    }

    /** Closes the port: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        // GreenMail drops its mailboxes on stop; keep what was accepted so the test still sees it.
        receivedBeforeRestart.addAll(List.of(server.getReceivedMessages()));
        server.stop();
        server = null;
    }

    /** Starts the server again on the same port (after {@link #stop()}, or as a bounce when running). */
    public synchronized void restart() {
        stop();
        server = launch(port, rejectedDomains);
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private static GreenMail launch(int port, Set<String> rejectedDomains) {
        GreenMail server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP)) {
            @Override
            protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
                return super.createServices(config, new RejectingManagers(managers, rejectedDomains));
            }
        };
        server.start();
        return server;
    }

    /**
     * GreenMail's SMTP server asks its manager about every recipient; this one refuses the rejected domains and
     * delivers everything else to the server's own mailboxes, where {@link #received()} finds it.
     */
    private static final class RejectingManagers extends Managers {
        private final Managers delegate;
        private final SmtpManager smtpManager;

        RejectingManagers(Managers delegate, Set<String> rejectedDomains) {
            this.delegate = delegate;
            this.smtpManager = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    return rejectedDomains.contains(recipient.getHost().toLowerCase(Locale.ROOT))
                            ? "550 5.1.1 Mailbox unavailable" : super.checkRecipient(state, recipient);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtpManager;
        }

        @Override
        public UserManager getUserManager() {
            return delegate.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delegate.getImapHostManager();
        }
    }
}
