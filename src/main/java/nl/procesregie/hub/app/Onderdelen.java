package nl.procesregie.hub.app;

import java.time.Clock;

import javax.sql.DataSource;

import nl.procesregie.hub.carepath.Bewaartermijn;
import nl.procesregie.hub.carepath.Pseudonimisering;
import nl.procesregie.hub.carepath.ZorgpadOpslag;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.Codelijsten;
import nl.procesregie.hub.ingest.BerichtVerwerking;
import nl.procesregie.hub.notify.MailOpmaak;
import nl.procesregie.hub.notify.Uitgaand;
import nl.procesregie.hub.signals.BevestigingsToken;
import nl.procesregie.hub.signals.Bevestigingen;
import nl.procesregie.hub.signals.Bevestigingslink;
import nl.procesregie.hub.signals.Crisisregie;
import nl.procesregie.hub.signals.MeldingVerwerking;
import nl.procesregie.hub.signals.RegieOpslag;
import nl.procesregie.hub.signals.Regieplanning;
import nl.procesregie.hub.signals.Regiesignalering;
import nl.procesregie.hub.signals.SignaalOpslag;
import nl.procesregie.hub.signals.SignaalUitgifte;
import nl.procesregie.hub.signals.TermijnAfhandeling;
import nl.procesregie.hub.signals.VerwijzerBeslissing;
import nl.procesregie.hub.timers.TermijnOpslag;
import nl.procesregie.hub.timers.Termijnplanning;

/**
 * The hub's domain parts, wired once from the settings: the running hub binds them by name, and tests build exactly
 * the same graph on their own database and clock.
 */
public record Onderdelen(
        Uitgaand uitgaand,
        ZorgpadOpslag zorgpaden,
        SignaalOpslag signalen,
        SignaalUitgifte uitgifte,
        TermijnOpslag termijnen,
        RegieOpslag regie,
        Regieplanning planning,
        BerichtVerwerking verwerking,
        VerwijzerBeslissing verwijzerBeslissing,
        MeldingVerwerking meldingen,
        Bevestigingen bevestigingen,
        TermijnAfhandeling termijnAfhandeling,
        BevestigingsToken tokens,
        Bewaartermijn bewaartermijn,
        Pseudonimisering pseudonimisering) {

    public static Onderdelen bouw(DataSource dataSource, RegioConfiguratie regio, HubInstellingen instellingen,
                                  Clock klok) {
        Uitgaand uitgaand = new Uitgaand(dataSource, klok, instellingen.outboxMaxWachttijd(), "procesregie-hub",
                instellingen.outboxLease());
        ZorgpadOpslag zorgpaden = new ZorgpadOpslag();
        SignaalOpslag signalen = new SignaalOpslag();
        TermijnOpslag termijnen = new TermijnOpslag();
        RegieOpslag regie = new RegieOpslag();
        BevestigingsToken tokens = new BevestigingsToken(instellingen.bevestigSleutel(),
                instellingen.bevestigGeldigheid(), klok);
        SignaalUitgifte uitgifte = new SignaalUitgifte(uitgaand, new MailOpmaak(), Codelijsten.standaard(),
                new Bevestigingslink(tokens, instellingen.basisUrl()), klok, regio.aanbieders());
        Regieplanning planning = new Regieplanning(zorgpaden, regie, termijnen, regio);
        Crisisregie crises = new Crisisregie(signalen, uitgifte, regie, termijnen, planning);
        Regiesignalering regiesignalering = new Regiesignalering(signalen, uitgifte, regie, zorgpaden, crises, planning);
        Pseudonimisering pseudonimisering = new Pseudonimisering(instellingen.pseudoniemSleutel());
        return new Onderdelen(uitgaand, zorgpaden, signalen, uitgifte, termijnen, regie, planning,
                new BerichtVerwerking(dataSource, zorgpaden, signalen, regie, uitgifte, regio, pseudonimisering,
                        regiesignalering, planning, klok),
                new VerwijzerBeslissing(dataSource, zorgpaden, signalen, uitgifte, regio, planning,
                        instellingen.maxPogingen(), klok),
                new MeldingVerwerking(dataSource, zorgpaden, regie, crises, planning, regio, pseudonimisering, klok),
                new Bevestigingen(dataSource, signalen, regie, termijnen, zorgpaden, planning, klok),
                new TermijnAfhandeling(dataSource, termijnen, zorgpaden, signalen, uitgifte, regie, planning, regio,
                        Termijnplanning.inhaalmarge(instellingen.tijdplannerIncheckInterval()), klok),
                tokens,
                new Bewaartermijn(dataSource, instellingen.bewaartermijn(), instellingen.bewaarleeftijd(), klok),
                pseudonimisering);
    }
}
