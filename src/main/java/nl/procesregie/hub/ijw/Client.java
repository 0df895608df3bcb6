package nl.procesregie.hub.ijw;

import java.time.LocalDate;

/**
 * The youth a message is about. Only what the hub needs is kept: the BSN (to pseudonymise it at once), and the
 * voorletters and geboortedatum by which a regisseur recognises the youth.
 */
public record Client(String bsn, LocalDate geboortedatum, String voorletters) {

    /** Never prints the BSN: records end up in exception messages and debug output. */
    @Override
    public String toString() {
        return "Client[bsn=*********, geboortedatum=" + geboortedatum + ", voorletters=" + voorletters + "]";
    }
}
