package nl.procesregie.hub.config;

import java.util.List;

/**
 * Invalid configuration. Carries every problem found, not just the first, so that an operator fixes them all in one
 * round instead of restarting once per typo. Messages never contain secret values.
 */
public class ConfiguratieFout extends RuntimeException {
    private final List<String> fouten;

    public ConfiguratieFout(List<String> fouten) {
        super(opmaak(fouten));
        this.fouten = List.copyOf(fouten);
    }

    /** Each problem as "key or file: path: what is wrong". */
    public List<String> fouten() {
        return fouten;
    }

    private static String opmaak(List<String> fouten) {
        return "Ongeldige configuratie (" + fouten.size() + (fouten.size() == 1 ? " fout" : " fouten") + "):\n- "
                + String.join("\n- ", fouten);
    }
}
