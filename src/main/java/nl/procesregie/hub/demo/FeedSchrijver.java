package nl.procesregie.hub.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.Period;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a feed to a folder as two JSON-lines files: {@value #BERICHTEN} (one line per message: position, moment,
 * topic and stream, key, intended fault and the XML itself) and {@value #GRONDWAARHEID} (one line per expected
 * signal, keyed by the youth's feed number, never the BSN, with whether it is historical on the processing date).
 * Appends, so a resumed feed continues the same files.
 */
public final class FeedSchrijver implements AutoCloseable {

    public static final String BERICHTEN = "berichten.jsonl";
    public static final String GRONDWAARHEID = "grondwaarheid.jsonl";
    /** The signal horizon of the bundled regio configuration (P30D). */
    public static final Period SIGNAALHORIZON = Period.ofDays(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter berichten;
    private final BufferedWriter waarheid;

    public FeedSchrijver(Path map) throws IOException {
        Files.createDirectories(map);
        berichten = open(map.resolve(BERICHTEN));
        try {
            waarheid = open(map.resolve(GRONDWAARHEID));
        } catch (IOException e) {
            berichten.close();
            throw e;
        }
    }

    private static BufferedWriter open(Path bestand) throws IOException {
        return Files.newBufferedWriter(bestand, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** @param verwerkingsdatum the day the hub processes the message: decides which signals are historical */
    public void schrijf(FeedBericht b, String topic, LocalDate verwerkingsdatum) {
        try {
            ObjectNode regel = JSON.createObjectNode();
            regel.put("volgnummer", b.volgnummer());
            regel.put("moment", b.moment().toString());
            regel.put("topic", topic);
            regel.put("stroom", b.stroom().name());
            regel.put("sleutel", b.sleutel());
            regel.put("fout", b.bedoeldeFout());
            // The generator cuts invalid records only between characters, so every value is text.
            regel.put("waarde", new String(b.waarde(), StandardCharsets.UTF_8));
            berichten.write(JSON.writeValueAsString(regel));
            berichten.newLine();
            for (VerwachtSignaal s : b.signalen()) {
                ObjectNode w = JSON.createObjectNode();
                w.put("jeugdige", s.jeugdige());
                w.put("gemeente", s.gemeente());
                w.put("soort", s.soort());
                w.put("volgnummer", s.volgnummer());
                w.put("aanbieder", s.aanbieder());
                w.put("product", s.product());
                w.put("toewijzingnummer", s.toewijzingNummer());
                w.put("hernieuwd", s.hernieuwd());
                w.put("dagtekening", s.dagtekening().toString());
                w.put("bericht", s.berichtVolgnummer());
                w.put("historisch", s.historischOp(verwerkingsdatum, SIGNAALHORIZON));
                waarheid.write(JSON.writeValueAsString(w));
                waarheid.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() throws IOException {
        berichten.flush();
        waarheid.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            berichten.close();
        } finally {
            waarheid.close();
        }
    }
}
