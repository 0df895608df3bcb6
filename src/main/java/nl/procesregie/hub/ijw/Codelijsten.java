package nl.procesregie.hub.ijw;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The code lists of the standard with their Dutch descriptions. They are data ({@code ijw/codelijsten.yaml}) rather
 * than code, because the standard amends them between releases and a description change should not need a developer.
 * Immutable and thread-safe.
 */
public final class Codelijsten {

    private static final String RESOURCE = "/ijw/codelijsten.yaml";

    private static final class Standaard {
        static final Codelijsten INSTANTIE = laad();
    }

    private final Map<Codelijst, Map<String, String>> lijsten;

    private Codelijsten(Map<Codelijst, Map<String, String>> lijsten) {
        this.lijsten = lijsten;
    }

    /** The lists shipped with the hub; loaded once, on first use. */
    public static Codelijsten standaard() {
        return Standaard.INSTANTIE;
    }

    public Optional<String> omschrijving(Codelijst lijst, String code) {
        return Optional.ofNullable(lijsten.get(lijst).get(code));
    }

    public boolean bevat(Codelijst lijst, String code) {
        return lijsten.get(lijst).containsKey(code);
    }

    private static Codelijsten laad() {
        Map<String, Map<String, String>> gelezen;
        try (InputStream in = Codelijsten.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " ontbreekt");
            }
            gelezen = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Resource " + RESOURCE + " is niet leesbaar", e);
        }
        Map<Codelijst, Map<String, String>> lijsten = new EnumMap<>(Codelijst.class);
        for (Codelijst lijst : Codelijst.values()) {
            Map<String, String> codes = gelezen.get(lijst.sleutel());
            // A missing list would make the parser refuse every value of it: fail at start-up instead.
            if (codes == null || codes.isEmpty()) {
                throw new IllegalStateException("Codelijst '" + lijst.sleutel() + "' ontbreekt in " + RESOURCE);
            }
            lijsten.put(lijst, Collections.unmodifiableMap(new LinkedHashMap<>(codes)));
        }
        return new Codelijsten(lijsten);
    }
}
