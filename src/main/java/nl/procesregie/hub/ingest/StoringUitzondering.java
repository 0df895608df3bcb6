package nl.procesregie.hub.ingest;

/** An outage found out indirectly (a failure while the database does not answer): retry later, park nothing. */
public final class StoringUitzondering extends RuntimeException {
    public StoringUitzondering(String bericht, Throwable oorzaak) {
        super(bericht, oorzaak);
    }
}
