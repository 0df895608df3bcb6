package nl.procesregie.hub.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The feed without a hub: writes a number of messages to files (for tests and benchmarks) and reads them back.
 *
 * <pre>java -cp 'target/procesregie-hub.jar:target/lib/*' nl.procesregie.hub.demo.FeedBestanden MAP AANTAL [ZAAD]
 *     [JEUGDIGEN_PER_JAAR] [HISTORIE_DAGEN]</pre>
 */
public final class FeedBestanden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedBestanden() {
    }

    /** A message as read from {@value FeedSchrijver#BERICHTEN}, with the topic it was written for. */
    public record Regel(String topic, FeedBericht bericht) {
    }

    /**
     * Writes the first {@code aantal} messages of the feed that begins {@code historie} before the clock's now; signals
     * are marked historical as if processed on the clock's date. A simulated year at 3,600 youths holds about 20,000
     * messages; messages beyond now carry Dagtekeningen in the future, so give a large count a long history. The
     * test BSN range holds 9,091 youths, about two and a half years at 3,600 a year; after that no youths arrive.
     *
     * @return the number of messages written: fewer than asked only when the simulation ran out of youths
     */
    public static long schrijf(Path map, long aantal, long zaad, int jeugdigenPerJaar, Duration historie, Clock klok)
            throws IOException {
        DemoGenerator generator = new DemoGenerator(new DemoGenerator.Parameters(zaad, jeugdigenPerJaar,
                klok.instant().minus(historie)));
        LocalDate vandaag = DemoGenerator.datum(klok.instant());
        long geschreven = 0;
        try (FeedSchrijver schrijver = new FeedSchrijver(map)) {
            for (FeedBericht b = generator.volgende(); b != null && geschreven < aantal; b = generator.volgende()) {
                schrijver.schrijf(b, b.stroom().standaardTopic(), vandaag);
                geschreven++;
            }
        }
        return geschreven;
    }

    /** Reads the messages back, each with the expected signals of the ground-truth file attached. */
    public static List<Regel> lees(Path map) throws IOException {
        Map<Long, List<VerwachtSignaal>> signalen = new HashMap<>();
        for (JsonNode w : regels(map.resolve(FeedSchrijver.GRONDWAARHEID))) {
            JsonNode volgnummer = w.get("volgnummer");
            VerwachtSignaal s = new VerwachtSignaal(w.get("jeugdige").asText(), w.get("gemeente").asText(),
                    w.get("soort").asText(), volgnummer.isNull() ? null : volgnummer.asInt(),
                    w.get("aanbieder").asText(), w.get("product").asText(), w.get("toewijzingnummer").asText(), w.get("hernieuwd").asBoolean(),
                    LocalDate.parse(w.get("dagtekening").asText()), w.get("bericht").asLong());
            signalen.computeIfAbsent(s.berichtVolgnummer(), k -> new ArrayList<>()).add(s);
        }
        List<Regel> uit = new ArrayList<>();
        for (JsonNode b : regels(map.resolve(FeedSchrijver.BERICHTEN))) {
            String topic = b.get("topic").asText();
            long volgnummer = b.get("volgnummer").asLong();
            JsonNode fout = b.get("fout");
            byte[] waarde = b.get("waarde").asText().getBytes(StandardCharsets.UTF_8);
            uit.add(new Regel(topic, new FeedBericht(volgnummer, Instant.parse(b.get("moment").asText()),
                    Stroom.valueOf(b.get("stroom").asText()), b.get("sleutel").asText(), waarde,
                    fout == null || fout.isNull() ? null : fout.asText(), signalen.getOrDefault(volgnummer, List.of()))));
        }
        return uit;
    }

    private static List<JsonNode> regels(Path bestand) throws IOException {
        List<JsonNode> regels = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(bestand, StandardCharsets.UTF_8)) {
            for (String regel = in.readLine(); regel != null; regel = in.readLine()) {
                if (!regel.isBlank()) {
                    regels.add(JSON.readTree(regel));
                }
            }
        }
        return regels;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Gebruik: FeedBestanden MAP AANTAL [ZAAD] [JEUGDIGEN_PER_JAAR] [HISTORIE_DAGEN]");
            System.exit(2);
        }
        Path map = Path.of(args[0]);
        long aantal = Long.parseLong(args[1]);
        long zaad = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int perJaar = args.length > 3 ? Integer.parseInt(args[3]) : 3_600;
        Duration historie = Duration.ofDays(args.length > 4 ? Long.parseLong(args[4]) : 365);
        long begin = System.nanoTime();
        long geschreven = schrijf(map, aantal, zaad, perJaar, historie, Clock.systemUTC());
        System.out.printf("%d berichten geschreven naar %s in %d ms%n", geschreven, map.toAbsolutePath(),
                (System.nanoTime() - begin) / 1_000_000);
    }
}
