package nl.procesregie.hub.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One rung of an escalation ladder: who is mailed, {@code na} after the previous rung (the first rung: after the
 * deadline itself). Recipients are resolved to addresses when the configuration is loaded.
 */
public record Escalatietrede(Duration na, List<String> ontvangers) {

    public Escalatietrede {
        Objects.requireNonNull(na, "na");
        ontvangers = List.copyOf(ontvangers);
    }
}
