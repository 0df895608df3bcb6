package nl.procesregie.hub.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import nl.procesregie.hub.config.ConfiguratieFout;
import nl.procesregie.hub.config.GemeenteInstellingen;
import nl.procesregie.hub.config.HubInstellingen;
import nl.procesregie.hub.config.Modus;
import nl.procesregie.hub.config.RegioConfiguratie;
import nl.procesregie.hub.ijw.BerichtSoort;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ijw.IjwParser;
import nl.procesregie.hub.ijw.Product;
import nl.procesregie.hub.testinfra.Xsd;

/**
 * The production-like stack in {@code docker/}: no Docker engine runs where the tests run, so the compose file is
 * schema-checked with dclint and its meaning is checked here against the hub itself: the settings it passes must be
 * ones {@link HubInstellingen} knows and accepts in productie, the services must find each other, and the image must
 * be built from pinned images and report health on the port it exposes.
 */
class ComposeBestandTest {

    static final Path DOCKER = Path.of("docker");
    static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    static final Path DCLINT = Path.of(".tools", "node_modules", ".bin", "dclint");
    static final String DCLINT_VERSIE = "3.1.0";
    static final String INSTALLATIE = "installeer het met: npm install --prefix .tools --save-exact dclint@" + DCLINT_VERSIE
            + " (.ci/run doet dat zelf)";

