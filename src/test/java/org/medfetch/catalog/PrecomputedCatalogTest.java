package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrecomputedCatalogTest {

    /** The build's copy (process-classes) is what every command reads: it must be the Markdown's catalog. */
    @Test
    void theBuildsCopyIsTheBundledMarkdownParsed() {
        assertNotNull(CatalogLoader.class.getResource(PrecomputedCatalog.RESOURCE),
                "the build did not precompute the bundled catalog (exec-maven-plugin in pom.xml)");
        Catalog parsed = new CatalogLoader().bundledMarkdown();
        assertEquals(parsed, new CatalogLoader().bundled());
        assertEquals(96, parsed.entries().size());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        CatalogEntry odd = new CatalogEntry("a\\b", "tab\there", null, "line\nbreak", "\\N", "cr\r", "", "http://x.org/a",
                7, List.of(new EntryLink(null, "http://x.org/paper"), new EntryLink("Mirror\t2", "http://m.org/")));
        CatalogEntry plain = new CatalogEntry("b", "B", "CT / 肺", null, null, null, null, null, 9);
        Catalog catalog = new Catalog("some/file.md", "00ff", List.of(odd, plain), List.of(
                new CatalogProblem(3, null, CatalogProblem.Kind.SKIPPED_LINE, "why\tnot", "fix \\ it", false),
                new CatalogProblem(7, "a\\b", CatalogProblem.Kind.TRUNCATED_LINK, "cut", "repaired", true)));
        assertEquals(catalog, PrecomputedCatalog.read(PrecomputedCatalog.write(catalog)));
    }

    @Test
    void anotherFormatIsRefused() {
        assertThrows(IllegalStateException.class, () -> PrecomputedCatalog.read("| Name | Link |\n"));
    }
}
