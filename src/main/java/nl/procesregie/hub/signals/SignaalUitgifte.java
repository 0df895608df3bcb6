package nl.procesregie.hub.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import nl.procesregie.hub.carepath.ToewijzingStand;
import nl.procesregie.hub.carepath.Traject;
import nl.procesregie.hub.carepath.TrajectSleutel;
import nl.procesregie.hub.carepath.ZorgpadOpslag.JeugdigeStand;
import nl.procesregie.hub.carepath.Zorgpad;
import nl.procesregie.hub.config.Aanbieders;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.ijw.Codelijst;
import nl.procesregie.hub.ijw.Codelijsten;
import nl.procesregie.hub.notify.MailOpmaak;
import nl.procesregie.hub.notify.RegieMail;
import nl.procesregie.hub.notify.SignaalMail;
import nl.procesregie.hub.notify.Uitgaand;
import nl.procesregie.hub.notify.ZorgpadRegel;

/**
 * Puts a decided signal in the outbox, in the caller's transaction: the {@code regie.signalen} event always, the mail
 * only when the signal is sent (not historical, referrer rule satisfied). The mail is rendered now, so retries send
 * exactly what the regisseur was meant to read at the moment of the signal.
 */
public final class SignaalUitgifte {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Uitgaand uitgaand;
    private final MailOpmaak opmaak;
    private final Codelijsten codelijsten;
    private final Bevestigingslink links;
    private final Clock klok;
    private final Aanbieders aanbieders;

    public SignaalUitgifte(Uitgaand uitgaand, MailOpmaak opmaak, Codelijsten codelijsten, Bevestigingslink links,
                           Clock klok, Aanbieders aanbieders) {
        this.uitgaand = uitgaand;
        this.opmaak = opmaak;
        this.codelijsten = codelijsten;
        this.links = links;
        this.klok = klok;
        this.aanbieders = aanbieders;
    }

    /**
     * A procesregie signal (verblijf, crisis, opvolging, 16/18, escalation): the event always, the mail to
     * {@code ontvangers} when the signal is sent.
     *
     * @param aanleiding builds the mail's reason from the trajectory row that caused the signal (null if none)
     * @param knop       what the mail's button acknowledges, for {@code bevestigd} (the signal itself, or for an
     *                   escalation the signal it escalates)
     */
    public void geefRegieUit(Connection c, SignaalRij signaal, GemeenteInstellingen gemeente, List<String> ontvangers,
                             Function<ZorgpadRegel, RegieMail.Aanleiding> aanleiding, Actie knop, UUID bevestigd,
                             Zorgpad zorgpad, Collection<ToewijzingStand> toewijzingen, JeugdigeStand jeugdige)
            throws SQLException {
        if (Boolean.TRUE.equals(signaal.verzonden()) && !signaal.historisch()) {
            LocalDate vandaag = LocalDate.now(klok.withZone(ZONE));
            List<ZorgpadRegel> regels = zorgpad.chronologisch().stream().map(t -> regel(t, signaal, vandaag)).toList();
            ZorgpadRegel oorzaak = regels.stream().filter(ZorgpadRegel::aanleiding).findFirst().orElse(null);
            RegieMail mail = new RegieMail(aanleiding.apply(oorzaak), signaal.referentie(), gemeente,
                    jeugdige.voorletters(), jeugdige.geboortedatum(), nummers(toewijzingen, gemeente), regels,
                    signaal.tijdstip().atZone(ZONE), links.knop(bevestigd, knop));
            uitgaand.plaatsMail(c, signaal.signaalId(), ontvangers, opmaak.maak(mail));
        }
        geefEventUit(c, signaal);
    }

    public void geefUit(Connection c, SignaalRij signaal, GemeenteInstellingen gemeente, Zorgpad zorgpad,
                        Collection<ToewijzingStand> toewijzingen, JeugdigeStand jeugdige) throws SQLException {
        if (Boolean.TRUE.equals(signaal.verzonden()) && !signaal.historisch()) {
            SignaalMail mail = mail(signaal, gemeente, zorgpad, toewijzingen, jeugdige);
            uitgaand.plaatsMail(c, signaal.signaalId(), List.of(gemeente.regisseurEmail()), opmaak.maak(mail));
        }
        geefEventUit(c, signaal);
    }

    /**
     * The event alone, for a signal decided without a mail; it needs nothing but the signal, so it can be given out
     * even when the signal's gemeente or care path can no longer be read.
     */
    public void geefEventUit(Connection c, SignaalRij signaal) throws SQLException {
        uitgaand.plaatsEvent(c, signaal.signaalId(), signaal.jeugdige(), SignaalEvent.json(signaal));
    }

    private SignaalMail mail(SignaalRij signaal, GemeenteInstellingen gemeente, Zorgpad zorgpad,
                             Collection<ToewijzingStand> toewijzingen, JeugdigeStand jeugdige) {
        LocalDate vandaag = LocalDate.now(klok.withZone(ZONE));
        List<ZorgpadRegel> regels = zorgpad.chronologisch().stream()
                .map(t -> regel(t, signaal, vandaag))
                .toList();
        ZorgpadRegel aanleiding = regels.stream().filter(ZorgpadRegel::aanleiding).findFirst().orElse(null);
        return new SignaalMail(signaal.soort().name(), signaal.referentie(), signaal.volgnummer(), gemeente.drempel(),
                signaal.hernieuwd(), gemeente, jeugdige.voorletters(), jeugdige.geboortedatum(),
                nummers(toewijzingen, gemeente), aanleiding, regels, signaal.tijdstip().atZone(ZONE),
                links.knop(signaal.signaalId(), Actie.SIGNAAL_OPGEPAKT));
    }

    private static List<String> nummers(Collection<ToewijzingStand> toewijzingen, GemeenteInstellingen gemeente) {
        return toewijzingen.stream()
                .filter(t -> t.gemeente().equals(gemeente.code()))
                .map(ToewijzingStand::toewijzingNummer)
                .sorted(ToewijzingStand.NUMMERVOLGORDE)
                .toList();
    }

    private ZorgpadRegel regel(Traject t, SignaalRij signaal, LocalDate vandaag) {
        // The cause may since have merged into this trajectory (a start joining its allocation under another key).
        boolean isAanleiding = signaal.aanbieder() != null && signaal.product() != null
                && t.omvat(new TrajectSleutel(signaal.aanbieder(), signaal.product()));
        String categorie = t.categorie();
        String omschrijving = categorie == null ? null
                : codelijsten.omschrijving(Codelijst.PRODUCTCATEGORIE, categorie).orElse(null);
        String stopReden = t.redenBeeindiging() == null ? null
                : codelijsten.omschrijving(Codelijst.REDEN_BEEINDIGING, t.redenBeeindiging()).orElse(t.redenBeeindiging());
        String aanbieder = t.sleutel().aanbieder();
        return new ZorgpadRegel(aanbieder, aanbieders.naam(aanbieder).orElse(null), categorie, omschrijving, t.code(),
                t.toewijzingNummers(), t.toewijzingVan(), t.toewijzingTot(), t.zorgVan(), t.zorgTot(), stopReden,
                t.loopt(vandaag), t.telt(), isAanleiding);
    }
}
