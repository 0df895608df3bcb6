package nl.procesregie.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.procesregie.hub.ijw.XsdControle;

/**
 * The process settings of the hub, read once at start-up from environment variables (overlaid with -D system
 * properties) and validated as a whole. Everything else asks this class; nothing reads the environment itself.
 *
 * <p>A blank value counts as absent, because orchestrators often pass {@code KEY=} for "not set".
 * In productie the settings must name real infrastructure and safe secrets; every gap is reported at once.
 */
public final class HubInstellingen {

    private static final String STANDAARD_CONFIG = "classpath:config/utrecht-west.yaml,classpath:config/flevoland.yaml";
    private static final String STANDAARD_AFZENDER = "procesregie-hub@localhost";
    // Public knowledge by design: fine for demo data, refused in productie.
    private static final String STANDAARD_SLEUTEL = "procesregie-hub-ontwikkelsleutel-niet-voor-productie";
    // A keyed hash is only as strong as its key; 32 bytes gives HMAC-SHA256 a full-strength key.
    private static final int MIN_SLEUTEL_LENGTE = 32;
    // Catches 'aaaa…' and 'abab…': a random key of 32 bytes or more in base64 has far more distinct characters.
    private static final int MIN_VERSCHILLENDE_TEKENS = 16;
    private static final String MAAK_SLEUTEL = "maak een willekeurige sleutel, bijvoorbeeld met: openssl rand -base64 48";
    private static final int MIN_WACHTWOORD_LENGTE = 16;
    // Public as well: links signed with it can be forged by anyone who reads this file.
    private static final String STANDAARD_BEVESTIG_SLEUTEL = "procesregie-hub-bevestigsleutel-niet-voor-productie";
    /**
     * Every value the project publishes for a secret (these defaults, README, docker/, the keys and passwords of the
     * tests): anyone can read them, so productie refuses them as a key. HubInstellingenTest scans the repository for
     * such values and fails on one that productie would accept as a key and that is missing here.
     */
    private static final Set<String> OPENBARE_SLEUTELS = Set.of(
            STANDAARD_SLEUTEL,
            STANDAARD_BEVESTIG_SLEUTEL,
            "een-testsleutel-van-voldoende-lengte",
            "de-bevestigsleutel-van-de-integratietests",
            "de-pseudoniemsleutel-van-het-clustertest",
            "een-bevestigingssleutel-van-voldoende-lengte",
            "een-andere-sleutel-die-ook-lang-genoeg-is",
            "een-sleutel-die-de-hub-niet-kent-123456",
            "fout-wachtwoord-van-genoeg-lengte");
    /** The keys of the hub: each must differ from the others and from every password of the hub. */
    private static final List<String> SLEUTELS = List.of("HUB_PSEUDONIEM_SLEUTEL", "HUB_BEVESTIG_SLEUTEL");
    private static final List<String> WACHTWOORDEN = List.of("HUB_OVERZICHT_WACHTWOORD", "HUB_DB_PASSWORD",
            "SMTP_PASSWORD", "KAFKA_SASL_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD");

    private static final Pattern BOOTSTRAP_SERVER =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");
    private static final Pattern IP_ADRES = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final Modus modus;
    private final List<String> configLocaties;
    private final String kafkaBootstrapServers;
    private final String kafkaGroupId;
    private final int kafkaMaxPollRecords;
    private final Duration kafkaSessieTimeout;
    private final String topicToewijzingen;
    private final String topicStartStop;
    private final String topicVerzoeken;
    private final String topicSignalen;
    private final String topicOngeldig;
    private final String topicMeldingen;
    private final String topicActies;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int dbPoolSize;
    private final String smtpHost;
    private final Integer smtpPort;
    private final String smtpUsername;
    private final String smtpPassword;
    private final boolean smtpStarttls;
    private final Path smtpTruststore;
    private final KafkaBeveiliging kafkaBeveiliging;
    private final String mailAfzender;
    private final byte[] pseudoniemSleutel;
    private final boolean pseudoniemSleutelIsStandaard;
    private final int maxRecordBytes;
    private final int maxPogingen;
    private final XsdControle xsdControle;
    private final Path invoerMap;
    private final Duration invoerRusttijd;
    private final int invoerHttpLimiet;
    private final Duration outboxInterval;
    private final Duration outboxMaxWachttijd;
    private final Duration outboxLease;
    private final Duration smtpTimeout;
    private final String overzichtWachtwoord;
    private final Path dataDir;
    private final boolean demoFeed;
    private final int demoFeedJeugdigenPerJaar;
    private final Duration demoFeedHistorie;
    private final Duration demoFeedLive;
    private final int demoFeedTempo;
    private final int demoFeedZaad;
    private final Path demoFeedMap;
    private final int httpPort;
    private final String httpHost;
    private final int ingebouwdeKafkaPoort;
    private final int ingebouwdeSmtpPoort;
    private final byte[] bevestigSleutel;
    private final boolean bevestigSleutelIsStandaard;
    private final Duration bevestigGeldigheid;
    private final Period bewaartermijn;
    private final int bewaarleeftijd;
    private final String basisUrl;
    private final Duration tijdplannerIncheckInterval;

