package nl.procesregie.hub.app;

import java.io.File;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.aanlevering.Rustregel;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.opslag.Foutspoor;

/**
 * Hands the file consumer's polls to {@link Rustregel}: a poll's begin and end bound one listing, and each listed file
 * passes the filter only when the rule takes it.
 */
public final class Rustfilter implements GenericFileFilter<File>, PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(Rustfilter.class);

    private final Rustregel regel;

    public Rustfilter(Rustregel regel) {
        this.regel = regel;
    }

    public Rustregel regel() {
        return regel;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        regel.beginRonde();
        return true;
    }

    @Override
    public boolean accept(GenericFile<File> bestand) {
        return !bestand.isDirectory() && regel.neemt(bestand.getAbsoluteFilePath(), bestand.getFileNameOnly(),
                bestand.getFileLength(), bestand.getLastModified());
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        regel.eindeRonde();
    }

    /** The listing failed (the folder unreadable): nothing is forgotten, and Camel's back-off spaces the next tries. */
    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        LOG.warn("De invoermap kon niet worden gelezen; later opnieuw: {}", cause.toString());
        return false;
    }

    /**
     * A file's messages could not all be published: it stays, and the rule pauses. Said here, masked, because Camel's
     * own lines about it name the file as the back office did.
     */
    public void storing(String bestand, Exception oorzaak) {
        LOG.warn("Bestand {} niet (geheel) gepubliceerd; het blijft staan en wordt na {} s opnieuw gelezen: {}",
                IjwFout.zonderBsn(bestand), Rustregel.PAUZE_NA_STORING.toSeconds(),
                oorzaak == null ? "onbekende oorzaak" : Foutspoor.van(oorzaak));
        regel.storing();
    }
}
