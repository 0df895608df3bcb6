package nl.procesregie.hub.testinfra;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay in front of a {@link TestSmtp} that can fall silent at the worst moment: it passes a message's data on, the
 * server takes the mail, and the server's answer to the end of the data never reaches the sender. The sender times
 * out not knowing whether the mail arrived, the ambiguous failure after which a mail must go again (as a re-send
 * with the same Message-ID), never be dropped.
 */
public final class StilvallendeSmtp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StilvallendeSmtp.class);

    private final ServerSocket luisteraar;
    private final TestSmtp doel;
    private final AtomicInteger nogTeVerzwijgen = new AtomicInteger();
    private final Set<String> verzwegen = ConcurrentHashMap.newKeySet();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private StilvallendeSmtp(ServerSocket luisteraar, TestSmtp doel) {
        this.luisteraar = luisteraar;
        this.doel = doel;
    }

    public static StilvallendeSmtp voor(TestSmtp doel) throws IOException {
        StilvallendeSmtp relay = new StilvallendeSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), doel);
        Thread t = new Thread(relay::aanvaard, "stilvallende-smtp");
        t.setDaemon(true);
        t.start();
        return relay;
    }

    public String host() {
        return luisteraar.getInetAddress().getHostAddress();
    }

    public int port() {
        return luisteraar.getLocalPort();
    }

    /**
     * The next {@code aantal} different mails reach the server, but their senders never hear that they did; a mail
     * sent again after that goes through, so each silence is exactly one ambiguous attempt.
     */
    public void verzwijg(int aantal) {
        nogTeVerzwijgen.addAndGet(aantal);
    }

    /** The Message-IDs of the mails the server took while the sender heard nothing. */
    public Set<String> verzwegen() {
        return Set.copyOf(verzwegen);
    }

    private void aanvaard() {
        while (!luisteraar.isClosed()) {
            Socket afzender;
            try {
                afzender = luisteraar.accept();
            } catch (IOException e) {
                if (!luisteraar.isClosed()) {
                    LOG.warn("Stilvallende SMTP: aannemen mislukt: {}", e.toString());
                }
                continue;
            }
            open.add(afzender);
            try {
                Socket server = new Socket(doel.host(), doel.port());
                open.add(server);
                Sessie sessie = new Sessie();
                draad(() -> sessie.naarServer(new BufferedInputStream(afzender.getInputStream()),
                        server.getOutputStream()));
                draad(() -> sessie.naarAfzender(new BufferedInputStream(server.getInputStream()),
                        afzender.getOutputStream()));
            } catch (IOException e) {
                // The server is down: the sender sees its connection closed, as with a relay that cannot forward.
                LOG.warn("Stilvallende SMTP: de server is onbereikbaar: {}", e.toString());
                sluit(afzender);
            }
        }
    }

    private static void draad(IoWerk werk) {
        Thread t = new Thread(() -> {
            try {
                werk.doe();
            } catch (IOException e) {
                // One side closed the connection: the session is over.
            }
        }, "stilvallende-smtp-sessie");
        t.setDaemon(true);
        t.start();
    }

    @FunctionalInterface
    private interface IoWerk {
        void doe() throws IOException;
    }

    /** One connection, read line by line in both directions; SMTP answers each command in turn. */
    private final class Sessie {
        private volatile boolean inData;
        private volatile boolean dataAfgesloten;
        private volatile String messageId;

        void naarServer(InputStream in, OutputStream uit) throws IOException {
            for (byte[] regel = regel(in); regel != null; regel = regel(in)) {
                String tekst = new String(regel, StandardCharsets.US_ASCII).strip();
                if (inData && tekst.equals(".")) {
                    inData = false;
                    // Set before the line goes on: the server can only answer it after reading it.
                    dataAfgesloten = true;
                } else if (inData && messageId == null && tekst.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messageId = tekst.substring(11).strip();
                } else if (!inData && tekst.equalsIgnoreCase("DATA")) {
                    inData = true;
                    messageId = null;
                }
                uit.write(regel);
                uit.flush();
            }
            uit.close();
        }

        void naarAfzender(InputStream in, OutputStream uit) throws IOException {
            for (byte[] regel = regel(in); regel != null; regel = regel(in)) {
                if (dataAfgesloten) {
                    dataAfgesloten = false;
                    if (messageId != null && !verzwegen.contains(messageId)
                            && nogTeVerzwijgen.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        verzwegen.add(messageId);
                        LOG.info("Stilvallende SMTP: de server nam een mail aan; de afzender hoort het niet");
                        // Silent from here on: the sender waits for an answer until its own time-out.
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                }
                uit.write(regel);
                uit.flush();
            }
            uit.close();
        }
    }

    /** A line with its CRLF, or null at the end of the stream. */
    private static byte[] regel(InputStream in) throws IOException {
        ByteArrayOutputStream regel = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            regel.write(b);
            if (b == '\n') {
                return regel.toByteArray();
            }
        }
        return regel.size() == 0 ? null : regel.toByteArray();
    }

    private static void sluit(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a socket that failed halfway: nothing more to undo.
            }
        }
    }

    @Override
    public void close() throws IOException {
        luisteraar.close();
        open.forEach(StilvallendeSmtp::sluit);
    }
}