    private HubInstellingen(Lezer l) {
        modus = l.modus();
        configLocaties = l.lijst("HUB_CONFIG", STANDAARD_CONFIG);
        kafkaBootstrapServers = l.bootstrapServers("KAFKA_BOOTSTRAP_SERVERS");
        kafkaGroupId = l.tekst("HUB_KAFKA_GROUP_ID", "procesregie-hub");
        kafkaMaxPollRecords = l.geheelGetal("HUB_KAFKA_MAX_POLL_RECORDS", 500, 1, Integer.MAX_VALUE);
        kafkaSessieTimeout = l.duur("HUB_KAFKA_SESSION_TIMEOUT", Duration.ofSeconds(45));
        kafkaBeveiliging = kafkaBeveiliging(l);
        topicToewijzingen = l.topic("HUB_TOPIC_TOEWIJZINGEN", "ijw.toewijzingen");
        topicStartStop = l.topic("HUB_TOPIC_START_STOP", "ijw.start-stop");
        topicVerzoeken = l.topic("HUB_TOPIC_VERZOEKEN", "ijw.verzoeken");
        topicSignalen = l.topic("HUB_TOPIC_SIGNALEN", "regie.signalen");
        topicOngeldig = l.topic("HUB_TOPIC_ONGELDIG", "ijw.ongeldig");
        topicMeldingen = l.topic("HUB_TOPIC_MELDINGEN", "regie.meldingen");
        topicActies = l.topic("HUB_TOPIC_ACTIES", "regie.acties");
        dbUrl = l.jdbcUrl("HUB_DB_URL");
        dbUser = l.optioneel("HUB_DB_USER");
        dbPassword = l.geheim("HUB_DB_PASSWORD");
        dbPoolSize = l.geheelGetal("HUB_DB_POOL_SIZE", 8, 1, Integer.MAX_VALUE);
        smtpHost = l.optioneel("SMTP_HOST");
        smtpPort = l.poort("SMTP_PORT");
        smtpUsername = l.optioneel("SMTP_USERNAME");
        smtpPassword = l.geheim("SMTP_PASSWORD");
        smtpStarttls = l.booleaan("SMTP_STARTTLS", false);
        smtpTruststore = l.certificatenBestand("SMTP_TRUSTSTORE");
        mailAfzender = l.emailadres("HUB_MAIL_AFZENDER", STANDAARD_AFZENDER);
        String sleutel = l.sleutel("HUB_PSEUDONIEM_SLEUTEL");
        pseudoniemSleutelIsStandaard = sleutel == null;
        pseudoniemSleutel = (sleutel == null ? STANDAARD_SLEUTEL : sleutel).getBytes(StandardCharsets.UTF_8);
        maxRecordBytes = l.geheelGetal("HUB_MAX_RECORD_BYTES", 5 * 1024 * 1024, 1, Integer.MAX_VALUE);
        maxPogingen = l.geheelGetal("HUB_MAX_POGINGEN", 3, 1, Integer.MAX_VALUE);
        // Melden by default: back offices deviate in details the hub does not use, and parking their messages would
        // stop care paths.
        xsdControle = l.xsdControle("HUB_XSD_CONTROLE", XsdControle.MELDEN);
        invoerMap = l.optioneelPad("HUB_INVOER_MAP");
        invoerRusttijd = l.duur("HUB_INVOER_RUSTTIJD", Duration.ofSeconds(2));
        invoerHttpLimiet = l.geheelGetal("HUB_INVOER_HTTP_LIMIET", 50, 1, 1_000_000);
        outboxInterval = l.duur("HUB_OUTBOX_INTERVAL", Duration.ofMillis(200));
        outboxMaxWachttijd = l.duur("HUB_OUTBOX_MAX_WACHTTIJD", Duration.ofMinutes(5));
        outboxLease = l.duur("HUB_OUTBOX_LEASE", Duration.ofMinutes(2));
        smtpTimeout = l.duur("SMTP_TIMEOUT", Duration.ofSeconds(30));
        overzichtWachtwoord = l.wachtwoord("HUB_OVERZICHT_WACHTWOORD");
        dataDir = l.pad("HUB_DATA_DIR", "./hub-data");
        // The demo feed would write fake youths into real topics: in productie it is off unless asked, and asking is refused.
        demoFeed = l.booleaan("HUB_DEMO_FEED", modus == Modus.DEMO);
        demoFeedJeugdigenPerJaar = l.geheelGetal("HUB_DEMO_FEED_JEUGDIGEN_PER_JAAR", 3_600, 1, 100_000);
        demoFeedHistorie = l.duur("HUB_DEMO_FEED_HISTORIE", Duration.ofDays(365));
        demoFeedLive = l.duur("HUB_DEMO_FEED_LIVE", Duration.ofDays(14));
        if (demoFeedLive.compareTo(demoFeedHistorie) > 0) {
            l.fout("HUB_DEMO_FEED_LIVE", "mag niet langer zijn dan HUB_DEMO_FEED_HISTORIE (" + inDagen(demoFeedHistorie)
                    + "), gevonden " + inDagen(demoFeedLive));
        }
        demoFeedTempo = l.geheelGetal("HUB_DEMO_FEED_TEMPO", 1_440, 1, 1_000_000);
        demoFeedZaad = l.geheelGetal("HUB_DEMO_FEED_ZAAD", 1, 0, Integer.MAX_VALUE);
        demoFeedMap = l.optioneelPad("HUB_DEMO_FEED_MAP");
        httpPort = l.geheelGetal("HUB_HTTP_PORT", 8080, 0, 65535);
        // Demo pages show (fictional) youths and need no password: only this machine reaches them unless asked.
        httpHost = l.tekst("HUB_HTTP_HOST", modus == Modus.DEMO ? "127.0.0.1" : "0.0.0.0");
        ingebouwdeKafkaPoort = l.geheelGetal("HUB_EMBEDDED_KAFKA_PORT", 9092, 0, 65535);
        ingebouwdeSmtpPoort = l.geheelGetal("HUB_EMBEDDED_SMTP_PORT", 2525, 0, 65535);
        String bevestig = l.sleutel("HUB_BEVESTIG_SLEUTEL");
        bevestigSleutelIsStandaard = bevestig == null;
        bevestigSleutel = (bevestig == null ? STANDAARD_BEVESTIG_SLEUTEL : bevestig).getBytes(StandardCharsets.UTF_8);
        bevestigGeldigheid = l.duur("HUB_BEVESTIG_GELDIGHEID", Duration.ofDays(14));
        bewaartermijn = l.periode("HUB_BEWAARTERMIJN", Period.ofYears(2));
        // CONTRACTS.md: never before the 23rd birthday (youth care can run on until 23).
        bewaarleeftijd = l.geheelGetal("HUB_BEWAARLEEFTIJD", 23, 23, 120);
        basisUrl = l.basisUrl("HUB_BASIS_URL", "http://localhost:" + httpPort);
        tijdplannerIncheckInterval = l.duur("HUB_TIJDPLANNER_INCHECKEN", Duration.ofMillis(7_500));

        controleerSamenhang(l);
        if (modus == Modus.DEMO && !isLoopback(httpHost)) {
            l.fout("HUB_HTTP_HOST", "demomodus luistert alleen op loopback (127.0.0.1, ::1 of localhost), gevonden "
                    + Lezer.citaat(httpHost) + ": de demopagina's tonen jeugdigen, mail en werkende bevestigingslinks "
                    + "zonder wachtwoord");
        }
        if (modus == Modus.PRODUCTIE) {
            controleerProductie(l);
        }
        l.meldOnbekendeSleutels();
        l.gooiBijFouten();
    }

