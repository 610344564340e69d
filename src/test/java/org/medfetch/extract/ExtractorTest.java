package org.medfetch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medfetch.extract.Archives.Item;

/** Good archives in every format unpack into the target, atomically, with what was written recorded. */
class ExtractorTest {

    /** sha256("hello") and sha256("scan") */
    private static final String HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private static final List<Item> TREE = List.of(Item.dir("case1"), Item.file("case1/image.nii", "scan"),
            Item.file("readme.txt", "hello"), Item.dir("empty"));

    @TempDir
    Path tmp;

    private final Extractor extractor = new Extractor(FreeSpace.SYSTEM);
    private final Extractor.Options hashing = new Extractor.Options(ExtractLimits.DEFAULTS, true);

    @ParameterizedTest
    @EnumSource(value = ArchiveFormat.class, names = {"TAR", "TAR_GZ", "TAR_BZ2", "TAR_XZ"})
    void tarsInEveryCompressionUnpack(ArchiveFormat format) throws Exception {
        String suffix = switch (format) {
            case TAR -> ".tar";
            case TAR_GZ -> ".tgz";
            case TAR_BZ2 -> ".tar.bz2";
            default -> ".tar.xz";
        };
        Path archive = Archives.tar(tmp.resolve("Task09_Spleen" + suffix), format,
                concat(TREE, List.of(Item.symlink("case1/latest.nii", "image.nii"), Item.hardlink("copy.txt", "readme.txt"))));
        Extracted result = extractor.extract(archive, hashing, () -> false);
        Path target = tmp.resolve("Task09_Spleen");
        assertTree(target);
        assertTrue(Files.isSymbolicLink(target.resolve("case1/latest.nii")));
        assertEquals("scan", Files.readString(target.resolve("case1/latest.nii")));
        assertEquals("hello", Files.readString(target.resolve("copy.txt")));
        assertEquals(6, result.entries());
        assertEquals(Map.of("Task09_Spleen/case1/image.nii", 4L, "Task09_Spleen/readme.txt", 5L,
                "Task09_Spleen/copy.txt", 5L), sizes(result));
        assertEquals(HELLO, result.files().stream().filter(f -> f.path().endsWith("readme.txt")).findFirst()
                .orElseThrow().sha256());
        assertEquals(9, result.bytes(), "a hard link writes nothing");
        assertNoTemporaryFolder();
    }

    @Test
    void zipUnpacksWithItsUnixSymlinks() throws Exception {
        Path archive = Archives.zip(tmp.resolve("kvasir.zip"), concat(TREE, List.of(Item.symlink("link", "readme.txt"))));
        Extracted result = extractor.extract(archive, hashing, () -> false);
        assertTree(tmp.resolve("kvasir"));
        assertEquals("hello", Files.readString(tmp.resolve("kvasir/link")));
        assertEquals(5, result.entries());
        assertNoTemporaryFolder();
    }

    @Test
    void sevenZipUnpacks() throws Exception {
        Path archive = Archives.sevenZ(tmp.resolve("scans.7z"), TREE);
        Extracted result = extractor.extract(archive, new Extractor.Options(ExtractLimits.DEFAULTS, false), () -> false);
        assertTree(tmp.resolve("scans"));
        assertEquals(2, result.files().size());
        assertTrue(result.files().stream().allMatch(f -> f.sha256() == null), "hashes only when asked");
    }

    @Test
    void aSingleGzipBecomesTheFileItCompresses() throws Exception {
        Path archive = Archives.gz(tmp.resolve("labels.csv.gz"), "hello");
        Extracted result = extractor.extract(archive, hashing, () -> false);
        assertEquals("hello", Files.readString(tmp.resolve("labels.csv")));
        assertEquals(List.of(new Extracted.ExtractedFile("labels.csv", 5, HELLO)), result.files());
        assertNoTemporaryFolder();
    }

    @Test
    void dataFormatsSplitAndRarArchivesAreNotUnpacked() {
        for (String data : List.of("ct.nii.gz", "slice.dcm.gz", "pathmnist.npz", "features.h5")) {
            assertInstanceOf(ArchiveFormat.Keep.class, ArchiveFormat.of(data), data);
        }
        for (String refused : List.of("LAG_database_part_1.rar", "data.part2.rar", "images.zip.001", "images.z01",
                "scans.7z.002", "big.tar.gz.aa")) {
            assertInstanceOf(ArchiveFormat.Unsupported.class, ArchiveFormat.of(refused), refused);
        }
        assertEquals(new ArchiveFormat.Archive(ArchiveFormat.TAR_GZ, "BraTS2021"), ArchiveFormat.of("BraTS2021.tar.gz"));
        assertEquals(new ArchiveFormat.Archive(ArchiveFormat.GZ, "labels.csv"), ArchiveFormat.of("labels.csv.gz"));
    }

