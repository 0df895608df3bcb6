package nl.procesregie.hub.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One rung of an escalation ladder: who is mailed, {@code na} after the previous rung (the first rung: after the
 * deadline itself). Recipients are resolved to addresses when the configuration is loaded.
 */
public record Escalatietrede(Duration na, List<String> ontvangers) {

    public Escalatietrede {
        Objects.requireNonNull(na, "na");
        // One mail per mailbox: 'regisseur' and 'team' may resolve to the same address, and an address written in
        // other capitals still reaches the same person.
        Set<String> gezien = new HashSet<>();
        ontvangers = List.copyOf(ontvangers.stream().filter(o -> gezien.add(o.toLowerCase(Locale.ROOT))).toList());
        if (ontvangers.isEmpty()) {
            throw new IllegalArgumentException("een trede heeft minstens één ontvanger");
        }
    }
}