    /** Reads and validates all settings from {@code bron}; throws {@link ConfiguratieFout} listing every problem. */
    public static HubInstellingen uit(Map<String, String> bron) {
        return new HubInstellingen(new Lezer(bron));
    }

    /** The settings of this process: environment variables, each overridden by a -D system property of the same name. */
    public static HubInstellingen uitOmgeving() {
        Map<String, String> bron = new HashMap<>(System.getenv());
        for (String naam : System.getProperties().stringPropertyNames()) {
            bron.put(naam, System.getProperty(naam));
        }
        return uit(bron);
    }

    private static KafkaBeveiliging kafkaBeveiliging(Lezer l) {
        String protocol = l.keuze("KAFKA_SECURITY_PROTOCOL", KafkaBeveiliging.PROTOCOLLEN, "PLAINTEXT");
        Path truststore = l.certificatenBestand("KAFKA_SSL_TRUSTSTORE");
        Path keystore = l.leesbaarBestand("KAFKA_SSL_KEYSTORE");
        String keystoreWachtwoord = l.geheim("KAFKA_SSL_KEYSTORE_PASSWORD");
        String mechanisme = l.keuze("KAFKA_SASL_MECHANISM", KafkaBeveiliging.MECHANISMEN, null);
        String gebruiker = l.optioneel("KAFKA_SASL_USERNAME");
        String wachtwoord = l.geheim("KAFKA_SASL_PASSWORD");
        boolean tls = KafkaBeveiliging.isTls(protocol);
        boolean sasl = KafkaBeveiliging.isSasl(protocol);
        String alleenTls = "werkt alleen met KAFKA_SECURITY_PROTOCOL=SSL of SASL_SSL";
        if (!tls && truststore != null) {
            l.fout("KAFKA_SSL_TRUSTSTORE", alleenTls);
        }
        if (!tls && keystore != null) {
            l.fout("KAFKA_SSL_KEYSTORE", alleenTls);
        }
        if ((keystore == null) != (keystoreWachtwoord == null) && !l.heeftFout("KAFKA_SSL_KEYSTORE")) {
            l.fout(keystore == null ? "KAFKA_SSL_KEYSTORE" : "KAFKA_SSL_KEYSTORE_PASSWORD",
                    "ontbreekt; KAFKA_SSL_KEYSTORE en KAFKA_SSL_KEYSTORE_PASSWORD horen samen");
        }
        String alleenSasl = "werkt alleen met KAFKA_SECURITY_PROTOCOL=SASL_SSL of SASL_PLAINTEXT";
        List<Map.Entry<String, String>> saslInstellingen = List.of(
                Map.entry("KAFKA_SASL_MECHANISM", mechanisme == null ? "" : mechanisme),
                Map.entry("KAFKA_SASL_USERNAME", gebruiker == null ? "" : gebruiker),
                Map.entry("KAFKA_SASL_PASSWORD", wachtwoord == null ? "" : wachtwoord));
        for (Map.Entry<String, String> e : saslInstellingen) {
            if (sasl && e.getValue().isEmpty() && !l.heeftFout(e.getKey())) {
                l.fout(e.getKey(), "ontbreekt bij KAFKA_SECURITY_PROTOCOL=" + protocol);
            } else if (!sasl && !e.getValue().isEmpty()) {
                l.fout(e.getKey(), alleenSasl);
            }
        }
        return new KafkaBeveiliging(protocol, truststore, keystore, keystoreWachtwoord, mechanisme, gebruiker,
                wachtwoord);
    }

