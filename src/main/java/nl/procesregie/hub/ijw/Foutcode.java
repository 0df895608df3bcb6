package nl.procesregie.hub.ijw;

/** Why a record was parked on the dead-letter topic (header {@code hub-foutcode}). */
public enum Foutcode {
    XML_ONGELDIG,
    /** Readable, but deviates from the bundled iJw 3.2 XSDs; only with HUB_XSD_CONTROLE=streng. */
    SCHEMA_ONGELDIG,
    BERICHT_ONBEKEND,
    VELD_ONTBREEKT,
    BSN_ONGELDIG,
    GEMEENTE_ONBEKEND,
    DATUM_ONGELDIG,
    TE_GROOT,
    CONFLICT,
    VERWERKING_MISLUKT
}
