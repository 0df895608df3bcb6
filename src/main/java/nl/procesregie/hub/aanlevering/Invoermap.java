package nl.procesregie.hub.aanlevering;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwFout;
import nl.procesregie.hub.ingest.TeParkeren;

/**
 * The intake folder (HUB_INVOER_MAP): reads a complete file as messages to publish, or as a file the hub cannot read.
 * A {@code .xml} file is one message and is read whole or not at all: a message the reader refuses sends the file to
 * {@code fout/}. A {@code .zip} is a batch: a corrupt zip, or one without any {@code .xml} entry, goes to {@code fout/};
 * in a readable zip each message the reader refuses is parked like a refused Kafka record, and the rest goes on.
 *
 * <p>Handled files move under a name of their own ({@code 20250314T101500Z-3fa9c1_bericht.xml}): a back office may
 * send {@code bericht.xml} twice, and the original name stays at the end. File names may hold a BSN: every log line
 * and reason masks them.
 */
public final class Invoermap {

    private static final Logger LOG = LoggerFactory.getLogger(Invoermap.class);
    public static final String VERWERKT = "verwerkt";
    public static final String FOUT = "fout";
    private static final DateTimeFormatter STEMPEL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Files in hand at once. The file consumer hands each file on and takes the next while the broker acknowledges
     * the last; without a bound one poll would hold thousands of open zips and their messages.
     */
    static final int IN_HANDEN = 64;
    /** The original name's share of a moved file's name, in UTF-8 bytes: with the prefix and {@code .reden.txt}, a
     * name stays well within the 255 bytes a file system allows. */
    static final int NAAMDEEL = 150;

    private final Semaphore inHanden = new Semaphore(IN_HANDEN);
    private final Path map;
    private final Aanlevering aanlevering;
    private final int maxBytes;
    private final Clock klok;

    private Invoermap(Path map, Aanlevering aanlevering, int maxBytes, Clock klok) {
        this.map = map;
        this.aanlevering = aanlevering;
        this.maxBytes = maxBytes;
        this.klok = klok;
    }

    /** Creates the folder with its {@code verwerkt/} and {@code fout/}. */
    public static Invoermap maak(Path map, Aanlevering aanlevering, int maxBytes, Clock klok) throws IOException {
        Files.createDirectories(map.resolve(VERWERKT));
        Files.createDirectories(map.resolve(FOUT));
        return new Invoermap(map, aanlevering, maxBytes, klok);
    }

    /** Waits, holding up the folder's poll, while {@link #IN_HANDEN} files are in hand; {@link #klaar} ends one. */
    public void neem() {
        inHanden.acquireUninterruptibly();
    }

    /** A file taken by {@link #neem} was handled, moved or left in place. */
    public void klaar() {
        inHanden.release();
    }

    /** @throws IOException the file could not be read (it stays, and is tried again) */
    public Invoer lees(java.io.File bestand) throws IOException {
        return leesPad(bestand.toPath());
    }

    Invoer leesPad(Path bestand) throws IOException {
        String naam = bestand.getFileName().toString();
        return naam.toLowerCase(Locale.ROOT).endsWith(".zip") ? leesZip(bestand, naam) : leesXml(bestand, naam);
    }

    private Invoer leesXml(Path bestand, String naam) throws IOException {
        Begrensd inhoud;
        try (InputStream in = Files.newInputStream(bestand)) {
            inhoud = Begrensd.lees(in, maxBytes, false);
        }
        if (inhoud.teGroot(maxBytes)) {
            return onleesbaar(naam, Foutcode.TE_GROOT, "Het bestand is " + Files.size(bestand)
                    + " bytes; de grens is " + maxBytes + " bytes (HUB_MAX_RECORD_BYTES)");
        }
        try {
            return leesbaar(naam, List.of(aanlevering.lees(inhoud.begin())));
        } catch (IjwFout f) {
            return onleesbaar(naam, f.code(), f.reden());
        }
    }

