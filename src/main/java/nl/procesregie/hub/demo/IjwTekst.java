package nl.procesregie.hub.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes iJw 3.2 messages as text, the way back-office software does: the message's own namespace either as default
 * namespace or under a prefix (both occur in practice), shared types in the basisschema namespace under {@code ijw:}.
 * Elements, their order and their values follow the official XSDs ({@code ijw/xsd/3_2/}): only a JW301 carries the
 * full name (with NaamGebruik) and the client's Contactgegevens; a JW305, JW307 or JW315 has the short name only.
 * It knows nothing of the hub's parser; what it writes is proven readable by the tests and valid by the schemas.
 */
final class IjwTekst {

    private static final String NS = "http://www.istandaarden.nl/ijw/3_2/";
    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The client block of every message; {@code voorletters} as iJw writes them: letters only, no dots. */
    record Client(String bsn, LocalDate geboortedatum, String geslacht, String voorvoegsel, String achternaam,
                  String voorletters, String straat, int huisnummer, String postcode, String plaats) {
    }

    record ToegewezenProduct(String nummer, Tabellen.Product product, LocalDate toewijzingsdatum,
                             LocalTime toewijzingstijd, LocalDate ingangsdatum, LocalDate einddatum,
                             String redenWijziging, int volume, String eenheid, String frequentie, Integer budget) {
    }

    /** A start (reden and einddatum null) or a stop. */
    record Levering(String nummer, Tabellen.Product product, LocalDate toewijzingIngangsdatum, LocalDate begindatum,
                    String redenBeeindiging, LocalDate einddatum, String status) {
    }

    record Verzoek(String referentie, Tabellen.Product product, LocalDate ingangsdatum, int volume, String eenheid,
                   String frequentie, String verwijzerType, String zorgverlenerCode) {
    }

    /** The header fields; {@code dagtekening} is text so that a test record can carry an impossible date. */
    record Kop(String afzender, String ontvanger, String identificatie, String dagtekening, boolean metPrefix) {
    }

    private IjwTekst() {
    }

    static byte[] jw301(Kop kop, Client client, List<ToegewezenProduct> producten) {
        Schrijver s = new Schrijver("jw301", kop.metPrefix());
        s.begin(kop, "436", client);
        s.open("ToegewezenProducten");
        for (ToegewezenProduct p : producten) {
            s.open("ToegewezenProduct");
            s.veld("ToewijzingNummer", p.nummer());
            s.product(p.product());
            s.veld("Toewijzingsdatum", p.toewijzingsdatum().toString());
            s.veld("Toewijzingstijd", TIJD.format(p.toewijzingstijd()));
            s.veld("Ingangsdatum", p.ingangsdatum().toString());
            if (p.einddatum() != null) {
                s.veld("Einddatum", p.einddatum().toString());
            }
            if (p.redenWijziging() != null) {
                s.veld("RedenWijziging", p.redenWijziging());
            }
            if (p.budget() != null) {
                s.veld("Budget", p.budget().toString());
            } else {
                s.omvang(p.volume(), p.eenheid(), p.frequentie());
            }
            s.sluit("ToegewezenProduct");
        }
        s.sluit("ToegewezenProducten");
        return s.einde();
    }

    static byte[] jw305(Kop kop, Client client, List<Levering> starts) {
        return levering("jw305", "438", "StartProducten", "StartProduct", kop, client, starts);
    }

    static byte[] jw307(Kop kop, Client client, List<Levering> stops) {
        return levering("jw307", "440", "StopProducten", "StopProduct", kop, client, stops);
    }

    private static byte[] levering(String soort, String code, String lijst, String element, Kop kop, Client client,
                                   List<Levering> leveringen) {
        Schrijver s = new Schrijver(soort, kop.metPrefix());
        s.begin(kop, code, client);
        s.open(lijst);
        for (Levering l : leveringen) {
            s.open(element);
            s.veld("ToewijzingNummer", l.nummer());
            s.product(l.product());
            s.veld("ToewijzingIngangsdatum", l.toewijzingIngangsdatum().toString());
            s.veld("Begindatum", l.begindatum().toString());
            if (l.redenBeeindiging() != null) {
                s.veld("RedenBeeindiging", l.redenBeeindiging());
                s.veld("Einddatum", l.einddatum().toString());
            }
            s.veld("StatusAanlevering", l.status());
            s.sluit(element);
        }
        s.sluit(lijst);
        return s.einde();
    }