    private void controleerSamenhang(Lezer l) {
        if (kafkaBootstrapServers == null && !kafkaBeveiliging.protocol().equals("PLAINTEXT")
                && !l.heeftFout("KAFKA_BOOTSTRAP_SERVERS")) {
            l.fout("KAFKA_SECURITY_PROTOCOL", "werkt alleen met KAFKA_BOOTSTRAP_SERVERS: de ingebouwde broker van de "
                    + "demo spreekt PLAINTEXT");
        }
        // The broker's group.min.session.timeout.ms (6 s by default) refuses anything shorter at every join.
        if (kafkaSessieTimeout.compareTo(Duration.ofSeconds(6)) < 0 && !l.heeftFout("HUB_KAFKA_SESSION_TIMEOUT")) {
            l.fout("HUB_KAFKA_SESSION_TIMEOUT", "moet minstens PT6S zijn (de ondergrens van de broker), gevonden "
                    + kafkaSessieTimeout);
        }
        if (smtpTimeout.compareTo(Duration.ofSeconds(1)) < 0 && !l.heeftFout("SMTP_TIMEOUT")) {
            l.fout("SMTP_TIMEOUT", "moet minstens PT1S zijn, gevonden " + smtpTimeout);
        }
        // The time-outs bound each step of a send, not the send: a relay that stalls once (at the connect, a reply or
        // the data) costs one of them. Three fit in the hold, so a stalled send is not taken over by another sender
        // while it runs; a send that stalls more often may be, and then goes again as a re-send, never lost.
        if (outboxLease.compareTo(Duration.ofSeconds(10)) < 0 && !l.heeftFout("HUB_OUTBOX_LEASE")) {
            l.fout("HUB_OUTBOX_LEASE", "moet minstens PT10S zijn, gevonden " + outboxLease);
        } else if (outboxLease.compareTo(smtpTimeout.multipliedBy(3)) < 0 && !l.heeftFout("HUB_OUTBOX_LEASE")
                && !l.heeftFout("SMTP_TIMEOUT")) {
            if (l.gezet("SMTP_TIMEOUT")) {
                l.fout("SMTP_TIMEOUT", "mag hoogstens een derde van HUB_OUTBOX_LEASE (" + outboxLease + ") zijn, "
                        + "gevonden " + smtpTimeout);
            } else {
                l.fout("HUB_OUTBOX_LEASE", "moet minstens drie keer SMTP_TIMEOUT (" + smtpTimeout + ") zijn, gevonden "
                        + outboxLease + "; verlaag SMTP_TIMEOUT of verleng de lease");
            }
        }
        if (outboxMaxWachttijd.compareTo(outboxInterval) < 0) {
            l.fout("HUB_OUTBOX_MAX_WACHTTIJD", "moet minstens gelijk zijn aan HUB_OUTBOX_INTERVAL (" + outboxInterval
                    + "), gevonden " + outboxMaxWachttijd);
        }
        if ((smtpHost == null) != (smtpPort == null) && !l.heeftFout("SMTP_PORT")) {
            l.fout(smtpHost == null ? "SMTP_HOST" : "SMTP_PORT",
                    "ontbreekt; SMTP_HOST en SMTP_PORT horen samen (beide of geen van beide)");
        }
        if (smtpTruststore != null && !smtpStarttls && !l.heeftFout("SMTP_STARTTLS")) {
            l.fout("SMTP_TRUSTSTORE", "werkt alleen met SMTP_STARTTLS=true");
        }
        if (smtpPassword != null && smtpUsername == null) {
            l.fout("SMTP_USERNAME", "ontbreekt terwijl SMTP_PASSWORD is gezet");
        }
        // Outgoing topics must differ from every other topic, or the hub would read back what it writes; the JSON
        // topics from every other, or records would be read by the wrong consumer. The iJw topics may be shared.
        List<Map.Entry<String, String>> topics = List.of(
                Map.entry("HUB_TOPIC_TOEWIJZINGEN", topicToewijzingen),
                Map.entry("HUB_TOPIC_START_STOP", topicStartStop),
                Map.entry("HUB_TOPIC_VERZOEKEN", topicVerzoeken),
                Map.entry("HUB_TOPIC_MELDINGEN", topicMeldingen),
                Map.entry("HUB_TOPIC_ACTIES", topicActies),
                Map.entry("HUB_TOPIC_SIGNALEN", topicSignalen),
                Map.entry("HUB_TOPIC_ONGELDIG", topicOngeldig));
        for (int eigen = 3; eigen < topics.size(); eigen++) {
            for (int ander = 0; ander < eigen; ander++) {
                if (topics.get(eigen).getValue().equals(topics.get(ander).getValue())) {
                    l.fout(topics.get(eigen).getKey(), "gelijk aan " + topics.get(ander).getKey() + " ('"
                            + topics.get(eigen).getValue() + "'); " + (eigen < 5 ? "meldingen en acties hebben"
                            : "een uitgaand topic heeft") + " een eigen topic nodig");
                }
            }
        }
    }

    private void controleerProductie(Lezer l) {
        String reden = " (HUB_MODE=productie start geen ingebouwde ";
        if (kafkaBootstrapServers == null && !l.heeftFout("KAFKA_BOOTSTRAP_SERVERS")) {
            l.fout("KAFKA_BOOTSTRAP_SERVERS", "ontbreekt" + reden + "Kafka)");
        }
        if (dbUrl == null && !l.heeftFout("HUB_DB_URL")) {
            l.fout("HUB_DB_URL", "ontbreekt" + reden + "PostgreSQL)");
        }
        if (smtpHost == null && smtpPort == null && !l.heeftFout("SMTP_PORT")) {
            l.fout("SMTP_HOST", "ontbreekt" + reden + "mailserver)");
            l.fout("SMTP_PORT", "ontbreekt" + reden + "mailserver)");
        }
        if (!smtpStarttls && !l.heeftFout("SMTP_STARTTLS")) {
            l.fout("SMTP_STARTTLS", "moet true zijn in productie: mail met persoonsgegevens gaat niet onversleuteld");
        }
        if (l.optioneel("HUB_CONFIG") == null) {
            // The bundled regions are examples: their addresses would send real care paths nowhere, or anywhere.
            l.fout("HUB_CONFIG", "ontbreekt; noem in productie de regio-YAML van de eigen regio");
        } else {
            for (String locatie : configLocaties) {
                RegioConfiguratie.voorbeeld(locatie).ifPresent(voorbeeld -> l.fout("HUB_CONFIG", Lezer.citaat(locatie)
                        + " is de meegeleverde voorbeeldregio " + voorbeeld + "; noem in productie de regio-YAML van de "
                        + "eigen regio"));
            }
        }
        if (demoFeed) {
            l.fout("HUB_DEMO_FEED", "de demofeed is in productie niet toegestaan");
        }
        for (String feed : List.of("HUB_DEMO_FEED_JEUGDIGEN_PER_JAAR", "HUB_DEMO_FEED_HISTORIE", "HUB_DEMO_FEED_LIVE",
                "HUB_DEMO_FEED_TEMPO", "HUB_DEMO_FEED_ZAAD", "HUB_DEMO_FEED_MAP")) {
            if (l.optioneel(feed) != null) {
                l.fout(feed, "geldt alleen voor de demofeed in demomodus");
            }
        }
        for (String ingebouwd : List.of("HUB_EMBEDDED_KAFKA_PORT", "HUB_EMBEDDED_SMTP_PORT")) {
            if (l.optioneel(ingebouwd) != null) {
                l.fout(ingebouwd, "geldt alleen in demomodus; productie start geen ingebouwde servers");
            }
        }
        if (pseudoniemSleutelIsStandaard && !l.heeftFout("HUB_PSEUDONIEM_SLEUTEL")) {
            l.fout("HUB_PSEUDONIEM_SLEUTEL", "ontbreekt; de ontwikkelsleutel is openbaar en in productie niet toegestaan");
        }
        if (bevestigSleutelIsStandaard && !l.heeftFout("HUB_BEVESTIG_SLEUTEL")) {
            l.fout("HUB_BEVESTIG_SLEUTEL", "ontbreekt; met de openbare ontwikkelsleutel kan iedereen bevestigingslinks maken");
        }
        controleerSleutels(l);
        if (l.optioneel("HUB_BASIS_URL") == null) {
            l.fout("HUB_BASIS_URL", "ontbreekt; de bevestigingslinks in de mails wijzen naar dit adres van de hub");
        } else if (!basisUrl.startsWith("https://") && !l.heeftFout("HUB_BASIS_URL")) {
            l.fout("HUB_BASIS_URL", "moet in productie met https:// beginnen, gevonden " + basisUrl);
        }
        if (!l.gezet("HUB_MAIL_AFZENDER")) {
            l.fout("HUB_MAIL_AFZENDER", "ontbreekt; in productie is een echt afzenderadres nodig");
        } else if (!l.heeftFout("HUB_MAIL_AFZENDER") && Emailadres.isVoorbeeld(mailAfzender)) {
            l.fout("HUB_MAIL_AFZENDER", Lezer.citaat(mailAfzender) + " ligt in een voorbeelddomein ("
                    + Emailadres.VOORBEELDDOMEINEN_TEKST + "); in productie is een echt afzenderadres nodig");
        }
    }

