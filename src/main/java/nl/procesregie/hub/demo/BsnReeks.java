package nl.procesregie.hub.demo;

/** The citizen service numbers a simulation gives its youths, in order. */
public interface BsnReeks {

    /** How many youths the series can number. */
    int aantal();

    /** The n-th valid number (0-based). */
    String geldig(int n);

    /** A number that fails the eleven-test, for the n-th youth's broken records. */
    String ongeldig(int n);
}
