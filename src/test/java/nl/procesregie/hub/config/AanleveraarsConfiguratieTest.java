package nl.procesregie.hub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code aanleveraars} section of a regio file: the back offices that may post to POST /ijw. */
class AanleveraarsConfiguratieTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    @TempDir
    Path map;

    private String bestand(String naam, String gemeente, String aanleveraars) throws IOException {
        Path pad = map.resolve(naam);
        Files.writeString(pad, """
                regio:
                  naam: Proefregio %s
                  woorden: { contactpersoon: consulent, plan: plan van aanpak }
                  gemeenten:
                    - code: "%s"
                      naam: Dorp %s
                      regisseur: { naam: A. Regisseur, email: regie@dorp%s.nl }
                      team: { email: team@dorp%s.nl }
                """.formatted(naam, gemeente, gemeente, gemeente, gemeente) + aanleveraars);
        return pad.toString();
    }

    private List<String> fouten(Modus modus, String... locaties) {
        return assertThrows(ConfiguratieFout.class, () -> RegioConfiguratie.laad(List.of(locaties), modus)).fouten();
    }

    @Test
    void eenAanleveraarWordtGelezen() throws IOException {
        RegioConfiguratie regio = RegioConfiguratie.laad(List.of(bestand("proef.yaml", "9001", """
                  aanleveraars:
                    - naam: Backoffice Eerstedorp
                      token: "sha256:%s"
                      gemeenten: ["9001"]
                    - naam: Zorgaanbieder
                      token: " sha256:%s "
                      afzenders: [" 12345678 ", "0001"]
                """.formatted(HASH_A, HASH_B.toUpperCase()))));
        assertEquals(List.of(new Aanleveraar("Backoffice Eerstedorp", HASH_A, Set.of("9001"), Set.of()),
                new Aanleveraar("Zorgaanbieder", HASH_B, Set.of(), Set.of("12345678", "0001"))), regio.aanleveraars());
    }

    @Test
    void zonderSectieZijnErGeenAanleveraars() throws IOException {
        assertEquals(List.of(), RegioConfiguratie.laad(List.of(bestand("proef.yaml", "9001", ""))).aanleveraars());
    }

    @Test
    void elkeFoutNoemtBestandEnSleutel() throws IOException {
        String locatie = bestand("proef.yaml", "9001", """
                  aanleveraars:
                    - naam: Zonder hash
                      token: "mijn-geheime-token"
                      gemeenten: ["9001"]
                    - naam: Korte code
                      token: "sha256:%s"
                      gemeenten: ["901", "9999"]
                    - naam: Niets
                      token: "sha256:%s"
                    - token: "sha256:%s"
                      afzenders: [""]
                      gemeenten: []
                """.formatted(HASH_A, HASH_B, "c".repeat(64)));
        List<String> fouten = fouten(Modus.DEMO, locatie);
        assertEquals(List.of(
                "proef.yaml: regio.aanleveraars[0].token: verwacht \"sha256:\" gevolgd door 64 hexadecimale tekens: de "
                        + "SHA-256 van het token, niet het token zelf (maak hem met: printf %s \"$TOKEN\" | sha256sum)",
                "proef.yaml: regio.aanleveraars[1].gemeenten[0]: verwacht een gemeentecode van precies 4 cijfers "
                        + "tussen aanhalingstekens (bijv. \"0632\"), gevonden '901'",
                "proef.yaml: regio.aanleveraars[2]: noem de gemeenten en/of de afzenders waarvoor deze aanleveraar "
                        + "berichten mag aanleveren",
                "proef.yaml: regio.aanleveraars[3].naam: ontbreekt",
                "proef.yaml: regio.aanleveraars[3].afzenders[0]: verwacht een Afzendercode zoals in de berichten, "
                        + "gevonden ''"), fouten);
        assertTrue(fouten.stream().noneMatch(f -> f.contains("mijn-geheime-token")), "the token is not repeated");
    }

    @Test
    void naamEnHashKomenEenKeerVoorOverAlleBestandenEnGemeentenBestaan() throws IOException {
        String eerste = bestand("eerste.yaml", "9001", """
                  aanleveraars:
                    - naam: Backoffice
                      token: "sha256:%s"
                      gemeenten: ["9001", "9002"]
                """.formatted(HASH_A));
        String tweede = bestand("tweede.yaml", "9002", """
                  aanleveraars:
                    - naam: Backoffice
                      token: "sha256:%s"
                      gemeenten: ["9002"]
                    - naam: Andere backoffice
                      token: "sha256:%s"
                      gemeenten: ["9003"]
                """.formatted(HASH_B, HASH_A.toUpperCase()));
        assertEquals(List.of(
                "tweede.yaml: regio.aanleveraars[0].naam: naam 'Backoffice' komt al voor in eerste.yaml "
                        + "(regio.aanleveraars[0])",
                "tweede.yaml: regio.aanleveraars[1].token: dezelfde token-hash staat al bij eerste.yaml "
                        + "(regio.aanleveraars[0]); geef elke aanleveraar een eigen token",
                "tweede.yaml: regio.aanleveraars[1].gemeenten: gemeente '9003' staat in geen enkel regiobestand van "
                        + "deze hub"), fouten(Modus.DEMO, eerste, tweede));
        // A gemeente configured in another file is fine: a back office may serve more than one regio.
        assertEquals(2, RegioConfiguratie.laad(List.of(eerste, bestand("derde.yaml", "9002", ""))).gemeenten().size());
    }

    @Test
    void hetDemotokenWordtInProductieGeweigerd() throws IOException {
        String locatie = bestand("proef.yaml", "9001", """
                  aanleveraars:
                    - naam: Gekopieerd
                      token: "sha256:3558891126821a82eb879ab8722f21d4c9768c012b1d056be1b2446e35ce6c5e"
                      gemeenten: ["9001"]
                """);
        assertEquals(1, RegioConfiguratie.laad(List.of(locatie), Modus.DEMO).aanleveraars().size());
        assertEquals(List.of("proef.yaml: regio.aanleveraars[0].token: dit is een token uit de "
                + "voorbeeldregio's of de tests van de hub, dat iedereen kent; maak in productie een eigen token (bijv. "
                + "met: openssl rand -base64 32)"), fouten(Modus.PRODUCTIE, locatie));
    }

    /** Every token hash the project publishes (its token stands beside it, or is the demo's) is refused in productie. */
    @Test
    void elkeGepubliceerdeTokenhashWordtInProductieGeweigerd() throws IOException {
        Pattern hash = Pattern.compile("sha256:([0-9a-fA-F]{64})");
        Set<String> gevonden = new TreeSet<>();
        for (String wortel : List.of("src/main", "src/test", "README.md", "docker")) {
            try (Stream<Path> paden = Files.walk(Path.of(wortel))) {
                for (Path p : paden.filter(Files::isRegularFile).toList()) {
                    Matcher m = hash.matcher(Files.readString(p, StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        gevonden.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertTrue(gevonden.size() >= 8, "de scan vindt de hashes: " + gevonden);
        assertEquals(Set.of(), gevonden.stream().filter(h -> !RegioConfiguratie.OPENBARE_TOKENHASHES.contains(h))
                .collect(Collectors.toSet()), "in productie te weigeren (RegioConfiguratie.OPENBARE_TOKENHASHES)");
    }

    @Test
    void deVoorbeeldregiosHebbenElkEenDemoAanleveraar() {
        RegioConfiguratie regio = RegioConfiguratie.laad(
                List.of("classpath:config/utrecht-west.yaml", "classpath:config/flevoland.yaml"));
        assertEquals(List.of("Backoffice Utrecht West (demo)", "Backoffice Flevoland (demo)"),
                regio.aanleveraars().stream().map(Aanleveraar::naam).toList());
        for (Aanleveraar a : regio.aanleveraars()) {
            assertTrue(regio.gemeenten().stream().map(GemeenteInstellingen::code).toList()
                    .containsAll(a.gemeenten()), a.naam());
        }
    }
}