    private Invoer leesZip(Path zip, String naam) throws IOException {
        Zipbestand.Overzicht overzicht;
        try {
            overzicht = Zipbestand.controleer(zip);
        } catch (Zipbestand.Onleesbaar e) {
            return onleesbaar(naam, Foutcode.XML_ONGELDIG, e.getMessage());
        }
        if (overzicht.berichten() == 0) {
            return onleesbaar(naam, Foutcode.XML_ONGELDIG, "Het zip-bestand bevat geen bericht (geen ingang die op "
                    + ".xml eindigt)" + overgeslagen(overzicht.overgeslagen()));
        }
        if (!overzicht.overgeslagen().isEmpty()) {
            LOG.warn("Zip {}: {} ingang(en) overgeslagen die niet op .xml eindigen: {}", IjwFout.zonderBsn(naam),
                    overzicht.overgeslagen().size(), namen(overzicht.overgeslagen()));
        }
        return leesbaar(naam, () -> {
            try {
                return new Berichten(Zipbestand.berichten(zip, maxBytes, overzicht.berichten()), naam);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The messages of a zip, read as they are published; parks what the reader refuses. */
    private final class Berichten implements Iterator<Object>, Closeable {
        private final Zipbestand.Ingangen ingangen;
        private final String zip;

        Berichten(Zipbestand.Ingangen ingangen, String zip) {
            this.ingangen = ingangen;
            this.zip = zip;
        }

        @Override
        public boolean hasNext() {
            return ingangen.hasNext();
        }

        @Override
        public Object next() {
            Zipbestand.Ingang ingang = ingangen.next();
            String bron = IjwFout.zonderBsn(zip + "!/" + ingang.naam());
            Begrensd inhoud = ingang.inhoud();
            if (inhoud.teGroot(maxBytes)) {
                return TeParkeren.uitBestand(bron, inhoud.begin(), inhoud.sha256(), Foutcode.TE_GROOT,
                        "Het bericht is " + inhoud.grootte() + " bytes; de grens is " + maxBytes
                                + " bytes (HUB_MAX_RECORD_BYTES)", klok.instant());
            }
            try {
                return aanlevering.lees(inhoud.begin());
            } catch (IjwFout f) {
                return TeParkeren.uitBestand(bron, inhoud.begin(), null, f.code(), f.reden(), klok.instant());
            }
        }

        @Override
        public void close() throws IOException {
            ingangen.close();
        }
    }

    /** Writes {@code <moved name>.reden.txt} beside where an unreadable file moves. */
    public void schrijfReden(Invoer invoer) throws IOException {
        String tekst = "Bestand: " + IjwFout.zonderBsn(invoer.naam()) + "\n"
                + "Tijdstip: " + klok.instant() + "\n"
                + "Foutcode: " + invoer.foutcode() + "\n"
                + "Reden: " + invoer.reden() + "\n\n"
                + "Niets uit dit bestand is gepubliceerd. Herstel het en zet het opnieuw in de invoermap.\n";
        Files.writeString(map.resolve(invoer.doel() + ".reden.txt"), tekst, StandardCharsets.UTF_8);
        LOG.warn("Bestand {} niet leesbaar, naar {}/: {} {}", IjwFout.zonderBsn(invoer.naam()), FOUT,
                invoer.foutcode(), invoer.reden());
    }

    private Invoer leesbaar(String naam, Iterable<Object> berichten) {
        return new Invoer(naam, doel(VERWERKT, naam), berichten, null, null);
    }

    private Invoer onleesbaar(String naam, Foutcode code, String reden) {
        return new Invoer(naam, doel(FOUT, naam), null, code, IjwFout.zonderBsn(reden));
    }

    /** A name of its own under {@code submap}: when it was handled and a random part, then the original name. */
    private String doel(String submap, String naam) {
        byte[] willekeurig = new byte[3];
        ThreadLocalRandom.current().nextBytes(willekeurig);
        return submap + "/" + STEMPEL.format(klok.instant()) + "-" + HexFormat.of().formatHex(willekeurig) + "_"
                + ingekort(naam);
    }

    /**
     * A name too long to move under a prefix is cut before its extension: a move that fails leaves the file in place,
     * to be published again at every poll.
     */
    static String ingekort(String naam) {
        if (naam.getBytes(StandardCharsets.UTF_8).length <= NAAMDEEL) {
            return naam;
        }
        int punt = naam.lastIndexOf('.');
        String extensie = punt > 0 && naam.length() - punt <= 5 ? naam.substring(punt) : "";
        StringBuilder begin = new StringBuilder();
        int ruimte = NAAMDEEL - extensie.length() - 1;
        for (int i = 0; i < naam.length() - extensie.length(); ) {
            int teken = naam.codePointAt(i);
            String deel = new String(Character.toChars(teken));
            ruimte -= deel.getBytes(StandardCharsets.UTF_8).length;
            if (ruimte < 0) {
                break;
            }
            begin.append(deel);
            i += Character.charCount(teken);
        }
        return begin + "~" + extensie;
    }

    private static String overgeslagen(List<String> namen) {
        return namen.isEmpty() ? "" : "; overgeslagen: " + namen(namen);
    }

    /** At most ten names, masked: a reason or log line stays short. */
    private static String namen(List<String> namen) {
        String lijst = namen.stream().limit(10).map(IjwFout::zonderBsn).collect(Collectors.joining(", "));
        return namen.size() > 10 ? lijst + " en " + (namen.size() - 10) + " meer" : lijst;
    }
}
