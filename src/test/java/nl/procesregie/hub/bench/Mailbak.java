package nl.procesregie.hub.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.subethamail.smtp.server.SMTPServer;

import nl.procesregie.hub.testinfra.KindProces;

/**
 * An SMTP sink in a process of its own, as a relay is outside the hub's: it takes every mail and writes the moment it
 * arrived with its Message-ID to a file, one line each, so a benchmark can tell when each signal's mail arrived.
 */
final class Mailbak implements AutoCloseable {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final Process proces;
    private final int poort;
    private final Path aankomsten;

    private Mailbak(Process proces, int poort, Path aankomsten) {
        this.proces = proces;
        this.poort = poort;
        this.aankomsten = aankomsten;
    }

    static Mailbak start(Path map) throws IOException {
        int poort = KindProces.vrijePoort();
        Path aankomsten = map.resolve("mail-aankomsten.txt");
        Files.deleteIfExists(aankomsten);
        Files.createFile(aankomsten);
        Process p = KindProces.start(Mailbak.class, "mailbak", List.of("-Xmx128m"), Map.of(), map,
                String.valueOf(poort), aankomsten.toString());
        // Listening before the hub starts: a first mail must not meet a closed port and wait for its retry.
        long einde = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", poort)) {
                return new Mailbak(p, poort, aankomsten);
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > einde) {
                    p.destroyForcibly();
                    throw new IOException("De mailbak luistert niet; zie " + map.resolve("mailbak.log"), e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    int poort() {
        return poort;
    }

    /** Per Message-ID the moment (epoch ms) its first copy arrived. */
    Map<String, Long> aankomsten() throws IOException {
        Map<String, Long> perId = new HashMap<>();
        for (String regel : Files.readAllLines(aankomsten, StandardCharsets.UTF_8)) {
            String[] delen = regel.split(" ", 2);
            if (delen.length == 2) {
                perId.putIfAbsent(delen[1], Long.parseLong(delen[0]));
            }
        }
        return perId;
    }

    @Override
    public void close() throws InterruptedException {
        proces.destroyForcibly().waitFor();
    }

    public static void main(String[] args) throws Exception {
        PrintWriter uit = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND), true);
        SMTPServer server = SMTPServer.port(Integer.parseInt(args[0]))
                .messageHandler((context, van, aan, data) -> {
                    long nu = System.currentTimeMillis();
                    Matcher m = MESSAGE_ID.matcher(new String(data, StandardCharsets.UTF_8));
                    synchronized (uit) {
                        uit.println(nu + " " + (m.find() ? m.group(1) : "-"));
                    }
                })
                .build();
        server.start();
        new CountDownLatch(1).await();
    }
}
