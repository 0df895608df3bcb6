package nl.procesregie.hub.ingest;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.opslag.Foutspoor;

/**
 * One record's bounded retries, each attempt a transaction of its own. An outage is thrown at once, so the consumer
 * rewinds and parks nothing; so is the last failure when the database then does not answer, because that was an
 * outage as well. Only a record that fails every time on a database that answers is parked.
 */
final class Pogingen {

    /** One attempt; {@code E} is what the caller handles itself, such as an invalid record. */
    @FunctionalInterface
    interface Poging<E extends Exception> {
        void voerUit() throws SQLException, E;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pogingen.class);

    private final int maximum;
    private final BooleanSupplier databaseBereikbaar;
    private final Clock klok;

    Pogingen(int maximum, BooleanSupplier databaseBereikbaar, Clock klok) {
        this.maximum = maximum;
        this.databaseBereikbaar = databaseBereikbaar;
        this.klok = klok;
    }

    /** @return empty when an attempt succeeded; else the record to park */
    <E extends Exception> Optional<TeParkeren> probeer(OntvangenRecord r, Poging<E> poging) throws SQLException, E {
        Exception fout = null;
        for (int i = 1; i <= maximum; i++) {
            try {
                poging.voerUit();
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                if (Storing.isStoring(e)) {
                    throw e;
                }
                fout = e;
            }
        }
        if (!databaseBereikbaar.getAsBoolean()) {
            throw new StoringUitzondering("de database is niet bereikbaar", fout);
        }
        LOG.error("Record {}-{}@{} na {} pogingen geparkeerd: {}", r.topic(), r.partitie(), r.offset(), maximum,
                Foutspoor.van(fout));
        // The reason is for whoever reads the dead-letter topic: what happened and what to do, in Dutch. The cause
        // is the hub's or the database's, not the sender's; which one is in the log line above, by record.
        return Optional.of(TeParkeren.van(r, Foutcode.VERWERKING_MISLUKT, reden(maximum), klok.instant()));
    }

    static String reden(int pogingen) {
        return "De verwerking is " + pogingen + " keer mislukt door een fout in de hub of de database; het bericht "
                + "kan na herstel opnieuw worden aangeboden";
    }
}
