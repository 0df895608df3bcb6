package nl.procesregie.hub.ijw;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one way the hub reads an incoming iJw message, whatever brought it: the size, the parser, the schema check of
 * 3.2 messages ({@code HUB_XSD_CONTROLE}) and the gemeente. A refusal is an {@link IjwFout} with the fault code and
 * Dutch reason that a parked record carries on {@code ijw.ongeldig}, so every on-ramp refuses alike.
 *
 * <p>Thread-safe.
 */
public final class IjwInlezer {

    /**
     * A message the hub can process.
     *
     * @param schemaafwijking with {@link XsdControle#MELDEN}: where and how a 3.2 message deviates from the schema,
     *                        in Dutch without personal data, for the metrics and one log line; empty when it does not
     *                        or was not checked
     */
    public record Gelezen(IjwBericht bericht, Optional<String> schemaafwijking) {
    }

    private final IjwParser parser;
    private final XsdControle controle;
    private final SchemaControle schema;
    private final int maxBytes;
    private final Predicate<String> gemeenteBekend;

    /**
     * @param maxBytes       the largest message read ({@code HUB_MAX_RECORD_BYTES})
     * @param gemeenteBekend whether the regio configuration knows a gemeente code
     */
    public IjwInlezer(IjwParser parser, XsdControle controle, int maxBytes, Predicate<String> gemeenteBekend) {
        this.parser = parser;
        this.controle = Objects.requireNonNull(controle);
        // Compiled and tried now, so that a broken bundle or XML setup stops the start rather than every message.
        this.schema = controle == XsdControle.UIT ? null : new SchemaControle();
        this.maxBytes = maxBytes;
        this.gemeenteBekend = gemeenteBekend;
    }

    public Gelezen lees(byte[] xml) throws IjwFout {
        // An empty message is the parser's to refuse, so that it has one reason whichever way it came in.
        if (xml != null && xml.length > maxBytes) {
            throw new IjwFout(Foutcode.TE_GROOT, "Het bericht is " + xml.length + " bytes; de grens is " + maxBytes
                    + " bytes (HUB_MAX_RECORD_BYTES)");
        }
        // The parser's own refusals come first: they say more precisely what the hub cannot use.
        IjwBericht bericht = parser.parse(xml);
        Optional<String> afwijking = Optional.empty();
        if (schema != null && IjwSchemas.RELEASE.equals(bericht.versie())) {
            SchemaControle.Uitslag uitslag = schema.controleer(xml);
            if (!uitslag.isGeldig()) {
                // Each deviation was masked where it was described (SchemaControle): no second pass here.
                String tekst = uitslag.samenvatting();
                if (controle == XsdControle.STRENG) {
                    throw new IjwFout(Foutcode.SCHEMA_ONGELDIG, "Het bericht voldoet niet aan het iJw 3.2-schema: "
                            + tekst);
                }
                afwijking = Optional.of(tekst);
            }
        }
        if (!gemeenteBekend.test(bericht.gemeente())) {
            throw new IjwFout(Foutcode.GEMEENTE_ONBEKEND, "Gemeente " + bericht.gemeente()
                    + " staat niet in de regioconfiguratie van deze hub");
        }
        return new Gelezen(bericht, afwijking);
    }
}