    /** Keys outside HUB_* that the hub reads; HUB_* keys are checked by HubInstellingen itself. */
    static final Map<String, Function<HubInstellingen, Object>> ANDERE_SLEUTELS = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", i -> i.kafkaBootstrapServers(),
            "SMTP_HOST", i -> i.smtpHost(),
            "SMTP_PORT", i -> i.smtpPort().map(String::valueOf),
            "SMTP_USERNAME", i -> i.smtpUsername(),
            "SMTP_PASSWORD", i -> i.smtpPassword(),
            "SMTP_STARTTLS", i -> Optional.of(String.valueOf(i.smtpStarttls())),
            "SMTP_TRUSTSTORE", i -> i.smtpTruststore().map(Path::toString));
    static final String SMTP_TRUSTSTORE = "SMTP_TRUSTSTORE";

    static Map<String, Object> compose;
    static Map<String, String> envVoorbeeld;
    static List<String> dockerfile;

    @BeforeAll
    static void lees() throws IOException {
        compose = yaml(COMPOSE);
        envVoorbeeld = envBestand(DOCKER.resolve("env.example"));
        dockerfile = instructies(Files.readString(DOCKER.resolve("Dockerfile")));
    }

    // ---- the compose file as Docker Compose sees it

    @Test
    void dclintKeurtHetComposeBestandGoed() throws Exception {
        if (!Files.isExecutable(DCLINT)) {
            String melding = "dclint ontbreekt in " + DCLINT + "; " + INSTALLATIE;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(melding);
            }
            Assumptions.abort(melding);
        }
        Uitvoer versie = voerUit(List.of(DCLINT.toString(), "--version"));
        assertEquals(DCLINT_VERSIE, versie.stdout().strip(), "dclint-versie; " + INSTALLATIE + "\n" + versie.stderr());

        Uitvoer uit = voerUit(List.of(DCLINT.toString(), "-c", DOCKER.resolve(".dclintrc").toString(),
                "-f", "json", "--max-warnings", "0", COMPOSE.toString()));
        JsonNode rapport;
        try {
            rapport = new ObjectMapper().readTree(uit.stdout());
        } catch (IOException e) {
            throw new AssertionError("dclint gaf geen JSON-rapport (code " + uit.code() + "):\n" + uit.stdout() + "\n"
                    + uit.stderr(), e);
        }
        assertTrue(rapport.isArray() && rapport.size() == 1, "één rapport, voor " + COMPOSE + ":\n" + rapport);
        JsonNode bestand = rapport.get(0);
        List<String> meldingen = new ArrayList<>();
        bestand.path("messages").forEach(m -> meldingen.add(m.path("type").asText() + " " + m.path("rule").asText()
                + " (regel " + m.path("line").asText() + "): " + m.path("message").asText()));
        assertEquals(List.of(), meldingen, "dclint op " + COMPOSE);
        assertEquals(0, bestand.path("errorCount").asInt(-1), "fouten volgens dclint:\n" + bestand);
        assertEquals(0, bestand.path("warningCount").asInt(-1), "waarschuwingen volgens dclint:\n" + bestand);
        assertEquals(0, uit.code(), "exitcode van dclint:\n" + uit.stdout() + uit.stderr());
    }

    @Test
    void deHubDraaitInProductie() {
        assertEquals("productie", omgeving("hub").get("HUB_MODE"), "HUB_MODE van de hub in " + COMPOSE);
        assertEquals(Map.of("context", "..", "dockerfile", "docker/Dockerfile"), dienst("hub").get("build"),
                "de hub wordt gebouwd vanuit de repository met docker/Dockerfile");
    }

    @Test
    void elkeSleutelVanDeHubIsBekend(@TempDir Path tmp) throws Exception {
        Map<String, String> instellingen = hubInstellingen(tmp);
        List<String> onbekend = new ArrayList<>();
        // HubInstellingen reports unknown keys under HUB_* only; SMTP_* and KAFKA_* are checked against the list above.
        for (String sleutel : instellingen.keySet()) {
            boolean andere = sleutel.startsWith("SMTP_") || sleutel.startsWith("KAFKA_");
            if (andere && !ANDERE_SLEUTELS.containsKey(sleutel)) {
                onbekend.add(sleutel + ": onbekende instelling");
            }
        }
        try {
            HubInstellingen.uit(instellingen);
        } catch (ConfiguratieFout e) {
            e.fouten().stream().filter(f -> f.contains("onbekende instelling")).forEach(onbekend::add);
        }
        assertEquals(List.of(), onbekend, "instellingen in " + COMPOSE + " die HubInstellingen niet kent");
    }

    @Test
    void deHubStartInProductieMetDezeInstellingen(@TempDir Path tmp) throws Exception {
        Map<String, String> instellingen = hubInstellingen(tmp);
        HubInstellingen i;
        try {
            i = HubInstellingen.uit(instellingen);
        } catch (ConfiguratieFout e) {
            throw new AssertionError("de hub zou met " + COMPOSE + " en docker/env.example (geheimen ingevuld) niet "
                    + "starten:\n" + e.getMessage(), e);
        }
        assertEquals(Modus.PRODUCTIE, i.modus());
        assertTrue(i.smtpStarttls(), "STARTTLS met certificaatcontrole");
        // HubInstellingen reports unknown HUB_* keys only; these prove the other keys are read, not ignored.
        for (var sleutel : ANDERE_SLEUTELS.entrySet()) {
            if (instellingen.containsKey(sleutel.getKey())) {
                assertEquals(Optional.ofNullable(leegIsNull(instellingen.get(sleutel.getKey()))),
                        sleutel.getValue().apply(i), sleutel.getKey() + " wordt gelezen zoals gegeven");
            }
        }
        assertFalse(i.pseudoniemSleutelIsStandaard());
        assertTrue(omgeving("hub").containsKey(SMTP_TRUSTSTORE), "de hub vertrouwt de test-CA via " + SMTP_TRUSTSTORE);
    }

    @Test
    void geheimenKomenUitDeEnvFileEnZijnVerplicht() {
        Map<String, String> hub = omgeving("hub");
        for (String geheim : List.of("HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL", "HUB_DB_PASSWORD")) {
            String waarde = hub.get(geheim);
            assertNotNull(waarde, geheim + " ontbreekt bij de hub");
            assertTrue(waarde.matches("\\$\\{" + geheim + ":\\?[^}]+}"),
                    geheim + " komt uit docker/.env en is verplicht (${" + geheim + ":?melding}), gevonden: " + waarde);
            assertEquals("", envVoorbeeld.get(geheim),
                    "docker/env.example laat " + geheim + " leeg, zodat niemand met een voorbeeldgeheim start");
        }
        assertEquals(hub.get("HUB_DB_PASSWORD"), omgeving("postgres").get("POSTGRES_PASSWORD"),
                "de database en de hub gebruiken hetzelfde wachtwoord uit docker/.env");
    }

    @Test
    void envVoorbeeldNoemtPreciesDeGebruikteVariabelen() throws IOException {
        Set<String> gebruikt = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(
                Files.readString(COMPOSE).replace("$$", ""));
        while (m.find()) {
            gebruikt.add(m.group(1));
        }
        assertEquals(gebruikt, new TreeSet<>(envVoorbeeld.keySet()),
                "docker/env.example beschrijft elke variabele die " + COMPOSE + " uit docker/.env haalt, en geen andere");
    }

    @Test
    void imagesZijnVastgepind() {
        for (var dienst : diensten().entrySet()) {
            Object image = dienst.getValue().get("image");
            if (image == null) {
                assertNotNull(dienst.getValue().get("build"), dienst.getKey() + " heeft een image of een build");
                continue;
            }
            assertVastgepind(String.valueOf(image), "dienst " + dienst.getKey());
        }
        Set<String> fases = new HashSet<>();
        for (String regel : dockerfile) {
            Matcher from = Pattern.compile("(?i)FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(regel);
            if (from.matches()) {
                if (!fases.contains(from.group(1).toLowerCase())) {
                    assertVastgepind(from.group(1), "docker/Dockerfile");
                }
                if (from.group(2) != null) {
                    fases.add(from.group(2).toLowerCase());
                }
            }
        }
        assertFalse(fases.isEmpty(), "docker/Dockerfile bouwt in een aparte fase");
    }

    // ---- the image

    @Test
    void dockerfileMeldtGezondheidOpDePoortDieHetOpenzet() throws IOException {
        Map<String, String> env = dockerfileEnv();
        assertEquals("productie", env.get("HUB_MODE"), "HUB_MODE in docker/Dockerfile");
        String poort = env.get("HUB_HTTP_PORT");
        assertNotNull(poort, "docker/Dockerfile zet HUB_HTTP_PORT, de poort van /health");
        assertEquals(List.of(poort + ""), instructie("EXPOSE").stream()
                .flatMap(e -> List.of(e.split("\\s+")).stream()).map(p -> p.replace("/tcp", "")).toList(),
                "EXPOSE is de HTTP-poort van de hub");

        List<String> healthcheck = instructie("HEALTHCHECK");
        assertEquals(1, healthcheck.size(), "één HEALTHCHECK");
        Matcher script = Pattern.compile("CMD \\[\"(/app/[^\"]+)\"]").matcher(healthcheck.get(0));
        assertTrue(script.find(), "HEALTHCHECK roept een script in /app aan: " + healthcheck.get(0));
        String naam = Path.of(script.group(1)).getFileName().toString();
        assertTrue(instructie("COPY").stream().anyMatch(c -> c.contains("docker/" + naam) && c.endsWith(script.group(1))),
                "het script van de HEALTHCHECK komt uit docker/" + naam);
        String inhoud = Files.readString(DOCKER.resolve(naam));
        assertTrue(inhoud.contains("${HUB_HTTP_PORT"), "de HEALTHCHECK volgt HUB_HTTP_PORT");
        assertTrue(inhoud.contains("GET /health "), "de HEALTHCHECK vraagt /health op");

        // The published port of the compose file reaches the same port.
        List<String> poorten = lijst(dienst("hub").get("ports"));
        assertEquals(1, poorten.size(), "de hub zet één poort open");
        assertTrue(poorten.get(0).endsWith(":" + poort), "compose publiceert de HTTP-poort " + poort + ": " + poorten);
        String composePoort = omgeving("hub").get("HUB_HTTP_PORT");
        assertTrue(composePoort == null || composePoort.equals(poort), "HUB_HTTP_PORT in compose gelijk aan het image");
    }

    @Test
    void hetImageDraaitHetArtefactVanDeBouwAlsGewoneGebruiker() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        String naam = pom.getElementsByTagName("finalName").item(0).getTextContent().strip();
        String prefix = pom.getElementsByTagName("classpathPrefix").item(0).getTextContent().strip();
        assertEquals("lib/", prefix, "de manifest-Class-Path wijst naar lib/ naast de jar");
        List<String> copies = instructie("COPY");
        assertTrue(copies.contains("--from=bouw /bron/target/" + naam + ".jar /app/" + naam + ".jar"),
                "de jar uit de bouwfase: " + copies);
        assertTrue(copies.contains("--from=bouw /bron/target/lib/ /app/" + prefix), "lib/ naast de jar: " + copies);
        assertEquals(1, instructie("ENTRYPOINT").size());
        assertTrue(instructie("ENTRYPOINT").get(0).matches("\\[\"java\", .*\"-jar\", \"/app/" + Pattern.quote(naam)
                + "\\.jar\"]"), "java -jar in exec-vorm: " + instructie("ENTRYPOINT"));
        assertTrue(instructie("RUN").stream().anyMatch(r -> r.contains("mvn -B -DskipTests package")),
                "de bouwfase bouwt met mvn -B -DskipTests package");

        List<String> user = instructie("USER");
        assertFalse(user.isEmpty(), "docker/Dockerfile zet een gebruiker");
        String gebruiker = user.get(user.size() - 1).split(":")[0];
        assertFalse(gebruiker.equals("root") || gebruiker.equals("0"), "de hub draait niet als root: " + gebruiker);
    }

    @Test
    void deBouwcontextBevatWatHetImageKopieert() throws IOException {
        List<String> toegelaten = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(r -> r.startsWith("!")).map(r -> r.substring(1).replaceAll("/+$", "")).toList();
        assertTrue(Files.readAllLines(Path.of(".dockerignore")).contains("*"), ".dockerignore laat alleen toe wat nodig is");
        for (String copy : instructie("COPY")) {
            if (copy.startsWith("--from=")) {
                continue;
            }
            List<String> delen = new ArrayList<>(List.of(copy.split("\\s+")));
            delen.removeIf(d -> d.startsWith("--"));
            for (String bron : delen.subList(0, delen.size() - 1)) {
                String pad = bron.replaceAll("^\\./", "").replaceAll("/+$", "");
                assertTrue(toegelaten.stream().anyMatch(t -> pad.equals(t) || pad.startsWith(t + "/")),
                        pad + " wordt gekopieerd maar .dockerignore houdt het buiten de bouwcontext");
                assertTrue(Files.exists(Path.of(pad)), pad + " bestaat");
            }
        }
    }

    // ---- the services find each other

    @Test
    void deHubWachtOpGezondeInfrastructuur() {
        Map<String, Map<String, Object>> diensten = diensten();
        Set<String> andere = new TreeSet<>(diensten.keySet());
        andere.remove("hub");
        assertEquals(andere, kaart(dienst("hub").get("depends_on")).keySet(), "de hub wacht op elke andere dienst");
        for (var dienst : diensten.entrySet()) {
            for (var afhankelijk : kaart(dienst.getValue().get("depends_on")).entrySet()) {
                Map<String, Object> doel = diensten.get(afhankelijk.getKey());
                assertNotNull(doel, dienst.getKey() + " wacht op een onbekende dienst " + afhankelijk.getKey());
                // A service without a restart policy is a one-shot; the others run and must say when they are ready.
                boolean eenmalig = doel.get("restart") == null;
                String verwacht = eenmalig ? "service_completed_successfully" : "service_healthy";
                assertEquals(verwacht, kaart(afhankelijk.getValue()).get("condition"),
                        dienst.getKey() + " wacht op " + afhankelijk.getKey());
                if (!eenmalig) {
                    assertNotNull(doel.get("healthcheck"), afhankelijk.getKey() + " heeft een healthcheck");
                }
            }
        }
    }

    @Test
    void deHubVindtKafkaPostgresEnDeMailserver() {
        Map<String, String> hub = omgeving("hub");
        Set<String> geadverteerd = new HashSet<>();
        for (String listener : omgeving("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            geadverteerd.add(listener.replaceFirst("^[A-Z_]+://", ""));
        }
        for (String server : hub.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            assertTrue(geadverteerd.contains(server.strip()), server + " is een listener die de broker adverteert: "
                    + geadverteerd);
        }

        Matcher db = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/([^?]+).*").matcher(hub.get("HUB_DB_URL"));
        assertTrue(db.matches(), "HUB_DB_URL: " + hub.get("HUB_DB_URL"));
        assertTrue(diensten().containsKey(db.group(1)), "de database-host is een dienst: " + db.group(1));
        Map<String, String> postgres = omgeving(db.group(1));
        assertEquals(postgres.get("POSTGRES_DB"), db.group(2), "databasenaam");
        assertEquals(postgres.get("POSTGRES_USER"), hub.get("HUB_DB_USER"), "databasegebruiker");

        String mailhost = hub.get("SMTP_HOST");
        assertTrue(diensten().containsKey(mailhost), "SMTP_HOST is een dienst: " + mailhost);
        assertEquals(mailhost, omgeving("certificaten").get("MAILHOST"),
                "het certificaat noemt de naam waarmee de hub de mailserver aanspreekt (hostnaamcontrole)");

        // The CA file the hub trusts lies in a volume that the certificate service writes.
        String truststore = hub.get(SMTP_TRUSTSTORE);
        assertNotNull(truststore, "de hub vertrouwt de test-CA via " + SMTP_TRUSTSTORE);
        Optional<String> volume = lijst(dienst("hub").get("volumes")).stream()
                .filter(v -> truststore.startsWith(v.split(":")[1] + "/")).map(v -> v.split(":")[0]).findFirst();
        assertTrue(volume.isPresent(), SMTP_TRUSTSTORE + " ligt in een volume van de hub: " + truststore);
        assertTrue(lijst(dienst("certificaten").get("volumes")).stream().anyMatch(v -> v.startsWith(volume.get() + ":")),
                "de dienst certificaten schrijft het volume " + volume.get());
    }

    @Test
    void deTopicsZijnDieVanDeHub() throws IOException {
        HubInstellingen standaard = HubInstellingen.uit(Map.of());
        Matcher lus = Pattern.compile("for topic in ([^;]+);").matcher(Files.readString(DOCKER.resolve("kafka-topics.sh")));
        assertTrue(lus.find(), "kafka-topics.sh maakt topics in een lus");
        assertEquals(new TreeSet<>(standaard.topics()), new TreeSet<>(List.of(lus.group(1).strip().split("\\s+"))),
                "kafka-topics.sh maakt precies de topics van de hub");
        assertTrue(kaart(dienst("hub").get("depends_on")).containsKey("kafka-topics"), "de hub start na de topics");
        assertEquals("false", omgeving("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"),
                "een verkeerd gespeld topic wordt niet stil aangemaakt");
    }

    @Test
    void deVoorbeeldberichtenGevenEenJeugdigeVierTrajecten() throws Exception {
        Uitvoer uit = voerUit(List.of("sh", DOCKER.resolve("voorbeeld-berichten.sh").toString()));
        assertEquals(0, uit.code(), uit.stderr());
        List<String> regels = uit.stdout().lines().toList();
        assertEquals(4, regels.size(), "vier berichten, elk op één regel (één Kafka-record per regel)");

        IjwParser parser = new IjwParser();
        Xsd xsd = new Xsd();
        Set<String> trajecten = new HashSet<>();
        Set<String> jeugdigen = new HashSet<>();
        Set<String> gemeenten = new HashSet<>();
        List<Product> producten = new ArrayList<>();
        for (String regel : regels) {
            assertEquals(List.of(), xsd.fouten(regel.getBytes(StandardCharsets.UTF_8)),
                    "het voorbeeld is geldig iJw 3.2 (de XSD's), ook met HUB_XSD_CONTROLE=streng");
            IjwBericht bericht;
            try {
                bericht = parser.parse(regel.getBytes(StandardCharsets.UTF_8));
            } catch (IjwFout e) {
                throw new AssertionError("voorbeeldbericht wordt geparkeerd: " + e.getMessage(), e);
            }
            assertEquals(BerichtSoort.JW301, bericht.soort());
            assertEquals(LocalDate.now(), bericht.identiteit().dagtekening(),
                    "vandaag gedateerd, binnen de signaalhorizon: anders gaat er geen mail uit");
            jeugdigen.add(bericht.client().bsn());
            gemeenten.add(bericht.gemeente());
            bericht.toewijzingen().forEach(t -> trajecten.add(bericht.aanbieder() + "/" + t.product().sleutel()));
            bericht.toewijzingen().forEach(t -> producten.add(t.product()));
        }
        assertEquals(1, jeugdigen.size(), "één jeugdige");
        assertEquals(4, trajecten.size(), "vier verschillende trajecten: " + trajecten);
        assertEquals(1, gemeenten.size());
        RegioConfiguratie regio = RegioConfiguratie.laad(HubInstellingen.uit(Map.of()).configLocaties());
        GemeenteInstellingen gemeente = regio.gemeente(gemeenten.iterator().next()).orElseThrow(
                () -> new AssertionError("de gemeente van de voorbeeldberichten staat in de meegeleverde regio's"));
        assertFalse(gemeente.heeftVerwijzerregel(), "het signaal gaat direct uit, zonder op een JW315 te wachten");
        assertTrue(gemeente.drempel() <= 4, "vier trajecten halen de drempel");
        producten.forEach(p -> assertFalse(gemeente.isUitgesloten(p.categorie(), p.code()), p + " telt mee"));
    }

    // ---- helpers

    /** The hub's environment as the container gets it: compose interpolation with docker/env.example as .env. */
    static Map<String, String> hubInstellingen(Path tmp) throws Exception {
        Map<String, String> dotEnv = new LinkedHashMap<>(envVoorbeeld);
        // The example leaves the required values empty on purpose; fill them as an operator would: each secret its own
        // random value, a real sender, the region's own file.
        dotEnv.replaceAll((k, v) -> !v.isEmpty() || !verplicht(k) ? v
                : k.equals("HUB_MAIL_AFZENDER") ? "signalen@procesregie-eigenregio.nl"
                : k.equals("HUB_CONFIG") ? "/config/regio.yaml"
                : willekeurigGeheim());
        Map<String, String> hub = new LinkedHashMap<>();
        omgeving("hub").forEach((k, v) -> hub.put(k, interpoleer(v, dotEnv)));
        // The path exists inside the container only; HubInstellingen reads the file, so a real CA certificate in PEM
        // stands in for it.
        if (hub.containsKey(SMTP_TRUSTSTORE)) {
            hub.put(SMTP_TRUSTSTORE, caPem(tmp).toString());
        }
        return hub;
    }

    static String willekeurigGeheim() {
        byte[] willekeurig = new byte[36];
        new java.security.SecureRandom().nextBytes(willekeurig);
        return java.util.Base64.getEncoder().encodeToString(willekeurig);
    }

    static boolean verplicht(String variabele) {
        try {
            return Files.readString(COMPOSE).contains("${" + variabele + ":?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
    static String interpoleer(String waarde, Map<String, String> env) {
        Matcher m = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(waarde);
        StringBuilder uit = new StringBuilder();
        while (m.find()) {
            String vervanging;
            if (m.group().equals("$$")) {
                vervanging = "$";
            } else if (m.group(4) != null) {
                vervanging = env.getOrDefault(m.group(4), "");
            } else {
                String naam = m.group(1);
                String op = m.group(2);
                boolean gezet = env.containsKey(naam) && (op == null || !op.startsWith(":") || !env.get(naam).isEmpty());
                vervanging = switch (op == null ? "" : op.replace(":", "")) {
                    case "" -> env.getOrDefault(naam, "");
                    case "-" -> gezet ? env.get(naam) : m.group(3);
                    case "+" -> gezet ? m.group(3) : "";
                    case "?" -> {
                        if (!gezet) {
                            throw new AssertionError("compose weigert te starten: " + naam + ": " + m.group(3));
                        }
                        yield env.get(naam);
                    }
                    default -> throw new IllegalStateException(op);
                };
            }
            m.appendReplacement(uit, Matcher.quoteReplacement(vervanging));
        }
        m.appendTail(uit);
        return uit.toString();
    }

    static Path caPem(Path tmp) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path opslag = tmp.resolve("ca.p12");
        Path pem = tmp.resolve("ca.pem");
        List<List<String>> stappen = List.of(
                List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=test-CA", "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12",
                        "-keystore", opslag.toString(), "-storepass", "wachtwoord"),
                List.of(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", opslag.toString(),
                        "-storepass", "wachtwoord", "-file", pem.toString()));
        for (List<String> stap : stappen) {
            Uitvoer uit = voerUit(stap);
            assertEquals(0, uit.code(), "keytool: " + uit.stdout() + uit.stderr());
        }
        return pem;
    }

    static void assertVastgepind(String image, String waar) {
        String naam = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int dubbelepunt = naam.lastIndexOf(':');
        boolean heeftTag = dubbelepunt > naam.lastIndexOf('/');
        assertTrue(heeftTag || image.contains("@sha256:"), waar + ": " + image + " heeft een vaste versie");
        if (heeftTag) {
            String tag = naam.substring(dubbelepunt + 1);
            assertFalse(tag.equalsIgnoreCase("latest"), waar + ": " + image + " is niet latest");
            assertTrue(tag.matches(".*\\d+\\.\\d+.*"), waar + ": " + image + " noemt een versie (major.minor)");
        }
    }

    static Map<String, String> dockerfileEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : instructie("ENV")) {
            for (String paar : e.split("\\s+")) {
                int is = paar.indexOf('=');
                if (is > 0) {
                    env.put(paar.substring(0, is), paar.substring(is + 1));
                }
            }
        }
        return env;
    }

    /** Arguments of every instruction of this kind in the Dockerfile, in order. */
    static List<String> instructie(String soort) {
        return dockerfile.stream().filter(r -> r.regionMatches(true, 0, soort + " ", 0, soort.length() + 1))
                .map(r -> r.substring(soort.length() + 1).strip()).toList();
    }

    /** Instructions one per entry: comments dropped, continuation lines joined. */
    static List<String> instructies(String tekst) {
        List<String> uit = new ArrayList<>();
        StringBuilder huidig = new StringBuilder();
        for (String regel : tekst.split("\n")) {
            String r = regel.strip();
            if (r.startsWith("#") || (r.isEmpty() && huidig.isEmpty())) {
                continue;
            }
            boolean verder = r.endsWith("\\");
            huidig.append(verder ? r.substring(0, r.length() - 1).strip() : r).append(' ');
            if (!verder) {
                uit.add(huidig.toString().strip().replaceAll("\\s+", " "));
                huidig.setLength(0);
            }
        }
        return uit;
    }

    static Map<String, String> envBestand(Path pad) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String regel : Files.readAllLines(pad)) {
            String r = regel.strip();
            if (r.isEmpty() || r.startsWith("#")) {
                continue;
            }
            int is = r.indexOf('=');
            assertTrue(is > 0, pad + ": geen SLEUTEL=waarde: " + r);
            env.put(r.substring(0, is), r.substring(is + 1));
        }
        return env;
    }

    // Jackson's YAML module (a declared dependency; SnakeYAML underneath) with duplicate keys refused, as Compose does.
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path pad) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return yaml.readValue(pad.toFile(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> diensten() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) kaart(compose.get("services"));
    }

    static Map<String, Object> dienst(String naam) {
        Map<String, Object> dienst = diensten().get(naam);
        assertNotNull(dienst, "dienst " + naam + " in " + COMPOSE);
        return dienst;
    }

    /** A service's environment as written (before interpolation), values as Compose passes them: text. */
    static Map<String, String> omgeving(String dienst) {
        Map<String, String> env = new LinkedHashMap<>();
        kaart(dienst(dienst).get("environment")).forEach((k, v) -> env.put(k, v == null ? "" : String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> kaart(Object o) {
        if (o == null) {
            return Map.of();
        }
        assertTrue(o instanceof Map, "verwacht een map, gevonden " + o);
        return (Map<String, Object>) o;
    }

    static List<String> lijst(Object o) {
        if (o == null) {
            return List.of();
        }
        assertTrue(o instanceof List, "verwacht een lijst, gevonden " + o);
        return ((List<?>) o).stream().map(String::valueOf).collect(Collectors.toList());
    }

    static String leegIsNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record Uitvoer(int code, String stdout, String stderr) {
    }

    static Uitvoer voerUit(List<String> opdracht) throws Exception {
        Process p = new ProcessBuilder(opdracht).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> lees(p.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> lees(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(opdracht.get(0) + " duurde langer dan 120 s");
        }
        return new Uitvoer(p.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    static String lees(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
