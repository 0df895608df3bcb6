package nl.procesregie.hub.ijw;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import nl.procesregie.hub.testinfra.Xsd;


/**
 * An iJw 3.2 message written element by element from the XSDs (JW301, JW305, JW307, JW315 and basisschema), in
 * the order and namespaces they prescribe. Every optional element the parser reads can be switched on; the values
 * are fields a test sets. {@link #xml()} validates the result against the bundled XSDs, so a builder that drifts from
 * the standard fails the test that uses it.
 */
final class StandaardBericht {

    private static final String BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    final BerichtSoort soort;
    String identificatie = "TW-1";
    String dagtekening = "2026-03-02";
    String bsn = "999900006";
    String geboortedatum = "2014-05-17";
    /** null leaves the optional Naam/Voorletters out. */
    String voorletters;
    /** Optional elements the parser does not use but checks (dates) or must skip. */
    boolean overigeOptionele;
    /** null leaves the optional Product out; {@link #code} null leaves Product/Code out. */
    String categorie;
    String code;
    /** Optional in JW305/JW307 (required in JW301): null leaves it out. */
    String toewijzingNummer;
    // JW301
    String toewijzingsdatum = "2026-02-27";
    String toewijzingstijd = "14:30:05";
    String ingangsdatum = "2026-03-01";
    String einddatum;
    String redenWijziging;
    // JW305, JW307
    String toewijzingIngangsdatum;
    String begindatum = "2026-03-04";
    String redenBeeindiging = "31";
    String stopdatum = "2026-08-30";
    String statusAanlevering = "1";
    // JW315 (ToewijzingIngangsdatum above is required there)
    String beschikkingIngangsdatum;
    String toewijzingEinddatum;
    String verwijzerType = "02";

    StandaardBericht(BerichtSoort soort) {
        this.soort = soort;
        if (soort == BerichtSoort.JW301) {
            toewijzingNummer = "260117";
        }
        if (soort == BerichtSoort.JW315) {
            toewijzingIngangsdatum = "2026-04-01";
        }
    }

    /** The message as UTF-8, after validating it against the iJw 3.2 XSDs. */
    byte[] xml() {
        byte[] xml = tekst().getBytes(UTF_8);
        List<String> fouten = new Xsd().fouten(xml);
        if (!fouten.isEmpty()) {
            throw new AssertionError("test message does not follow the XSD: " + fouten + "\n" + tekst());
        }
        return xml;
    }

    /** Whether the message as it stands is valid against the iJw 3.2 XSDs. */
    boolean volgtXsd() {
        return new Xsd().fouten(tekst().getBytes(UTF_8)).isEmpty();
    }

    /** The message as text, not validated: for tests that break it on purpose. */
    String tekst() {
        StringBuilder x = new StringBuilder();
        boolean gemeenteZendt = soort.verzondenDoorGemeente();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/").append(soort.namespaceSegment())
                .append("/schema\" xmlns:ijw=\"").append(BASIS).append("\">\n<Header>\n");
        el(x, "BerichtCode", Integer.toString(soort.berichtCode()));
        el(x, "BerichtVersie", "3");
        el(x, "BerichtSubversie", "2");
        el(x, "Afzender", gemeenteZendt ? "0344" : "87654321");
        el(x, "Ontvanger", gemeenteZendt ? "87654321" : "0344");
        x.append("<BerichtIdentificatie>");
        el(x, "ijw:Identificatie", identificatie);
        el(x, "ijw:Dagtekening", dagtekening);
        x.append("</BerichtIdentificatie>\n<XsdVersie>");
        el(x, "ijw:BasisschemaXsdVersie", "1.0.0");
        el(x, "ijw:BerichtXsdVersie", "1.0.0");
        x.append("</XsdVersie>\n</Header>\n<Client>\n");
        el(x, "Bsn", bsn);
        x.append("<Geboortedatum>");
        el(x, "ijw:Datum", geboortedatum);
        el(x, "ijw:DatumGebruik", overigeOptionele ? "1" : null);
        x.append("</Geboortedatum>\n");
        el(x, "Geslacht", "2");
        x.append("<Naam><ijw:Geslachtsnaam>");
        el(x, "ijw:Achternaam", "Jansen");
        x.append("</ijw:Geslachtsnaam>");
        el(x, "ijw:Voorletters", voorletters);
        if (soort == BerichtSoort.JW301) {
            el(x, "ijw:NaamGebruik", "1");
        }
        x.append("</Naam>\n");
        switch (soort) {
            case JW301 -> jw301(x);
            case JW305, JW307 -> levering(x);
            case JW315 -> jw315(x);
        }
        return x.append("</Client>\n</Bericht>\n").toString();
    }

