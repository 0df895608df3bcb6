package nl.procesregie.hub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the hub's time went, from a flight recording: what its threads computed (Java samples, by package and by
 * method) and what the consumer thread, which does the work, waited on (native samples inside the PostgreSQL driver
 * or the Kafka client).
 */
final class Profiel {

    static final String CONSUMER = "ijw-consumer";
    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    private Profiel() {
    }

    static List<String> samenvatting(Path opname, int top) throws IOException {
        Map<String, Long> perMethode = new HashMap<>();
        Map<String, Long> perPakket = new HashMap<>();
        Map<String, Long> perDraad = new HashMap<>();
        Map<String, Long> consumer = new HashMap<>();
        // Event by event: a long replay's recording does not fit in memory at once.
        try (RecordingFile opnameBestand = new RecordingFile(opname)) {
            while (opnameBestand.hasMoreEvents()) {
                telMee(opnameBestand.readEvent(), perMethode, perPakket, perDraad, consumer);
            }
        }
        long java = perDraad.values().stream().mapToLong(Long::longValue).sum();
        List<String> regels = new ArrayList<>();
        long totaal = Math.max(1, java);
        regels.add(String.format(NL, "Profiel van de replay (JFR): %d rekenmonsters; per pakket %s", java,
                aandelen(perPakket, totaal, 8)));
        regels.add("Profiel per draad: " + aandelen(perDraad, totaal, 6));
        long c = Math.max(1, consumer.values().stream().mapToLong(Long::longValue).sum());
        regels.add("De consumerdraad (" + CONSUMER + "), die de berichten verwerkt: " + aandelen(consumer, c, 5));
        regels.add("Drukste methoden (eigen tijd): " + aandelen(perMethode, totaal, top));
        return regels;
    }

    private static void telMee(RecordedEvent e, Map<String, Long> perMethode, Map<String, Long> perPakket,
                               Map<String, Long> perDraad, Map<String, Long> consumer) {
        String soort = e.getEventType().getName();
        boolean rekent = soort.equals("jdk.ExecutionSample");
        if (!rekent && !soort.equals("jdk.NativeMethodSample") || e.getStackTrace() == null
                || e.getStackTrace().getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        String draad = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
        if (draad != null && draad.equals(CONSUMER)) {
            consumer.merge(rekent ? "rekent" : wachtOp(frames), 1L, Long::sum);
        }
        if (!rekent) {
            return;
        }
        String type = frames.get(0).getMethod().getType().getName();
        perMethode.merge(type + "." + frames.get(0).getMethod().getName(), 1L, Long::sum);
        perPakket.merge(pakket(type), 1L, Long::sum);
        perDraad.merge(draad == null ? "?" : draad.replaceAll("\\d+", "#"), 1L, Long::sum);
    }

    /** What a thread in native code waits on: the driver or client whose frame is nearest the top. */
    private static String wachtOp(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("org.postgresql")) {
                return "wacht op PostgreSQL";
            }
            if (type.startsWith("org.apache.kafka")) {
                return "wacht op Kafka";
            }
        }
        return "wacht (overig)";
    }

    private static String pakket(String type) {
        String[] delen = type.split("\\.");
        return delen.length < 3 ? type : delen[0] + "." + delen[1] + (delen[0].equals("nl") || delen[0].equals("com")
                || delen[0].equals("org") ? "." + delen[2] : "");
    }

    private static String aandelen(Map<String, Long> tellingen, long totaal, int hoeveel) {
        return tellingen.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(hoeveel).map(e -> String.format(NL, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / totaal))
                .collect(Collectors.joining(", "));
    }
}