    /**
     * A key that is published, predictable or shared with another secret protects nothing: with the
     * acknowledgement key anyone could forge a working link, with the pseudonym key anyone could tell whose BSN is
     * behind a pseudonym. One message per key, naming it, never quoting it.
     */
    private static void controleerSleutels(Lezer l) {
        for (String naam : SLEUTELS) {
            String waarde = l.optioneel(naam);
            if (waarde == null || l.heeftFout(naam)) {
                continue;
            }
            if (OPENBARE_SLEUTELS.contains(waarde)) {
                l.fout(naam, "is een waarde die het project zelf publiceert (standaardwaarde, README, voorbeelden of "
                        + "tests) en dus niet geheim; " + MAAK_SLEUTEL);
                continue;
            }
            if (waarde.codePoints().distinct().count() < MIN_VERSCHILLENDE_TEKENS) {
                l.fout(naam, "te voorspelbaar: minder dan " + MIN_VERSCHILLENDE_TEKENS + " verschillende tekens; "
                        + "gebruik base64, niet hex (hex kent maar 16 tekens): " + MAAK_SLEUTEL);
                continue;
            }
            List<String> anderen = new ArrayList<>(SLEUTELS);
            anderen.remove(naam);
            anderen.addAll(WACHTWOORDEN);
            for (String ander : anderen) {
                if (waarde.equals(l.optioneel(ander))) {
                    l.fout(naam, "gelijk aan " + ander + "; elke sleutel moet een eigen geheime waarde hebben, ook "
                            + "als één ervan uitlekt");
                    break;
                }
            }
        }
    }

    /** Loopback only, judged without a name lookup: a name other than localhost counts as reachable from outside. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IP_ADRES.matcher(h).matches()) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String topicMeldingen() {
        return topicMeldingen;
    }

    /** What happens to a 3.2 message that deviates from the bundled iJw 3.2 XSDs. */
    public XsdControle xsdControle() {
        return xsdControle;
    }

    public String topicActies() {
        return topicActies;
    }

    /** The key that signs acknowledgement links. */
    public byte[] bevestigSleutel() {
        return bevestigSleutel.clone();
    }

    public Duration bevestigGeldigheid() {
        return bevestigGeldigheid;
    }

    /** How long after the latest message about a youth the hub keeps the youth's data. */
    public Period bewaartermijn() {
        return bewaartermijn;
    }

    /** The age before which nothing about a youth is deleted. */
    public int bewaarleeftijd() {
        return bewaarleeftijd;
    }

    /** Where regisseurs reach the hub: acknowledgement links start with it. No trailing slash. */
    public String basisUrl() {
        return basisUrl;
    }

    /** How often each hub instance reports to the Quartz cluster; a silent instance's triggers move after this. */
    public Duration tijdplannerIncheckInterval() {
        return tijdplannerIncheckInterval;
    }

    public Modus modus() {
        return modus;
    }

    /** Locations of the regio YAML files, {@code classpath:} or file paths, in the order given. */
    public List<String> configLocaties() {
        return configLocaties;
    }

    /** Absent: use the embedded broker (demo only). */
    public Optional<String> kafkaBootstrapServers() {
        return Optional.ofNullable(kafkaBootstrapServers);
    }

    public String kafkaGroupId() {
        return kafkaGroupId;
    }

    /** TLS and SASL for every Kafka client of the hub. */
    public KafkaBeveiliging kafkaBeveiliging() {
        return kafkaBeveiliging;
    }

    /** The consumer group of {@code regie.meldingen} and {@code regie.acties}. */
    public String regieGroupId() {
        return regieGroep(kafkaGroupId);
    }

    public static String regieGroep(String kafkaGroupId) {
        return kafkaGroupId + "-regie";
    }

    public int kafkaMaxPollRecords() {
        return kafkaMaxPollRecords;
    }

    /** How long the group waits for a silent instance before its partitions move to the others. */
    public Duration kafkaSessieTimeout() {
        return kafkaSessieTimeout;
    }

    public String topicToewijzingen() {
        return topicToewijzingen;
    }

    public String topicStartStop() {
        return topicStartStop;
    }

    public String topicVerzoeken() {
        return topicVerzoeken;
    }

    public String topicSignalen() {
        return topicSignalen;
    }

    public String topicOngeldig() {
        return topicOngeldig;
    }

