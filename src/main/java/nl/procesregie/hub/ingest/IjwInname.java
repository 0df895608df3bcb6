package nl.procesregie.hub.ingest;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwInlezer;
import nl.procesregie.hub.opslag.Foutspoor;

/**
 * Takes a polled batch of records: parses and validates each, applies the valid ones in one transaction and returns
 * what must be parked. A record that makes the batch fail is isolated by retrying the records one by one, a bounded
 * number of times each, so that one poison record neither blocks the partition nor takes its neighbours with it.
 * Outages are thrown to the caller, which retries the whole batch later and parks nothing.
 */
public final class IjwInname {

    private static final Logger LOG = LoggerFactory.getLogger(IjwInname.class);

    /** A message read despite deviating from the schema: counted and logged once its batch is through. */
    private record Afwijking(OntvangenRecord record, IjwBericht bericht, String tekst) {
    }

    private final IjwInlezer inlezer;
    private final BerichtVerwerking verwerking;
    private final Pogingen pogingen;
    private final Inleestellers tellers;
    private final Clock klok;

    public IjwInname(IjwInlezer inlezer, BerichtVerwerking verwerking, int maxPogingen, Inleestellers tellers,
                     Clock klok) {
        this.inlezer = inlezer;
        this.verwerking = verwerking;
        this.pogingen = new Pogingen(maxPogingen, verwerking::databaseBereikbaar, klok);
        this.tellers = tellers;
        this.klok = klok;
    }

    /** @return the records to park, in batch order; empty when everything was processed */
    public List<TeParkeren> verwerk(List<OntvangenRecord> records) throws SQLException {
        List<Afwijking> afwijkingen = new ArrayList<>();
        List<TeParkeren> parkeren = handel(records, afwijkingen);
        tellers.tel(records, parkeren);
        for (Afwijking a : afwijkingen) {
            tellers.telSchemaafwijking(a.bericht().soort());
            // INFO: the message was read as before; the metric is what an operator watches and alerts on.
            LOG.info("Schema-afwijking in {} {}-{}@{}, toch gelezen (HUB_XSD_CONTROLE=melden): {}",
                    a.bericht().soort(), a.record().topic(), a.record().partitie(), a.record().offset(), a.tekst());
        }
        return parkeren;
    }

    private List<TeParkeren> handel(List<OntvangenRecord> records, List<Afwijking> afwijkingen) throws SQLException {
        List<TeParkeren> parkeren = new ArrayList<>();
        List<OntvangenRecord> geldig = new ArrayList<>();
        List<IjwBericht> berichten = new ArrayList<>();
        for (OntvangenRecord r : records) {
            IjwInlezer.Gelezen[] gelezen = new IjwInlezer.Gelezen[1];
            try {
                // A failure of the reader itself (not a refusal of the message) is the hub's: retried like any other.
                Optional<TeParkeren> mislukt = pogingen.probeer(r, () -> gelezen[0] = inlezer.lees(r.waarde()));
                if (mislukt.isPresent()) {
                    parkeren.add(mislukt.get());
                    continue;
                }
            } catch (IjwFout fout) {
                parkeren.add(parkeer(r, fout.code(), fout.reden()));
                continue;
            }
            IjwBericht bericht = gelezen[0].bericht();
            berichten.add(bericht);
            geldig.add(r);
            gelezen[0].schemaafwijking().ifPresent(t -> afwijkingen.add(new Afwijking(r, bericht, t)));
        }
        if (berichten.isEmpty()) {
            return parkeren;
        }
        try {
            verzamelConflicten(geldig, verwerking.verwerk(berichten), parkeren);
        } catch (SQLException | RuntimeException e) {
            if (Storing.isStoring(e)) {
                throw e;
            }
            LOG.warn("Batch van {} berichten mislukt ({}); berichten worden afzonderlijk verwerkt", berichten.size(),
                    Foutspoor.van(e));
            for (int i = 0; i < berichten.size(); i++) {
                verwerkAfzonderlijk(geldig.get(i), berichten.get(i), parkeren);
            }
        }
        return parkeren;
    }

    private void verwerkAfzonderlijk(OntvangenRecord r, IjwBericht b, List<TeParkeren> parkeren) throws SQLException {
        pogingen.probeer(r, () -> verzamelConflicten(List.of(r), verwerking.verwerk(List.of(b)), parkeren))
                .ifPresent(parkeren::add);
    }

    private void verzamelConflicten(List<OntvangenRecord> records, List<BerichtVerwerking.Uitkomst> uitkomsten,
                                    List<TeParkeren> parkeren) {
        for (int i = 0; i < records.size(); i++) {
            if (uitkomsten.get(i) instanceof BerichtVerwerking.Uitkomst.Conflict conflict) {
                parkeren.add(parkeer(records.get(i), Foutcode.CONFLICT, conflict.reden()));
            }
        }
    }

    private TeParkeren parkeer(OntvangenRecord r, Foutcode code, String reden) {
        return TeParkeren.van(r, code, reden, klok.instant());
    }
}
