package nl.procesregie.hub.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of care providers by AGB code, from the {@code aanbieders} lists of all regio files. One list for the
 * whole hub: an AGB code is national, and loading refuses two files that name one code differently, so a name never
 * depends on which regio a youth belongs to.
 */
public final class Aanbieders {

    private final Map<String, String> namen;

    Aanbieders(Map<String, String> namen) {
        this.namen = Collections.unmodifiableMap(new LinkedHashMap<>(namen));
    }

    /** The configured name of the provider with this AGB code; empty when no regio file names it. */
    public Optional<String> naam(String agb) {
        return agb == null ? Optional.empty() : Optional.ofNullable(namen.get(agb));
    }

    /** Every named AGB code, in the order of the files and of each list. */
    public Set<String> codes() {
        return namen.keySet();
    }
}
