package org.medfetch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.extract.Archives.Item;

/**
 * Archives built to escape the target or exhaust the disk: each is refused naming the offending entry,
 * and nothing is written outside the temporary folder, which is gone afterwards.
 */
class HostileArchiveTest {

    @TempDir
    Path tmp;

    private final Extractor extractor = new Extractor(FreeSpace.SYSTEM);

    private ExtractException refused(Path archive, String entry) throws Exception {
        ExtractException e = assertThrows(ExtractException.class, () -> extractor.extract(archive,
                new Extractor.Options(ExtractLimits.DEFAULTS, false), () -> false));
        assertEquals(ExtractException.Kind.REFUSED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + entry + "'"), "names the entry: " + e.getMessage());
        ArchiveFormat.Archive format = (ArchiveFormat.Archive) ArchiveFormat.of(archive.getFileName().toString());
        assertTrue(Files.isRegularFile(archive), "the archive stays");
        assertFalse(Files.exists(tmp.resolve(format.folder())), "no target");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".extracting")).toList());
        }
        return e;
    }

    private Path outside() throws Exception {
        return Files.createDirectories(tmp.resolve("outside"));
    }

    @Test
    void dotDotInATarAndAZipSlipAreRefused() throws Exception {
        Path outside = outside();
        refused(Archives.tar(tmp.resolve("a.tar"), ArchiveFormat.TAR, List.of(Item.file("ok.txt", "x"),
                Item.file("../outside/evil.txt", "pwned"))), "../outside/evil.txt");
        refused(Archives.zip(tmp.resolve("b.zip"), List.of(Item.file("dir/../../outside/evil.txt", "pwned"))),
                "dir/../../outside/evil.txt");
        // commons-compress reads a Windows-made name's '\\' as '/'
        refused(Archives.zip(tmp.resolve("c.zip"), List.of(Item.file("..\\outside\\evil.txt", "pwned"))),
                "../outside/evil.txt");
        assertFalse(Files.exists(outside.resolve("evil.txt")));
    }

    @Test
    void absolutePathsAndDriveLettersAreRefused() throws Exception {
        Path evil = tmp.resolve("outside/abs.txt");
        outside();
        refused(Archives.tar(tmp.resolve("a.tar"), ArchiveFormat.TAR, List.of(Item.file(evil.toString(), "pwned"))),
                evil.toString());
        refused(Archives.zip(tmp.resolve("b.zip"), List.of(Item.file(evil.toString(), "pwned"))), evil.toString());
        refused(Archives.zip(tmp.resolve("c.zip"), List.of(Item.file("C:\\Windows\\evil.dll", "pwned"))),
                "C:/Windows/evil.dll");
        assertFalse(Files.exists(evil));
    }

    @Test
    void symlinksOutOfTheTargetAreRefused() throws Exception {
        outside();
        refused(Archives.tar(tmp.resolve("a.tar"), ArchiveFormat.TAR, List.of(Item.symlink("out", "../outside"))), "out");
        refused(Archives.tar(tmp.resolve("b.tar"), ArchiveFormat.TAR, List.of(Item.symlink("passwd", "/etc/passwd"))),
                "passwd");
        refused(Archives.zip(tmp.resolve("c.zip"), List.of(Item.symlink("deep/out", "../../outside"))), "deep/out");
        // Each link stays inside on its own; together 'x' resolves to the target's parent.
        refused(Archives.tar(tmp.resolve("d.tar"), ArchiveFormat.TAR, List.of(Item.symlink("y", "."),
                Item.symlink("x", "y/.."))), "x");
    }

    @Test
    void aFileWrittenThroughAnEarlierSymlinkIsRefused() throws Exception {
        Path outside = outside();
        refused(Archives.tar(tmp.resolve("a.tar"), ArchiveFormat.TAR, List.of(Item.dir("sub"),
                Item.symlink("link", "sub"), Item.file("link/evil.txt", "through"))), "link/evil.txt");
        refused(Archives.zip(tmp.resolve("b.zip"), List.of(Item.symlink("link", "../outside"),
                Item.file("link/evil.txt", "through"))), "link");
        assertEquals(List.of(), Files.list(outside).toList());
    }

    @Test
    void hardLinksOutOfTheTargetAreRefused() throws Exception {
        refused(Archives.tar(tmp.resolve("a.tar"), ArchiveFormat.TAR, List.of(Item.hardlink("h", "../outside/x"))), "h");
        refused(Archives.tar(tmp.resolve("b.tar"), ArchiveFormat.TAR, List.of(Item.hardlink("h", "/etc/passwd"))), "h");
        refused(Archives.tar(tmp.resolve("c.tar"), ArchiveFormat.TAR, List.of(Item.hardlink("h", "not-there"))), "h");
    }

    @Test
    void deviceFilesAndFifosAreSkippedWithANote() throws Exception {
        Path tar = Archives.tar(tmp.resolve("dev.tar"), ArchiveFormat.TAR, List.of(Item.device("dev/sda"),
                Item.file("data.txt", "data")));
        Extracted result = extractor.extract(tar, new Extractor.Options(ExtractLimits.DEFAULTS, false), () -> false);
        assertEquals(List.of("skipped dev/sda: a device file, FIFO or socket is not data"), result.notes());
        assertEquals("data", Files.readString(tmp.resolve("dev/data.txt")));
        assertFalse(Files.exists(tmp.resolve("dev/dev/sda")));
        Path zip = Archives.zip(tmp.resolve("fifo.zip"), List.of(Item.device("pipe"), Item.file("a.txt", "a")));
        assertEquals(1, extractor.extract(zip, new Extractor.Options(ExtractLimits.DEFAULTS, false), () -> false)
                .notes().size());
        assertFalse(Files.exists(tmp.resolve("fifo/pipe")));
    }

    @Test
    void aZipBombIsRefusedBeforeItsEntryIsWritten() throws Exception {
        Path bomb = Bombs.zip(tmp.resolve("bomb.zip"), 2048, 2048L << 20);
        assertTrue(Files.size(bomb) < 4 << 20, "a few MB: " + Files.size(bomb));
        ExtractException e = refused(bomb, "zeros.bin");
        assertTrue(e.getMessage().contains("header announces 2147483648 bytes"), e.getMessage());
    }

    @Test
    void aZipBombLyingAboutItsSizeIsRefusedWhileStreaming() throws Exception {
        Path bomb = Bombs.zip(tmp.resolve("liar.zip"), 2048, 1000);
        ExtractException e = refused(bomb, "zeros.bin");
        assertTrue(e.getMessage().contains("holds more than the 1000 bytes its header announces"), e.getMessage());
    }

    @Test
    void aGzipBombIsRefusedWhileStreamingLongBeforeItsGibibytes() throws Exception {
        Path bomb = Bombs.gzip(tmp.resolve("zeros.raw.gz"), new byte[0], 2048L << 20);
        assertTrue(Files.size(bomb) < 4 << 20, "a few MB: " + Files.size(bomb));
        ExtractException e = refused(bomb, "zeros.raw");
        Matcher written = Pattern.compile("expands to (\\d+) bytes from (\\d+) bytes").matcher(e.getMessage());
        assertTrue(written.find(), e.getMessage());
        assertTrue(Long.parseLong(written.group(1)) < 128L << 20, "stopped within the first 128 MiB: " + e.getMessage());
    }

    @Test
    void aTarGzBombIsRefusedAtItsHeader() throws Exception {
        TarArchiveEntry entry = new TarArchiveEntry("zeros.bin");
        entry.setSize(2048L << 20);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header);
        Path bomb = Bombs.gzip(tmp.resolve("bomb.tar.gz"), header, (2048L << 20) + 1024);
        ExtractException e = refused(bomb, "zeros.bin");
        assertTrue(e.getMessage().contains("1:1000"), e.getMessage());
    }

    @Test
    void limitsAreConfigurable() throws Exception {
        Path tar = Archives.tar(tmp.resolve("big.tar"), ArchiveFormat.TAR, List.of(Item.file("a.bin", "0123456789")));
        ExtractException e = assertThrows(ExtractException.class, () -> extractor.extract(tar,
                new Extractor.Options(new ExtractLimits(9, 1000), false), () -> false));
        assertTrue(e.getMessage().contains("'a.bin'") && e.getMessage().contains("limit of 9 bytes"), e.getMessage());
        assertEquals("0123456789".getBytes(StandardCharsets.UTF_8).length, 10);
    }
}
