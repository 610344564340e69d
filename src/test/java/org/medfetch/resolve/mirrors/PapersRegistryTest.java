package org.medfetch.resolve.mirrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;

/** papers.tsv: every row reads, names a dataset of the bundled catalog by its exact name, and says its source. */
class PapersRegistryTest {

    private final DatasetNotes notes = DatasetNotes.bundled();
    private final Set<String> names = new CatalogLoader().bundled().entries().stream().map(CatalogEntry::name)
            .collect(Collectors.toSet());

    @Test
    void everyRowNamesABundledDatasetAndHasADoiAndASource() {
        assertFalse(notes.papers().isEmpty());
        for (DatasetNotes.Paper p : notes.papers()) {
            assertTrue(names.contains(p.dataset()), "not a bundled dataset name: " + p.dataset());
            assertTrue(p.doi().matches("10\\.\\d{4,9}/\\S+"), p.dataset() + ": " + p.doi());
            assertTrue(p.year().matches("(19|20)\\d\\d"), p.dataset() + ": " + p.year());
            assertFalse(p.title().isBlank() || p.container().isBlank() || p.source().isBlank(), p.toString());
            assertFalse(p.authors().isEmpty() || p.authors().get(0).equals("others"), p.toString());
            assertTrue(p.pages() == null || p.pages().matches("e?\\d+(--\\d+)?"), p.dataset() + ": " + p.pages());
            assertEquals(p.type() == DatasetNotes.PaperType.PREPRINT, p.container().startsWith("arXiv:"), p.toString());
        }
        assertEquals(notes.papers().size(), notes.papers().stream().map(DatasetNotes.Paper::dataset).distinct().count(),
                "one paper per dataset");
    }

    @Test
    void theDatasetsTheIssueNamesHaveTheirPapers() {
        for (String dataset : List.of("KiTS19", "CheXpert", "ChestXray", "ISIC 2016", "ISIC 2017", "ISIC 2018",
                "ISIC 2019", "ISIC 2020", "LIDC-IDRI", "CQ500", "Kvasir-v1", "Kvasir-v2", "Kvasir-SEG", "HyperKvasir",
                "ACDC", "CAMUS", "BUSI", "DRIVE", "STARE", "HC18", "VerSe", "AbdomenCT-1K")) {
            assertTrue(notes.paper(dataset).isPresent(), dataset);
        }
        assertEquals(DatasetNotes.PaperType.INPROCEEDINGS, notes.paper("ChestXray").orElseThrow().type());
        assertEquals("10.1016/j.media.2020.101821", notes.paper("KiTS19").orElseThrow().doi());
    }
}