    private void jw301(StringBuilder x) {
        if (overigeOptionele) {
            x.append("<Relaties><Relatie>");
            el(x, "Nummer", "R1");
            el(x, "Soort", "03");
            x.append("<Geboortedatum>");
            el(x, "ijw:Datum", "1984-10-02");
            x.append("</Geboortedatum><Naam><ijw:Geslachtsnaam>");
            el(x, "ijw:Achternaam", "Jansen");
            x.append("</ijw:Geslachtsnaam>");
            el(x, "ijw:NaamGebruik", "1");
            x.append("</Naam><Contact>");
            el(x, "Soort", "01");
            x.append("</Contact></Relatie></Relaties>\n");
        }
        x.append("<Contactgegevens><Contact>");
        el(x, "Soort", overigeOptionele ? "03" : "01");
        if (overigeOptionele) {
            x.append("<Periode>");
            el(x, "ijw:Begindatum", "2026-01-01");
            el(x, "ijw:Einddatum", "2026-12-31");
            x.append("</Periode>");
        }
        x.append("</Contact></Contactgegevens>\n<ToegewezenProducten>\n<ToegewezenProduct>\n");
        el(x, "ToewijzingNummer", toewijzingNummer);
        product(x);
        el(x, "Toewijzingsdatum", toewijzingsdatum);
        el(x, "Toewijzingstijd", toewijzingstijd);
        el(x, "Ingangsdatum", ingangsdatum);
        el(x, "Einddatum", einddatum);
        el(x, "RedenWijziging", redenWijziging);
        x.append("</ToegewezenProduct>\n</ToegewezenProducten>\n");
    }

    private void levering(StringBuilder x) {
        boolean stop = soort == BerichtSoort.JW307;
        String lijst = stop ? "StopProducten" : "StartProducten";
        String product = stop ? "StopProduct" : "StartProduct";
        x.append('<').append(lijst).append(">\n<").append(product).append(">\n");
        el(x, "ToewijzingNummer", toewijzingNummer);
        product(x);
        el(x, "ToewijzingIngangsdatum", toewijzingIngangsdatum);
        el(x, "Begindatum", begindatum);
        if (stop) {
            el(x, "RedenBeeindiging", redenBeeindiging);
            el(x, "Einddatum", stopdatum);
        }
        el(x, "StatusAanlevering", statusAanlevering);
        x.append("</").append(product).append(">\n</").append(lijst).append(">\n");
    }

    private void jw315(StringBuilder x) {
        if (overigeOptionele) {
            el(x, "GezagsdragerBekend", "1");
            el(x, "Commentaar", "Aanvraag na gesprek");
        }
        x.append("<AangevraagdeProducten>\n<AangevraagdProduct>\n");
        el(x, "ReferentieAanbieder", "REF-1");
        el(x, "BeschikkingNummer", overigeOptionele ? "4711" : null);
        product(x);
        el(x, "BeschikkingIngangsdatum", beschikkingIngangsdatum);
        el(x, "ToewijzingIngangsdatum", toewijzingIngangsdatum);
        el(x, "ToewijzingEinddatum", toewijzingEinddatum);
        x.append("<Verwijzer>");
        el(x, "ijw:Type", verwijzerType);
        el(x, "ijw:Naam", overigeOptionele ? "Huisartsenpraktijk De Linde" : null);
        x.append("</Verwijzer>\n");
        el(x, "Raamcontract", overigeOptionele ? "2" : null);
        x.append("</AangevraagdProduct>\n</AangevraagdeProducten>\n");
    }

    private void product(StringBuilder x) {
        if (categorie != null) {
            x.append("<Product>");
            el(x, "ijw:Categorie", categorie);
            el(x, "ijw:Code", code);
            x.append("</Product>");
        }
    }

    private static void el(StringBuilder x, String naam, String waarde) {
        if (waarde != null) {
            x.append('<').append(naam).append('>').append(escape(waarde)).append("</").append(naam).append(">\n");
        }
    }

    private static String escape(String waarde) {
        return waarde.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
