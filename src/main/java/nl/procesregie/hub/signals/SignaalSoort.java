package nl.procesregie.hub.signals;

/** The kinds of signal on {@code regie.signalen} (CONTRACTS.md). */
public enum SignaalSoort {
    VIERDE_TRAJECT,
    VERVOLG_TRAJECT,
    VERBLIJF,
    CRISIS,
    OPVOLGING,
    LEEFTIJD_16,
    LEEFTIJD_18,
    ESCALATIE
}