    /** Every topic the hub reads or writes: demo mode creates them, readiness asks the cluster for them. */
    public List<String> topics() {
        return List.of(topicToewijzingen, topicStartStop, topicVerzoeken, topicMeldingen, topicActies, topicSignalen,
                topicOngeldig).stream().distinct().toList();
    }

    /** Absent: use the embedded PostgreSQL (demo only). Always starts with {@code jdbc:postgresql:}. */
    public Optional<String> dbUrl() {
        return Optional.ofNullable(dbUrl);
    }

    public Optional<String> dbUser() {
        return Optional.ofNullable(dbUser);
    }

    public Optional<String> dbPassword() {
        return Optional.ofNullable(dbPassword);
    }

    public int dbPoolSize() {
        return dbPoolSize;
    }

    /** Present exactly when {@link #smtpPort()} is: absent means the embedded mail server (demo only). */
    public Optional<String> smtpHost() {
        return Optional.ofNullable(smtpHost);
    }

    public Optional<Integer> smtpPort() {
        return Optional.ofNullable(smtpPort);
    }

    public Optional<String> smtpUsername() {
        return Optional.ofNullable(smtpUsername);
    }

    public Optional<String> smtpPassword() {
        return Optional.ofNullable(smtpPassword);
    }

    public boolean smtpStarttls() {
        return smtpStarttls;
    }

    /** PEM file with the certificates that SMTP's STARTTLS trusts instead of the JVM's; empty = the JVM's. */
    public Optional<Path> smtpTruststore() {
        return Optional.ofNullable(smtpTruststore);
    }

    /** Password of the overview after a replay; empty = open in demo mode, off in productie. */
    public Optional<String> overzichtWachtwoord() {
        return Optional.ofNullable(overzichtWachtwoord);
    }

    public String mailAfzender() {
        return mailAfzender;
    }

    /** The HMAC key for the pseudonym of a BSN, as UTF-8 bytes; a fresh copy on each call. */
    public byte[] pseudoniemSleutel() {
        return pseudoniemSleutel.clone();
    }

