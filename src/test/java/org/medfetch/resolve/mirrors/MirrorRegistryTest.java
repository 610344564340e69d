package org.medfetch.resolve.mirrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;

class MirrorRegistryTest {

    private final MirrorRegistry bundled = MirrorRegistry.bundled();

    @Test
    void bundledRegistryKeepsEverySourceAndClassifiesUse() {
        assertEquals(186, bundled.all().size());
        assertTrue(bundled.all().stream().allMatch(m -> !m.source().isBlank()), "every row keeps its source");
        Map<Mirror.Use, Long> uses = bundled.all().stream().collect(Collectors.groupingBy(Mirror::use, Collectors.counting()));
        assertEquals(7L, uses.get(Mirror.Use.ACCOUNT));
        assertEquals(3L, uses.get(Mirror.Use.LOW_TRUST));
        assertTrue(bundled.all().stream().filter(m -> m.kind().equals("kaggle")).allMatch(m -> m.use() == Mirror.Use.ACCOUNT));
        assertTrue(bundled.all().stream().filter(m -> m.source().contains("LOW TRUST")).allMatch(m -> !m.open()));
    }

    @Test
    void everyRegistryDatasetExistsInTheBundledCatalog() {
        List<String> names = new CatalogLoader().bundled().entries().stream().map(CatalogEntry::name).toList();
        bundled.all().stream().filter(m -> !m.dataset().isEmpty())
                .forEach(m -> assertTrue(names.contains(m.dataset()), m.dataset() + " (line " + m.line() + ")"));
    }

    @Test
    void checksumsAndSizesAreParsed() {
        Mirror spleen = bundled.forDataset("MSD Spleen").get(0);
        assertEquals("md5", spleen.checksum().algorithm());
        assertEquals("410d4a301da4e5b2f6f86ec3ddba524e", spleen.checksum().hex());
        Mirror seg = bundled.forDataset("HAM10000").stream().filter(m -> m.size() != null).findFirst().orElseThrow();
        assertEquals(10808743L, seg.size());
        assertNull(bundled.forDataset("Kvasir-v2").get(0).checksum());
    }

    @Test
    void aRegistryWithoutUseColumnDerivesItFromTheSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.tsv");
        Files.writeString(file, String.join("\n",
                "catalog_dataset\tcatalog_name\tkind\turl_or_id\tfilename\tsize_bytes\tchecksum_algo\tchecksum\tsource_of_fact",
                "FIRE\tFIRE\thttp\thttp://127.0.0.1:1/FIRE.7z\tFIRE.7z\t\t\t\tmy notes",
                "FIRE\tFIRE old\thttp\thttp://127.0.0.1:1/old.7z\told.7z\t\t\t\tUNVERIFIED copy",
                "FIRE\tFIRE kaggle\tkaggle\tsomeone/fire\t\t\t\t\tthird-party"));
        List<Mirror> rows = MirrorRegistry.read(file).forDataset("FIRE");
        assertEquals(List.of(Mirror.Use.PRIMARY, Mirror.Use.LOW_TRUST, Mirror.Use.ACCOUNT), rows.stream().map(Mirror::use).toList());
    }

    @Test
    void malformedRegistriesNameTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "dataset\tlink\nA\thttp://x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MirrorRegistry.read(file)).getMessage()
                .contains("line 1 must be the header"));
        Files.writeString(file, "catalog_dataset\tcatalog_name\tkind\turl_or_id\tfilename\tsize_bytes\tchecksum_algo\t"
                + "checksum\tsource_of_fact\nA\tA\thttp\thttp://x/a.zip\ta.zip\t\tmd5\tnothex\tme\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MirrorRegistry.read(file));
        assertTrue(e.getMessage().contains("line 2: a md5 checksum is 32 hex digits"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MirrorRegistry.read(dir.resolve("none.tsv")))
                .getMessage().contains("does not exist"));
    }
}
