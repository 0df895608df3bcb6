package nl.procesregie.hub.ingest;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.signals.Bevestigingen;
import nl.procesregie.hub.signals.MeldingVerwerking;
import nl.procesregie.hub.signals.RegieBericht;

/**
 * Takes a polled batch from {@code regie.meldingen} and {@code regie.acties}: each record is read, validated and
 * applied in a transaction of its own (these topics carry few records, each for one youth). Invalid records and
 * acknowledgements that cannot apply are returned for parking with their reason; an outage is thrown, so the consumer
 * rewinds and parks nothing.
 */
public final class RegieInname {

    private final String topicMeldingen;
    private final MeldingVerwerking meldingen;
    private final Bevestigingen bevestigingen;
    private final int maxRecordBytes;
    private final Pogingen pogingen;
    private final Inleestellers tellers;
    private final Clock klok;

    /** @param databaseBereikbaar tells a failure on a database that answers from an outage */
    public RegieInname(String topicMeldingen, MeldingVerwerking meldingen, Bevestigingen bevestigingen,
                       int maxRecordBytes, int maxPogingen, BooleanSupplier databaseBereikbaar,
                       Inleestellers tellers, Clock klok) {
        this.topicMeldingen = topicMeldingen;
        this.meldingen = meldingen;
        this.bevestigingen = bevestigingen;
        this.maxRecordBytes = maxRecordBytes;
        this.pogingen = new Pogingen(maxPogingen, databaseBereikbaar, klok);
        this.tellers = tellers;
        this.klok = klok;
    }

    /** @return the records to park, in batch order */
    public List<TeParkeren> verwerk(List<OntvangenRecord> records) throws SQLException {
        List<TeParkeren> parkeren = handel(records);
        tellers.tel(records, parkeren);
        return parkeren;
    }

    private List<TeParkeren> handel(List<OntvangenRecord> records) throws SQLException {
        List<TeParkeren> parkeren = new ArrayList<>();
        for (OntvangenRecord r : records) {
            try {
                pogingen.probeer(r, () -> pasToe(r)).ifPresent(parkeren::add);
            } catch (IjwFout f) {
                parkeren.add(TeParkeren.van(r, f.code(), f.reden(), klok.instant()));
            }
        }
        return parkeren;
    }

    private void pasToe(OntvangenRecord r) throws IjwFout, SQLException {
        if (r.waarde() == null || r.waarde().length == 0) {
            throw new IjwFout(Foutcode.BERICHT_ONBEKEND, "Het record is leeg");
        }
        if (r.waarde().length > maxRecordBytes) {
            throw new IjwFout(Foutcode.TE_GROOT, "Het record is " + r.waarde().length + " bytes; de grens is "
                    + maxRecordBytes + " bytes (HUB_MAX_RECORD_BYTES)");
        }
        if (r.topic().equals(topicMeldingen)) {
            meldingen.verwerk(RegieBericht.melding(r.waarde()));
            return;
        }
        RegieBericht.Actiebericht a = RegieBericht.actie(r.waarde());
        Bevestigingen.Resultaat resultaat = bevestigingen.bevestig(a.signaalId(), a.actie(), a.door(),
                a.moment().toInstant(), Bevestigingen.Via.KAFKA);
        switch (resultaat.uitkomst()) {
            case ONBEKEND_SIGNAAL -> throw new IjwFout(Foutcode.VERWERKING_MISLUKT, "Signaal " + a.signaalId()
                    + " is bij deze hub onbekend");
            case PAST_NIET -> throw new IjwFout(Foutcode.VERWERKING_MISLUKT, "Actie " + a.actie().name()
                    + " hoort niet bij een signaal van soort " + resultaat.signaal().soort().name());
            case BEVESTIGD, AL_BEVESTIGD -> {
                // applied, or harmlessly applied before
            }
        }
    }

}
