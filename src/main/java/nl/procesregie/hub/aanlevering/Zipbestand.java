package nl.procesregie.hub.aanlevering;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A batch of iJw messages in a zip file, as back-office suites export them: each entry ending in {@code .xml} is one
 * message. Directory entries are ignored; other entries are skipped and named ({@link Overzicht#overgeslagen}), since
 * a suite may add a manifest or a readme that is no message.
 *
 * <p>Read in two passes. The first checks that the zip is whole: its central directory at the end must be there (a
 * zip cut off at an entry boundary otherwise reads as a shorter zip without any error, and a writer that paused
 * longer than the quiet period would lose the rest), and every entry is read to its end (the checksums are only
 * known then) and must be one the directory lists. The second pass hands out the messages one at a time, each read
 * with a bound: an entry's declared size is never trusted, memory stays bounded by the largest allowed message.
 *
 * <p>Entry names are read as the zip standard's code page 437 unless the entry says UTF-8, as zips made on Windows
 * without that flag would otherwise be refused for a name like {@code cliënt.xml}.
 */
final class Zipbestand {

    /** One {@code .xml} entry: its name in the zip and its content, read with the bound. */
    record Ingang(String naam, Begrensd inhoud) {
    }

    /** @param overgeslagen entries that are neither a directory nor a {@code .xml} message */
    record Overzicht(int berichten, List<String> overgeslagen) {
    }

    /** The zip cannot be read as one: corrupt, truncated, or no zip at all. */
    static final class Onleesbaar extends Exception {
        Onleesbaar(String reden, Throwable oorzaak) {
            super(reden, oorzaak);
        }
    }

    private static final Charset NAMEN = Charset.forName("IBM437");

    private Zipbestand() {
    }

    static boolean isBericht(ZipEntry ingang) {
        return !ingang.isDirectory() && ingang.getName().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** The first pass: every entry read to its end, and discarded. */
    static Overzicht controleer(Path zip) throws Onleesbaar, IOException {
        long inInhoudsopgave;
        try (ZipFile geheel = new ZipFile(zip.toFile(), NAMEN)) {
            inInhoudsopgave = geheel.stream().filter(Zipbestand::isBericht).count();
        } catch (ZipException e) {
            throw new Onleesbaar("Het zip-bestand is beschadigd of onvolledig (de inhoudsopgave aan het eind ontbreekt "
                    + "of klopt niet)", e);
        }
        int berichten = 0;
        List<String> overgeslagen = new ArrayList<>();
        try (ZipInputStream in = open(zip)) {
            byte[] weg = new byte[64 * 1024];
            ZipEntry ingang;
            while ((ingang = volgende(in)) != null) {
                while (in.read(weg) != -1) {
                    // read for the checksum only
                }
                if (isBericht(ingang)) {
                    berichten++;
                } else if (!ingang.isDirectory()) {
                    overgeslagen.add(ingang.getName());
                }
            }
        } catch (ZipException | EOFException e) {
            throw new Onleesbaar("Het zip-bestand is beschadigd of onvolledig (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        if (berichten != inInhoudsopgave) {
            throw new Onleesbaar("Het zip-bestand is beschadigd: het bevat " + berichten + " berichten, maar de "
                    + "inhoudsopgave noemt er " + inInhoudsopgave, null);
        }
        return new Overzicht(berichten, List.copyOf(overgeslagen));
    }

    /**
     * The second pass, lazily: close the iterator when stopping early. A read error on the way (the file changed
     * since the first pass) is an {@link UncheckedIOException}.
     */
    static Ingangen berichten(Path zip, int grens, int verwacht) throws IOException {
        return new Ingangen(open(zip), grens, verwacht);
    }

    private static ZipInputStream open(Path zip) throws IOException {
        return new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 64 * 1024), NAMEN);
    }

    /** A malformed entry name is the zip's fault, not an error of the hub. */
    private static ZipEntry volgende(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new ZipException("ongeldige naam van een ingang");
        }
    }

    static final class Ingangen implements Iterator<Ingang>, Closeable {
        private final ZipInputStream in;
        private final int grens;
        private final int verwacht;
        private int gegeven;
        private Ingang volgende;
        private boolean klaar;

        private Ingangen(ZipInputStream in, int grens, int verwacht) {
            this.in = in;
            this.grens = grens;
            this.verwacht = verwacht;
        }

        @Override
        public boolean hasNext() {
            if (volgende == null && !klaar) {
                try {
                    ZipEntry ingang;
                    while ((ingang = volgende(in)) != null && !isBericht(ingang)) {
                        // directories and skipped entries
                    }
                    if (ingang == null) {
                        klaar = true;
                        in.close();
                        if (gegeven != verwacht) {
                            // Changed since the first pass: the file stays, and is read whole again later.
                            throw new IOException("het zip-bestand veranderde tijdens het lezen: " + gegeven + " van "
                                    + verwacht + " berichten");
                        }
                    } else {
                        gegeven++;
                        volgende = new Ingang(ingang.getName(), Begrensd.lees(in, grens, true));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return volgende != null;
        }

        @Override
        public Ingang next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Ingang i = volgende;
            volgende = null;
            return i;
        }

        @Override
        public void close() throws IOException {
            klaar = true;
            in.close();
        }
    }
}