    static byte[] jw315(Kop kop, Client client, Verzoek v) {
        Schrijver s = new Schrijver("jw315", kop.metPrefix());
        s.begin(kop, "446", client);
        s.veld("GezagsdragerBekend", "1");
        s.open("AangevraagdeProducten");
        s.open("AangevraagdProduct");
        s.veld("ReferentieAanbieder", v.referentie());
        s.product(v.product());
        s.veld("ToewijzingIngangsdatum", v.ingangsdatum().toString());
        s.omvang(v.volume(), v.eenheid(), v.frequentie());
        s.open("Verwijzer");
        s.basis("Type", v.verwijzerType());
        if (v.zorgverlenerCode() != null) {
            s.basis("ZorgverlenerCode", v.zorgverlenerCode());
        }
        s.sluit("Verwijzer");
        s.sluit("AangevraagdProduct");
        s.sluit("AangevraagdeProducten");
        return s.einde();
    }

    /** Appends elements; the message's own elements get the prefix when the sender writes one. */
    private static final class Schrijver {
        private final StringBuilder xml = new StringBuilder(2048);
        private final String soort;
        private final String prefix;

        Schrijver(String soort, boolean metPrefix) {
            this.soort = soort;
            this.prefix = metPrefix ? soort + ":" : "";
        }

        /** Header and the client's personal data; the product list follows, then {@link #einde()}. */
        void begin(Kop kop, String berichtCode, Client c) {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(prefix).append("Bericht xmlns")
                    .append(prefix.isEmpty() ? "" : ":" + soort).append("=\"").append(NS).append(soort)
                    .append("/schema\" xmlns:ijw=\"").append(NS).append("basisschema/schema\">");
            open("Header");
            veld("BerichtCode", berichtCode);
            veld("BerichtVersie", "3");
            veld("BerichtSubversie", "2");
            veld("Afzender", kop.afzender());
            veld("Ontvanger", kop.ontvanger());
            open("BerichtIdentificatie");
            basis("Identificatie", kop.identificatie());
            basis("Dagtekening", kop.dagtekening());
            sluit("BerichtIdentificatie");
            open("XsdVersie");
            basis("BasisschemaXsdVersie", "1.2.0");
            basis("BerichtXsdVersie", "1.2.0");
            sluit("XsdVersie");
            sluit("Header");
            open("Client");
            veld("Bsn", c.bsn());
            open("Geboortedatum");
            basis("Datum", c.geboortedatum().toString());
            basis("DatumGebruik", "1");
            sluit("Geboortedatum");
            veld("Geslacht", c.geslacht());
            open("Naam");
            xml.append("<ijw:Geslachtsnaam>");
            basis("Achternaam", c.achternaam());
            if (c.voorvoegsel() != null) {
                basis("Voorvoegsel", c.voorvoegsel());
            }
            xml.append("</ijw:Geslachtsnaam>");
            basis("Voorletters", c.voorletters());
            boolean toewijzing = soort.equals("jw301");
            if (toewijzing) {
                // CDT_VolledigeNaam of the allocation; the providers' messages use CDT_VerkorteNaam, without it.
                basis("NaamGebruik", "1");
            }
            sluit("Naam");
            if (toewijzing) {
                open("Contactgegevens");
                open("Contact");
                veld("Soort", "01");
                open("Adres");
                xml.append("<ijw:Huis>");
                basis("Huisnummer", Integer.toString(c.huisnummer()));
                xml.append("</ijw:Huis>");
                basis("Postcode", c.postcode());
                basis("Straatnaam", c.straat());
                basis("Plaatsnaam", c.plaats());
                sluit("Adres");
                sluit("Contact");
                sluit("Contactgegevens");
            }
        }

        void product(Tabellen.Product p) {
            open("Product");
            basis("Categorie", p.categorie());
            if (p.code() != null) {
                basis("Code", p.code());
            }
            sluit("Product");
        }

        void omvang(int volume, String eenheid, String frequentie) {
            open("Omvang");
            basis("Volume", Integer.toString(volume));
            basis("Eenheid", eenheid);
            basis("Frequentie", frequentie);
            sluit("Omvang");
        }

        void open(String naam) {
            xml.append('<').append(prefix).append(naam).append('>');
        }

        void sluit(String naam) {
            xml.append("</").append(prefix).append(naam).append('>');
        }

        void veld(String naam, String waarde) {
            open(naam);
            tekst(waarde);
            sluit(naam);
        }

        void basis(String naam, String waarde) {
            xml.append("<ijw:").append(naam).append('>');
            tekst(waarde);
            xml.append("</ijw:").append(naam).append('>');
        }

        private void tekst(String waarde) {
            for (int i = 0; i < waarde.length(); i++) {
                char c = waarde.charAt(i);
                switch (c) {
                    case '&' -> xml.append("&amp;");
                    case '<' -> xml.append("&lt;");
                    case '>' -> xml.append("&gt;");
                    default -> xml.append(c);
                }
            }
        }

        byte[] einde() {
            sluit("Client");
            xml.append("</").append(prefix).append("Bericht>\n");
            return xml.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