    /** True when HUB_PSEUDONIEM_SLEUTEL was not given and the public development key is in use. */
    public boolean pseudoniemSleutelIsStandaard() {
        return pseudoniemSleutelIsStandaard;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /**
     * The folder a back office drops iJw files into ({@code *.xml}, {@code *.zip}); empty = no folder intake. Demo
     * mode on its own broker reads {@code invoer} under HUB_DATA_DIR unless told otherwise, so that trying the hub
     * needs no Kafka client; a hub given a broker (as every test is) reads no folder it was not given.
     */
    public Optional<Path> invoerMap() {
        if (invoerMap == null && modus == Modus.DEMO && kafkaBootstrapServers == null) {
            return Optional.of(dataDir.resolve("invoer"));
        }
        return Optional.ofNullable(invoerMap);
    }

    /** How long a file must stay unchanged before a writer that cannot rename counts as done with it. */
    public Duration invoerRusttijd() {
        return invoerRusttijd;
    }

    /** Messages per second one back office's token may post to {@code POST /ijw}. */
    public int invoerHttpLimiet() {
        return invoerHttpLimiet;
    }

    /** Processing attempts before a record is parked on the dead-letter topic. */
    public int maxPogingen() {
        return maxPogingen;
    }

    public Duration outboxInterval() {
        return outboxInterval;
    }

    /** Upper bound of the outbox back-off after failed sends. */
    public Duration outboxMaxWachttijd() {
        return outboxMaxWachttijd;
    }

    /** How long the outbox holds a row it is sending; an attempt that ended without an outcome waits this long. */
    public Duration outboxLease() {
        return outboxLease;
    }

    /** How long the mail sender waits for the relay to connect, answer or take data before it gives the attempt up. */
    public Duration smtpTimeout() {
        return smtpTimeout;
    }

    /** As given (may be relative to the working directory). */
    public Path dataDir() {
        return dataDir;
    }

    public boolean demoFeed() {
        return demoFeed;
    }

    /** Youths entering care per simulated year in the demo feed. */
    public int demoFeedJeugdigenPerJaar() {
        return demoFeedJeugdigenPerJaar;
    }

    /** How far back the demo feed's simulation begins on a fresh start. */
    public Duration demoFeedHistorie() {
        return demoFeedHistorie;
    }

    /** The most recent part of the history that the feed plays at its tempo instead of at once. */
    public Duration demoFeedLive() {
        return demoFeedLive;
    }

    /** Simulated seconds per real second while the feed's simulation is behind the clock. */
    public int demoFeedTempo() {
        return demoFeedTempo;
    }

    public long demoFeedZaad() {
        return demoFeedZaad;
    }

    /** Where the feed also writes its messages and expected signals; empty = nowhere. */
    public Optional<Path> demoFeedMap() {
        return Optional.ofNullable(demoFeedMap);
    }

    /** Port of the demo mode's own Kafka broker, for any Kafka client to publish to; 0 means any free port. */
    public int ingebouwdeKafkaPoort() {
        return ingebouwdeKafkaPoort;
    }

    /** Port of the demo mode's own SMTP server; 0 means any free port. */
    public int ingebouwdeSmtpPoort() {
        return ingebouwdeSmtpPoort;
    }

    /** The address the HTTP server listens on. */
    public String httpHost() {
        return httpHost;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Safe to log: secrets appear only as whether they are set. */
    @Override
    public String toString() {
        return "HubInstellingen[modus=" + modus.waarde()
                + ", config=" + configLocaties
                + ", kafka=" + (kafkaBootstrapServers == null ? "ingebouwd" : kafkaBootstrapServers)
                + ", groupId=" + kafkaGroupId + ", kafkaBeveiliging=" + kafkaBeveiliging
                + ", maxPollRecords=" + kafkaMaxPollRecords
                + ", topics=[" + String.join(", ", topicToewijzingen, topicStartStop, topicVerzoeken, topicMeldingen,
                        topicActies, topicSignalen, topicOngeldig) + "]"
                + ", db=" + (dbUrl == null ? "ingebouwd" : zonderWachtwoord(dbUrl))
                + ", dbUser=" + (dbUser == null ? "-" : dbUser)
                + ", dbPassword=" + gezet(dbPassword)
                + ", dbPoolSize=" + dbPoolSize
                + ", smtp=" + (smtpHost == null ? "ingebouwd" : smtpHost + ":" + smtpPort)
                + ", smtpUsername=" + (smtpUsername == null ? "-" : smtpUsername)
                + ", smtpPassword=" + gezet(smtpPassword)
                + ", smtpStarttls=" + smtpStarttls + ", smtpTruststore=" + smtpTruststore
                + ", mailAfzender=" + mailAfzender
                + ", pseudoniemSleutel=" + (pseudoniemSleutelIsStandaard ? "standaard" : "gezet")
                + ", maxRecordBytes=" + maxRecordBytes
                + ", maxPogingen=" + maxPogingen
                + ", xsdControle=" + xsdControle.waarde()
                + ", outboxInterval=" + outboxInterval
                + ", outboxMaxWachttijd=" + outboxMaxWachttijd
                + ", outboxLease=" + outboxLease + ", smtpTimeout=" + smtpTimeout
                + ", dataDir=" + dataDir
                + ", demoFeed=" + demoFeed + (demoFeed ? "(" + demoFeedJeugdigenPerJaar + "/jaar, historie "
                        + inDagen(demoFeedHistorie) + ", live " + inDagen(demoFeedLive) + ", tempo " + demoFeedTempo
                        + ", zaad " + demoFeedZaad + (demoFeedMap == null ? "" : ", map " + demoFeedMap) + ")" : "")
                + ", httpPort=" + httpPort
                + ", basisUrl=" + basisUrl
                + ", bevestigSleutel=" + (bevestigSleutelIsStandaard ? "standaard" : "gezet")
                + ", bevestigGeldigheid=" + bevestigGeldigheid
                + ", bewaartermijn=" + bewaartermijn + ", bewaarleeftijd=" + bewaarleeftijd
                + ", tijdplannerIncheckInterval=" + tijdplannerIncheckInterval + "]";
    }

    /** As a person wrote it: P365D rather than Duration's PT8760H. */
    private static String inDagen(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private static String gezet(String geheim) {
        return geheim == null ? "-" : "***";
    }

    // A JDBC URL may carry the password as a parameter; it must not reach a log through toString.
    private static String zonderWachtwoord(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Reads keys from the source, remembering which keys it knows and every problem it meets. */
    private static final class Lezer {
        private final Map<String, String> bron;
        private final Set<String> gelezen = new HashSet<>();
        private final List<String> fouten = new ArrayList<>();
        private final Set<String> sleutelsMetFout = new HashSet<>();

        Lezer(Map<String, String> bron) {
            this.bron = new HashMap<>(bron);
        }

        private String ruw(String sleutel) {
            gelezen.add(sleutel);
            String waarde = bron.get(sleutel);
            return waarde == null || waarde.isBlank() ? null : waarde.trim();
        }

        void fout(String sleutel, String wat) {
            sleutelsMetFout.add(sleutel);
            fouten.add(sleutel + ": " + wat);
        }

        /** Whether the setting was given, rather than left to its default. */
        boolean gezet(String sleutel) {
            return ruw(sleutel) != null;
        }

        boolean heeftFout(String sleutel) {
            return sleutelsMetFout.contains(sleutel);
        }

        Modus modus() {
            String waarde = ruw("HUB_MODE");
            if (waarde == null) {
                return Modus.DEMO;
            }
            for (Modus m : Modus.values()) {
                if (m.waarde().equalsIgnoreCase(waarde)) {
                    return m;
                }
            }
            fout("HUB_MODE", "verwacht demo of productie, gevonden " + citaat(waarde));
            // Judging the rest by productie rules would bury this one mistake under follow-up errors.
            return Modus.DEMO;
        }

        String optioneel(String sleutel) {
            return ruw(sleutel);
        }

        String tekst(String sleutel, String standaard) {
            String waarde = ruw(sleutel);
            return waarde == null ? standaard : waarde;
        }

        /** Secrets are checked for presence only and never quoted. */
        String geheim(String sleutel) {
            return ruw(sleutel);
        }

        /** A password guarding personal data: long enough not to be guessed over HTTP, never quoted. */
        String wachtwoord(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde != null && waarde.length() < MIN_WACHTWOORD_LENGTE) {
                fout(sleutel, "te kort: gebruik minstens " + MIN_WACHTWOORD_LENGTE + " tekens");
                return null;
            }
            return waarde;
        }

        String sleutel(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde != null && waarde.getBytes(StandardCharsets.UTF_8).length < MIN_SLEUTEL_LENGTE) {
                fout(sleutel, "te kort: gebruik minstens " + MIN_SLEUTEL_LENGTE + " bytes; " + MAAK_SLEUTEL);
                return null;
            }
            return waarde;
        }

        /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
        String basisUrl(String sleutel, String standaard) {
            String waarde = tekst(sleutel, standaard);
            try {
                java.net.URI uri = new java.net.URI(waarde);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null) {
                    return waarde.endsWith("/") ? waarde.substring(0, waarde.length() - 1) : waarde;
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            fout(sleutel, "verwacht een adres zoals https://procesregie.gemeente.nl, gevonden " + citaat(waarde));
            return standaard;
        }

        List<String> lijst(String sleutel, String standaard) {
            List<String> delen = Arrays.stream(tekst(sleutel, standaard).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (delen.isEmpty()) {
                fout(sleutel, "bevat geen enkele locatie");
            }
            return delen;
        }

        Integer geheelGetal(String sleutel, Integer standaard, int min, int max) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            try {
                int getal = Integer.parseInt(waarde);
                if (getal >= min && getal <= max) {
                    return getal;
                }
            } catch (NumberFormatException e) {
                // reported below, with the expected form
            }
            String verwacht = max == 65535 ? "een poortnummer (" + min + "–65535" + (min == 0 ? "; 0 = vrije poort" : "") + ")"
                    : min == 1 ? "een positief geheel getal" : "een geheel getal vanaf " + min;
            fout(sleutel, "verwacht " + verwacht + ", gevonden " + citaat(waarde));
            return standaard;
        }

        Integer poort(String sleutel) {
            return geheelGetal(sleutel, null, 1, 65535);
        }

        boolean booleaan(String sleutel, boolean standaard) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            if (waarde.equalsIgnoreCase("true") || waarde.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(waarde);
            }
            fout(sleutel, "verwacht true of false, gevonden " + citaat(waarde));
            return standaard;
        }

        Duration duur(String sleutel, Duration standaard) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            try {
                Duration duur = Duration.parse(waarde);
                if (!duur.isNegative() && !duur.isZero()) {
                    return duur;
                }
                fout(sleutel, "moet groter dan nul zijn, gevonden " + citaat(waarde));
            } catch (DateTimeParseException e) {
                fout(sleutel, "verwacht een ISO-8601-duur zoals PT2M of PT0.5S, gevonden " + citaat(waarde));
            }
            return standaard;
        }

        Period periode(String sleutel, Period standaard) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            try {
                Period periode = Period.parse(waarde);
                if (!periode.isNegative() && !periode.isZero()) {
                    return periode;
                }
                fout(sleutel, "moet groter dan nul zijn, gevonden " + citaat(waarde));
            } catch (DateTimeParseException e) {
                fout(sleutel, "verwacht een ISO-8601-periode zoals P2Y of P18M, gevonden " + citaat(waarde));
            }
            return standaard;
        }

        Path pad(String sleutel, String standaard) {
            String waarde = tekst(sleutel, standaard);
            try {
                return Path.of(waarde);
            } catch (InvalidPathException e) {
                fout(sleutel, "geen geldig pad: " + citaat(waarde));
                return Path.of(standaard);
            }
        }

        /** A PEM file holding at least one X.509 certificate, read now so a wrong path fails the start, not a mail. */
        /** One of {@code opties}, in any case; {@code standaard} (may be null) when the setting is absent. */
        String keuze(String sleutel, List<String> opties, String standaard) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            String gekozen = waarde.strip().toUpperCase(Locale.ROOT);
            if (opties.contains(gekozen)) {
                return gekozen;
            }
            fout(sleutel, "verwacht " + String.join(", ", opties) + "; gevonden " + citaat(waarde));
            return standaard;
        }

