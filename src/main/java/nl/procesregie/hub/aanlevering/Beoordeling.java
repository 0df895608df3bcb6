package nl.procesregie.hub.aanlevering;

/**
 * A request to {@code POST /ijw} before publishing: refused with an answer, or let through to be published.
 * Exactly one of the two is set.
 */
public record Beoordeling(Aanleverantwoord weigering, Toelating toelating) {

    /** A message that may be published: whose it is, and what goes where. */
    public record Toelating(String aanleveraar, Publicatie publicatie) {
    }

    static Beoordeling geweigerd(Aanleverantwoord antwoord) {
        return new Beoordeling(antwoord, null);
    }

    static Beoordeling toegelaten(String aanleveraar, Publicatie publicatie) {
        return new Beoordeling(null, new Toelating(aanleveraar, publicatie));
    }
}