    @Test
    void aRarIsRefusedWithWhatToDoInstead() throws Exception {
        Path rar = Files.writeString(tmp.resolve("LAG.rar"), "Rar!");
        ExtractException e = assertThrows(ExtractException.class, () -> extractor.extract(rar, hashing, () -> false));
        assertEquals(ExtractException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("RAR archives are not unpacked"), e.getMessage());
    }

    @Test
    void tooLittleFreeSpaceIsRetryableAndWritesNothing() throws Exception {
        Path archive = Archives.zip(tmp.resolve("kvasir.zip"), TREE);
        ExtractException e = assertThrows(ExtractException.class,
                () -> new Extractor(folder -> 5).extract(archive, hashing, () -> false));
        assertEquals(ExtractException.Kind.NO_SPACE, e.kind());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("needs at least 9 bytes, 5 are free"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("kvasir")));
        assertNoTemporaryFolder();
    }

    @Test
    void anInterruptedExtractionStartsOverCleanly() throws Exception {
        Path archive = Archives.tar(tmp.resolve("scans.tar"), ArchiveFormat.TAR, TREE);
        // What a killed process leaves: half a tree in the temporary folder, and a link out of it
        // that cleaning up must remove, not follow.
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "keep me");
        Path stale = Files.createDirectories(tmp.resolve(".scans.extracting/case1"));
        Files.writeString(stale.resolve("image.nii"), "sc");
        Files.createSymbolicLink(tmp.resolve(".scans.extracting/out"), outside);
        ExtractException stopped = assertThrows(ExtractException.class,
                () -> extractor.extract(archive, hashing, () -> true));
        assertEquals(ExtractException.Kind.IO, stopped.kind());
        assertFalse(Files.exists(tmp.resolve("scans")));
        assertNoTemporaryFolder();
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("junk"), "x");
        extractor.extract(archive, hashing, () -> false);
        assertTree(tmp.resolve("scans"));
        assertFalse(Files.exists(tmp.resolve("scans/case1/junk")));
        assertEquals("keep me", Files.readString(outside));
        assertNoTemporaryFolder();
    }

    @Test
    void anExtractionStoppedHalfwayThroughAFileLeavesNothingAndRunsAgainToTheEnd() throws Exception {
        byte[] noise = new byte[320_000];
        new Random(7).nextBytes(noise);
        String big = HexFormat.of().formatHex(noise); // 640 KB that compresses about 2:1, far from any ratio limit
        Path archive = Archives.tar(tmp.resolve("volumes.tar.gz"), ArchiveFormat.TAR_GZ,
                concat(TREE, List.of(Item.file("case1/volume.raw", big))));
        AtomicInteger checks = new AtomicInteger();
        // The stop is asked after each chunk written: it comes with the first 64 KiB of the file on disk.
        ExtractException stopped = assertThrows(ExtractException.class,
                () -> extractor.extract(archive, hashing, () -> checks.incrementAndGet() > 2));
        assertEquals(ExtractException.Kind.IO, stopped.kind());
        assertTrue(stopped.retryable());
        assertTrue(checks.get() > 2, "stopped while writing, not before");
        assertFalse(Files.exists(tmp.resolve("volumes")));
        assertNoTemporaryFolder();
        Extracted done = extractor.extract(archive, hashing, () -> false);
        assertEquals(big, Files.readString(tmp.resolve("volumes/case1/volume.raw")));
        assertTree(tmp.resolve("volumes"));
        assertEquals(big.length() + 9, done.bytes());
        assertNoTemporaryFolder();
    }

    @Test
    void anExistingFolderOfTheSameNameIsNotOverwritten() throws Exception {
        Path archive = Archives.zip(tmp.resolve("kvasir.zip"), TREE);
        Files.createDirectories(tmp.resolve("kvasir"));
        Files.writeString(tmp.resolve("kvasir/mine.txt"), "mine");
        ExtractException e = assertThrows(ExtractException.class, () -> extractor.extract(archive, hashing, () -> false));
        assertTrue(e.getMessage().contains("kvasir already exists"), e.getMessage());
        assertEquals("mine", Files.readString(tmp.resolve("kvasir/mine.txt")));
    }

    private static void assertTree(Path target) throws Exception {
        assertEquals("scan", Files.readString(target.resolve("case1/image.nii")));
        assertEquals("hello", Files.readString(target.resolve("readme.txt")));
        assertTrue(Files.isDirectory(target.resolve("empty")));
    }

    private void assertNoTemporaryFolder() throws Exception {
        try (Stream<Path> list = Files.list(tmp)) {
            assertEquals(List.of(), list.filter(p -> p.getFileName().toString().endsWith(".extracting")).toList());
        }
    }

    private static Map<String, Long> sizes(Extracted result) {
        Map<String, Long> sizes = new TreeMap<>();
        result.files().forEach(f -> sizes.put(f.path(), f.size()));
        return sizes;
    }

    private static List<Item> concat(List<Item> a, List<Item> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