        XsdControle xsdControle(String sleutel, XsdControle standaard) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return standaard;
            }
            return XsdControle.van(waarde).orElseGet(() -> {
                fout(sleutel, "verwacht melden, streng of uit, gevonden " + citaat(waarde));
                return standaard;
            });
        }

        Path leesbaarBestand(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return null;
            }
            try {
                Path bestand = Path.of(waarde);
                if (Files.isRegularFile(bestand) && Files.isReadable(bestand)) {
                    return bestand;
                }
                fout(sleutel, "niet te lezen: " + citaat(waarde));
            } catch (InvalidPathException e) {
                fout(sleutel, "geen geldig pad: " + citaat(waarde));
            }
            return null;
        }

        Path certificatenBestand(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return null;
            }
            Path bestand;
            try {
                bestand = Path.of(waarde);
            } catch (InvalidPathException e) {
                fout(sleutel, "geen geldig pad: " + citaat(waarde));
                return null;
            }
            try (InputStream in = Files.newInputStream(bestand)) {
                if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                    fout(sleutel, "bevat geen certificaat (verwacht PEM): " + citaat(waarde));
                    return null;
                }
                return bestand;
            } catch (IOException e) {
                fout(sleutel, "niet te lezen: " + citaat(waarde));
            } catch (CertificateException e) {
                fout(sleutel, "geen geldige PEM-certificaten in " + citaat(waarde));
            }
            return null;
        }

        Path optioneelPad(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return null;
            }
            try {
                return Path.of(waarde);
            } catch (InvalidPathException e) {
                fout(sleutel, "geen geldig pad: " + citaat(waarde));
                return null;
            }
        }

        String emailadres(String sleutel, String standaard) {
            String waarde = tekst(sleutel, standaard);
            if (Emailadres.isGeldig(waarde)) {
                return waarde;
            }
            fout(sleutel, "geen geldig e-mailadres: " + citaat(waarde));
            return standaard;
        }

        String topic(String sleutel, String standaard) {
            String waarde = tekst(sleutel, standaard);
            if (TOPIC.matcher(waarde).matches()) {
                return waarde;
            }
            fout(sleutel, "geen geldige Kafka-topicnaam (letters, cijfers, '.', '_', '-'), gevonden " + citaat(waarde));
            return standaard;
        }

        String bootstrapServers(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde == null) {
                return null;
            }
            for (String deel : waarde.split(",", -1)) {
                var m = BOOTSTRAP_SERVER.matcher(deel.trim());
                if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                    fout(sleutel, "verwacht host:poort[,host:poort…], gevonden " + citaat(waarde));
                    return null;
                }
            }
            return waarde;
        }

        String jdbcUrl(String sleutel) {
            String waarde = ruw(sleutel);
            if (waarde == null || waarde.startsWith("jdbc:postgresql:")) {
                return waarde;
            }
            // Not quoted: a malformed URL may still hold a password.
            fout(sleutel, "verwacht een JDBC-URL die begint met 'jdbc:postgresql:'");
            return null;
        }

        /** A misspelt HUB_ key would otherwise be ignored in silence and its default used. */
        void meldOnbekendeSleutels() {
            new TreeSet<>(bron.keySet()).stream()
                    .filter(k -> k.startsWith("HUB_") && !gelezen.contains(k))
                    .forEach(k -> fout(k, "onbekende instelling (verkeerd gespeld?)"));
        }

        void gooiBijFouten() {
            if (!fouten.isEmpty()) {
                throw new ConfiguratieFout(fouten);
            }
        }

        static String citaat(String waarde) {
            return "'" + (waarde.length() > 80 ? waarde.substring(0, 80) + "…" : waarde) + "'";
        }
    }
}
