package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV, TSV and JSON Lines catalogs, told apart from Markdown by their name or their first line. */
class OtherFormatsTest {

    private static Catalog read(String origin, String text) {
        return new CatalogLoader().parse(CatalogText.of(origin, text));
    }

    @Test
    void csvWithQuotedFieldsAndTheSameHeaderWordsAsTables() {
        Catalog catalog = read("datasets.csv", """
                Dataset,Task,Section,Download Link,Homepage,Paper
                LiTS,segmentation,CT,https://zenodo.org/records/1,https://lits.org,https://arxiv.org/abs/1901.04056
                "BraTS, 2021","segmentation
                of gliomas",MRI,https://www.synapse.org/brats,,
                "He said ""no""\",,,-,,
                """);
        assertEquals(List.of("LiTS", "BraTS, 2021", "He said \"no\""),
                catalog.entries().stream().map(CatalogEntry::name).toList());
        CatalogEntry lits = catalog.entries().get(0);
        assertEquals("https://zenodo.org/records/1", lits.link());
        assertEquals("CT", lits.section());
        assertEquals("segmentation", lits.task());
        assertEquals(List.of(new EntryLink("Homepage", "https://lits.org"),
                new EntryLink("Paper", "https://arxiv.org/abs/1901.04056")), lits.links());
        CatalogEntry brats = catalog.entries().get(1);
        assertEquals(3, brats.line());
        assertEquals("segmentation\nof gliomas", brats.task());
        assertEquals(5, catalog.entries().get(2).line());
        assertNull(catalog.entries().get(2).link());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MISSING_LINK && p.line() == 5));
    }

    @Test
    void tsvIsToldByItsFirstLineWithoutAnExtension() {
        Catalog catalog = read("catalog", "name\tlink\tformat\nDRIVE\thttps://drive.grand-challenge.org/\t2D\n");
        assertEquals("https://drive.grand-challenge.org/", catalog.entries().get(0).link());
        assertEquals("2D", catalog.entries().get(0).format());
    }

    @Test
    void aCsvWhoseHeaderNamesNoLinkColumnSaysSo() {
        Catalog catalog = read("x.csv", "title,year\nA,2020\n");
        assertTrue(catalog.entries().isEmpty());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MALFORMED_ROW
                && p.message().contains("title, year")), catalog.problems()::toString);
        assertEquals(CatalogProblem.Kind.NO_DATASETS, catalog.problems().get(0).kind());
    }

    @Test
    void rowsWithTheWrongNumberOfFieldsAreReported() {
        Catalog catalog = read("x.csv", "name,link\nA,https://a.org,extra\n");
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MALFORMED_ROW && p.line() == 2));
    }

    @Test
    void jsonLinesReadTheEntryFieldsAndIgnoreDerivedOnes() {
        Catalog catalog = read("export.jsonl", """
                {"id":"msd-lung","name":"MSD Lung","section":"CT","task":"分割","part":"肺","format":"3D","count":"96","link":"https://pan.baidu.com/s/1rBu?pwd=6666","links":[{"label":"paper","url":"https://arxiv.org/abs/1902.09063"}],"host":"pan.baidu.com","class":"manual","resolver":"baidu-netdisk","mirror":false,"effective_class":"manual","line":19}

                {"id":"lits","name":"LiTS","count":201,"link":null,"links":["https://lits.org"]}
                not json at all
                [1, 2]
                {"name":"MSD Lung","id":"msd-lung","link":"https://example.org/again"}
                """);
        assertEquals(List.of("msd-lung", "lits", "msd-lung-2"), catalog.entries().stream().map(CatalogEntry::id).toList());
        CatalogEntry lung = catalog.entries().get(0);
        assertEquals("CT", lung.section());
        assertEquals("96", lung.count());
        assertEquals(1, lung.line(), "the file's own line, not the exported one");
        assertEquals(List.of(new EntryLink("paper", "https://arxiv.org/abs/1902.09063")), lung.links());
        CatalogEntry lits = catalog.entries().get(1);
        assertEquals("201", lits.count());
        assertNull(lits.link());
        assertEquals(List.of(new EntryLink(null, "https://lits.org")), lits.links());
        assertEquals(List.of(4, 5), catalog.problems().stream()
                .filter(p -> p.kind() == CatalogProblem.Kind.MALFORMED_ROW).map(CatalogProblem::line).toList());
    }

    @Test
    void formatsAreToldByExtensionThenByContent() {
        assertEquals(CatalogFormat.CSV, CatalogFormat.of("https://example.org/list.CSV?raw=1", "x"));
        assertEquals(CatalogFormat.JSON_LINES, CatalogFormat.of("list.ndjson", ""));
        assertEquals(CatalogFormat.JSON_LINES, CatalogFormat.of("list", "\n  {\"name\":\"A\"}"));
        assertEquals(CatalogFormat.MARKDOWN, CatalogFormat.of("list.md", "name,link\nA,https://a.org"));
        assertEquals(CatalogFormat.CSV, CatalogFormat.of("list.txt", "name,link\nA,https://a.org"));
        assertEquals(CatalogFormat.MARKDOWN,
                CatalogFormat.of("list.txt", "This list gives the name, a description and the link of each dataset."));
        assertEquals(CatalogFormat.MARKDOWN, CatalogFormat.of("list", "| Dataset | Link |"));
    }
}
