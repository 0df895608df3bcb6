package nl.procesregie.hub.aanlevering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipbestandTest {

    @TempDir
    Path map;

    Path zip(ZipEntry... ingangen) throws IOException {
        return zip(ingangen, new byte[ingangen.length][]);
    }

    Path zip(ZipEntry[] ingangen, byte[][] inhoud) throws IOException {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(uit)) {
            for (int i = 0; i < ingangen.length; i++) {
                z.putNextEntry(ingangen[i]);
                if (inhoud[i] != null) {
                    z.write(inhoud[i]);
                }
                z.closeEntry();
            }
        }
        Path p = map.resolve("batch.zip");
        Files.write(p, uit.toByteArray());
        return p;
    }

    static List<Zipbestand.Ingang> alle(Zipbestand.Ingangen ingangen) {
        List<Zipbestand.Ingang> lijst = new ArrayList<>();
        ingangen.forEachRemaining(lijst::add);
        return lijst;
    }

    @Test
    void messagesAreTheXmlEntriesDirectoriesAreIgnoredOthersNamed() throws Exception {
        Path p = zip(new ZipEntry[] {new ZipEntry("map/"), new ZipEntry("map/a.xml"), new ZipEntry("LEESMIJ.txt"),
                new ZipEntry("B.XML")}, new byte[][] {null, "<a/>".getBytes(), "x".getBytes(), "<b/>".getBytes()});
        Zipbestand.Overzicht o = Zipbestand.controleer(p);
        assertEquals(2, o.berichten());
        assertEquals(List.of("LEESMIJ.txt"), o.overgeslagen());
        List<Zipbestand.Ingang> ingangen = alle(Zipbestand.berichten(p, 100, 2));
        assertEquals(List.of("map/a.xml", "B.XML"), ingangen.stream().map(Zipbestand.Ingang::naam).toList());
        assertArrayEquals("<b/>".getBytes(), ingangen.get(1).inhoud().begin());
    }

    @Test
    void anOversizedEntryKeepsOneByteOverTheBoundAndTheHashOfTheWhole() throws Exception {
        byte[] groot = new byte[1_000_000];
        Arrays.fill(groot, (byte) 'x');
        Path p = zip(new ZipEntry[] {new ZipEntry("groot.xml")}, new byte[][] {groot});
        Zipbestand.Ingang i = alle(Zipbestand.berichten(p, 1_000, 1)).get(0);
        assertEquals(1_001, i.inhoud().begin().length, "memory bounded by the limit");
        assertEquals(1_000_000, i.inhoud().grootte());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(groot)), i.inhoud().sha256());
    }

    @Test
    void aDeclaredSizeIsNotTrusted() throws Exception {
        byte[] inhoud = new byte[5_000];
        Arrays.fill(inhoud, (byte) 'y');
        CRC32 crc = new CRC32();
        crc.update(inhoud);
        ZipEntry gelogen = new ZipEntry("klein.xml");
        gelogen.setMethod(ZipEntry.STORED);
        gelogen.setSize(inhoud.length);
        gelogen.setCompressedSize(inhoud.length);
        gelogen.setCrc(crc.getValue());
        Path p = zip(new ZipEntry[] {gelogen}, new byte[][] {inhoud});
        // Claim ten bytes in the local header; the reader must still see all 5,000 (or refuse the zip).
        byte[] bytes = Files.readAllBytes(p);
        bytes[22] = 10;
        bytes[23] = 0;
        bytes[24] = 0;
        bytes[25] = 0;
        bytes[18] = 10;
        bytes[19] = 0;
        bytes[20] = 0;
        bytes[21] = 0;
        Files.write(p, bytes);
        assertThrows(Zipbestand.Onleesbaar.class, () -> Zipbestand.controleer(p));
    }

    @Test
    void aCorruptOrTruncatedZipIsUnreadable() throws Exception {
        byte[] inhoud = "<a>".repeat(10_000).getBytes();
        Path p = zip(new ZipEntry[] {new ZipEntry("a.xml")}, new byte[][] {inhoud});
        byte[] bytes = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(bytes, bytes.length / 3));
        assertThrows(Zipbestand.Onleesbaar.class, () -> Zipbestand.controleer(p));
        Files.write(p, "dit is geen zip".getBytes());
        assertThrows(Zipbestand.Onleesbaar.class, () -> Zipbestand.controleer(p));
    }

    @Test
    void aZipCutOffAtAnEntryBoundaryIsUnreadableNotShorter() throws Exception {
        // What a writer that pauses between entries leaves: the first entry whole, the rest (and the central
        // directory at the end) not yet written. Read as a stream, it is a valid zip of one entry.
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        ZipOutputStream z = new ZipOutputStream(uit);
        z.putNextEntry(new ZipEntry("1.xml"));
        z.write("<een/>".getBytes());
        z.closeEntry();
        z.flush();
        int grens = uit.size();
        z.putNextEntry(new ZipEntry("2.xml"));
        z.write("<twee/>".getBytes());
        z.closeEntry();
        z.close();
        Path p = map.resolve("half.zip");
        Files.write(p, Arrays.copyOf(uit.toByteArray(), grens));
        Zipbestand.Onleesbaar f = assertThrows(Zipbestand.Onleesbaar.class, () -> Zipbestand.controleer(p));
        assertEquals("Het zip-bestand is beschadigd of onvolledig (de inhoudsopgave aan het eind ontbreekt of klopt "
                + "niet)", f.getMessage());
    }

    @Test
    void aNameFromAWindowsZipWithoutTheUtf8FlagIsReadAsCodePage437() throws Exception {
        ByteArrayOutputStream uit = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(uit, Charset.forName("IBM437"))) {
            z.putNextEntry(new ZipEntry("cliënt.xml"));
            z.write("<a/>".getBytes());
            z.closeEntry();
        }
        Path p = map.resolve("windows.zip");
        Files.write(p, uit.toByteArray());
        assertEquals(1, Zipbestand.controleer(p).berichten());
        assertEquals("cliënt.xml", alle(Zipbestand.berichten(p, 100, 1)).get(0).naam());
    }

    @Test
    void fewerMessagesInTheSecondPassThanTheFirstIsAReadError() throws Exception {
        Path p = zip(new ZipEntry[] {new ZipEntry("a.xml")}, new byte[][] {"<a/>".getBytes()});
        Zipbestand.Ingangen ingangen = Zipbestand.berichten(p, 100, 2);
        ingangen.next();
        assertThrows(UncheckedIOException.class, ingangen::hasNext, "the file stays and is read again later");
    }

    @Test
    void aBoundedReadOfAFileStopsJustPastTheLimit() throws Exception {
        Begrensd b = Begrensd.lees(new ByteArrayInputStream(new byte[10_000]), 100, false);
        assertEquals(101, b.begin().length);
        assertEquals(101, b.grootte());
        assertNull(b.sha256());
        Begrensd klein = Begrensd.lees(new ByteArrayInputStream(new byte[100]), 100, true);
        assertFalse(klein.teGroot(100));
        assertNull(klein.sha256(), "a hash only for what is cut");
    }
}
