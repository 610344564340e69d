package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogShapesTest {

    private final MarkdownCatalogParser parser = new MarkdownCatalogParser();

    private Catalog parse(String text) {
        return parser.parse(CatalogText.of("test", text));
    }

    @Test
    void englishHeadersInAnotherOrder() {
        Catalog catalog = parse("""
                # Chest

                | Link | Body part | Dataset | Images | Task |
                |------|-----------|---------|--------|------|
                | https://example.org/a.zip | lung | Alpha Set | 1,000 | classification |
                | [download](https://example.org/b.tar) | heart | Beta | 20 | segmentation |
                """);
        assertEquals(2, catalog.entries().size());
        CatalogEntry alpha = catalog.entries().get(0);
        assertEquals("alpha-set", alpha.id());
        assertEquals("Alpha Set", alpha.name());
        assertEquals("Chest", alpha.section());
        assertEquals("lung", alpha.part());
        assertEquals("1,000", alpha.count());
        assertEquals("classification", alpha.task());
        assertEquals("https://example.org/a.zip", alpha.link());
        assertEquals(5, alpha.line());
        assertEquals("https://example.org/b.tar", catalog.entries().get(1).link());
        assertTrue(catalog.problems().isEmpty(), catalog.problems()::toString);
    }

    @Test
    void bareBucketLinksAreLinks() {
        Catalog catalog = parse("""
                | Dataset | Link |
                |---|---|
                | ABIDE | s3://fcp-indi/data/Projects/ABIDE/ |
                | IDC | gs://idc-open-data/ |
                """);
        assertEquals(List.of("s3://fcp-indi/data/Projects/ABIDE/", "gs://idc-open-data/"),
                catalog.entries().stream().map(CatalogEntry::link).toList());
    }

    @Test
    void bulletListsOfLinks() {
        Catalog catalog = parse("""
                ## Retina

                - [DRIVE](https://example.org/drive.zip): vessel segmentation
                * STARE: [link](https://example.org/stare.tar)
                - a bullet without a link
                """);
        assertEquals(List.of("drive", "stare"), catalog.entries().stream().map(CatalogEntry::id).toList());
        assertEquals("STARE", catalog.entries().get(1).name());
        assertEquals("Retina", catalog.entries().get(1).section());
        assertEquals(4, catalog.entries().get(1).line());
        assertNull(catalog.entries().get(0).task());
    }

    @Test
    void tablesWithoutDatasetAndLinkColumnsAreNotDatasets() {
        Catalog catalog = parse("""
                | Year | Event |
                |------|-------|
                | 2020 | something |
                """);
        assertTrue(catalog.entries().isEmpty());
        assertEquals(CatalogProblem.Kind.NO_DATASETS, catalog.problems().get(0).kind());
    }

    @Test
    void emptyCatalogIsReportedNotCrashed() {
        Catalog catalog = parse("");
        assertTrue(catalog.entries().isEmpty());
        assertEquals(List.of(CatalogProblem.Kind.NO_DATASETS), catalog.problems().stream().map(CatalogProblem::kind).toList());
    }

    @Test
    void rowWithTooManyCellsAndLinkCellWithoutUrl() {
        Catalog catalog = parse("""
                | 数据集名称 | 下载链接 |
                | --- | --- |
                | A | [link](https://example.org/a.zip) | extra |
                | B | ask the authors |
                """);
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MALFORMED_ROW && p.line() == 3));
        CatalogProblem noUrl = catalog.problems().stream()
                .filter(p -> p.kind() == CatalogProblem.Kind.MALFORMED_LINK).findFirst().orElseThrow();
        assertEquals("b", noUrl.datasetId());
        assertEquals(4, noUrl.line());
    }

    @Test
    void splitRowInAnotherCatalogKeepsLaterLineNumbers() {
        Catalog catalog = parse("""
                | Name | URL |
                | --- | --- |
                | One | [link](https://example.org/1.zip)
                 |
                | Two | [link](https://example.org/2.zip) |
                """);
        assertEquals(2, catalog.entries().size());
        assertEquals(3, catalog.entries().get(0).line());
        assertEquals(5, catalog.entries().get(1).line());
        assertEquals(CatalogProblem.Kind.SPLIT_CELL, catalog.problems().get(0).kind());
    }

    @Test
    void duplicateNamesInOneSectionGetANumber() {
        Catalog catalog = parse("""
                | Dataset | Link |
                | --- | --- |
                | Same | https://example.org/1.zip |
                | Same | https://example.org/2.zip |
                """);
        assertEquals(List.of("same", "same-2"), catalog.entries().stream().map(CatalogEntry::id).toList());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.DUPLICATE_DATASET));
    }

    @Test
    void longNamesMakeBoundedDistinctIds() {
        String alpha = "Alpha ".repeat(40) + "one";
        String beta = "Alpha ".repeat(40) + "two";
        String cjk = "肺".repeat(120);
        Catalog catalog = parse("| Dataset | Link |\n|---|---|\n| " + alpha + " | https://example.org/a |\n| " + beta
                + " | https://example.org/b |\n| " + cjk + " | https://example.org/c |\n");
        List<String> ids = catalog.entries().stream().map(CatalogEntry::id).toList();
        assertEquals(3, ids.stream().distinct().count(), ids::toString);
        for (String id : ids) {
            assertTrue(id.codePointCount(0, id.length()) <= 80, id);
            assertTrue(id.getBytes(StandardCharsets.UTF_8).length <= 240, id);
            assertTrue(id.matches(".+-[0-9a-f]{8}"), "a cut id ends in a hash of the whole: " + id);
        }
        assertTrue(ids.get(0).startsWith("alpha-alpha-"), ids.get(0));
        assertEquals("肺".repeat(71), ids.get(2).substring(0, 71));
        assertEquals(alpha.strip(), catalog.entries().get(0).name(), "catalog names stay as written");
        assertEquals(ids.get(0), DatasetIds.bounded(ids.get(0)), "a bounded id stays as it is");
    }

    @Test
    void binaryFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.md");
        Files.write(file, new byte[] {'|', ' ', 0, 1, 2, (byte) 0xff});
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().file(file, "catalog.md"));
        assertEquals("catalog catalog.md is a binary file, not Markdown text", e.getMessage());
    }

    @Test
    void nonUtf8FileIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.md");
        Files.write(file, "| Dataset | Link |\n|---|---|\n| café | x |\n".getBytes(StandardCharsets.ISO_8859_1));
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().file(file, "latin1.md"));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void missingFileAndDirectoryAreRefused(@TempDir Path dir) {
        CatalogLoader loader = new CatalogLoader();
        assertEquals("catalog nope.md does not exist",
                assertThrows(CatalogException.class, () -> loader.file(dir.resolve("nope.md"), "nope.md")).getMessage());
        assertTrue(assertThrows(CatalogException.class, () -> loader.file(dir, "dir")).getMessage().contains("directory"));
    }

    @Test
    void fileCatalogHashesItsBytesAndDropsTheBom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.md");
        byte[] bytes = "\uFEFF| Dataset | Link |\n|---|---|\n| A | https://example.org/a.zip |\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Catalog catalog = new CatalogLoader().file(file, "bom.md");
        assertEquals(1, catalog.entries().size());
        assertEquals(CatalogText.sha256(bytes), catalog.sha256());
        assertEquals("bom.md", catalog.origin());
    }

    @Test
    void lookupByIdNameAndPrefix() {
        Catalog catalog = new CatalogLoader().bundled();
        assertEquals("msd-lung", ((Lookup.Found) catalog.lookup("msd-lung")).entry().id());
        assertEquals("kits19", ((Lookup.Found) catalog.lookup("KITS19")).entry().id());
        assertEquals("abdomenct-1k", ((Lookup.Found) catalog.lookup("abdomen")).entry().id());
        assertEquals("天池肺结节比赛", ((Lookup.Found) catalog.lookup("天池")).entry().id());
        Lookup.Ambiguous msd = (Lookup.Ambiguous) catalog.lookup("msd");
        assertTrue(msd.candidates().contains("msd-heart"));
        Lookup.NotFound missing = (Lookup.NotFound) catalog.lookup("kitz19");
        assertEquals("kits19", missing.closest().get(0));
    }

    @Test
    void lookupPrefersExactNameOverPrefixes() {
        Catalog catalog = new CatalogLoader().bundled();
        assertEquals("rsna", ((Lookup.Found) catalog.lookup("RSNA")).entry().id());
        assertEquals("medmnist", ((Lookup.Found) catalog.lookup("medmnist")).entry().id());
    }
}
