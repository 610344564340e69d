package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lists researchers published (see {@code lists/README.md} for their sources and licences), read as a
 * user's {@code --catalog} would be.
 *
 * <p>How the datasets of a list were counted, by hand, into {@code <list>.expected.tsv}: every table row
 * under a dataset column, list item, linked heading or bold name that names one dataset (with the line of
 * the row, item, heading or name); its link is the one a person would follow for the data (the link
 * column, else the name's own link; in a name block Access/Download/Data before Information/Website,
 * papers last), "-" when the list gives none. Not counted: contents, badges, links to other lists,
 * platforms and tools, papers, and links that nothing names. A dataset is read right when an entry on
 * its line has its name and link.
 */
class RealListsTest {

    /**
     * @param right   datasets read with the right name and link (the goal is 90% of the listed ones)
     * @param extra   entries that are not datasets of the list (each explained below)
     * @param skipped lines with links reported as skipped
     */
    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("m-aryayi.md", 47, 0, 0),
                Arguments.of("openmedlab-excerpt.md", 9, 0, 9),
                // extra: "[Aistudio下载](…)" below a table whose delimiter row has fewer cells than its header,
                // which GitHub does not show as a table either; the row becomes a line starting with a link.
                Arguments.of("linhandev-excerpt.md", 24, 1, 1),
                Arguments.of("adalca-excerpt.md", 19, 0, 14),
                // the miss: "Mammography Image Databases 100 or more images of mammograms with ground truth"
                // keeps the description the list writes after the name, with no separator between them.
                Arguments.of("sfikas-excerpt.md", 27, 0, 5),
                Arguments.of("beamandrew-excerpt.md", 14, 0, 0));
    }

    private record Expected(int line, String name, String link) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void readsTheDatasetsAPersonWouldRead(String list, int right, int extra, int skipped) throws IOException {
        Catalog catalog = new CatalogLoader().parse(CatalogText.of(list, resource(list)));
        List<Expected> expected = expected(list.replace(".md", ".expected.tsv"));
        int matched = 0;
        List<String> misses = new ArrayList<>();
        for (Expected e : expected) {
            boolean found = catalog.entries().stream().anyMatch(c -> c.line() == e.line() && c.name().equals(e.name())
                    && Objects.equals(c.link(), e.link()));
            if (found) {
                matched++;
            } else {
                misses.add(e.toString());
            }
        }
        long others = catalog.entries().stream()
                .filter(c -> expected.stream().noneMatch(e -> e.line() == c.line())).count();
        assertEquals(right, matched, () -> "misses: " + misses);
        int read = matched;
        assertTrue(read >= 0.9 * expected.size(), () -> read + " of " + expected.size());
        assertEquals(extra, others, () -> catalog.entries().toString());
        assertEquals(skipped, catalog.skippedLines(), () -> catalog.problems().toString());
        for (CatalogEntry e : catalog.entries()) {
            assertTrue(e.link() == null || Urls.usable(e.link()), () -> "not a dataset link: " + e);
            e.links().forEach(l -> assertTrue(Urls.usable(l.url()), () -> "not a link: " + l + " of " + e));
        }
    }

    private static List<Expected> expected(String name) throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String row : resource(name).split("\n")) {
            if (!row.isBlank()) {
                String[] cells = row.split("\t");
                expected.add(new Expected(Integer.parseInt(cells[0]), cells[1], cells[2].equals("-") ? null : cells[2]));
            }
        }
        return expected;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RealListsTest.class.getResourceAsStream("lists/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
