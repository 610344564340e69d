package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown catalogs: the lists researchers publish. Tables whose header names a dataset column
 * (with a link column or links in their cells, inside {@code <details>} too), HTML tables, list items
 * with a link, headings that are links, and bold name blocks with labelled links (see
 * {@link MarkdownReader}). Pure: text in, catalog out.
 */
public final class MarkdownCatalogParser {

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    public Catalog parse(CatalogText catalog) {
        SourceLines source = SourceLines.prepare(catalog.text());
        List<CatalogProblem> problems = new ArrayList<>();
        for (int line : source.joinedRows()) {
            problems.add(new CatalogProblem(line, null, CatalogProblem.Kind.SPLIT_CELL,
                    "the row is split over several lines (commonmark would end the table here)",
                    "put the whole row on line " + line + "; medfetch joined it", true));
        }
        List<HtmlTables.Region> htmlTables = mentionsTable(catalog.text()) ? HtmlTables.find(source) : List.of();
        for (HtmlTables.Region region : htmlTables) {
            for (int i = region.first(); i <= region.last(); i++) {
                source.blank(i);
            }
        }
        Node document = parser.parse(source.text());
        List<RawRow> rows = new MarkdownReader(source, headingLevels(document), htmlTables).read(document, problems);
        return CatalogForms.finish(catalog, rows, problems);
    }

    /** Whether the text may hold an HTML table (most catalogs have none, and need not be searched for one). */
    private static boolean mentionsTable(String text) {
        for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i + 1, "table", 0, "table".length())) {
                return true;
            }
        }
        return false;
    }

    /** Levels of the headings the reader sees (top level and in block quotes), in order. */
    private static List<Integer> headingLevels(Node document) {
        List<Integer> levels = new ArrayList<>();
        collect(document, levels);
        return levels;
    }

    private static void collect(Node parent, List<Integer> levels) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                levels.add(heading.getLevel());
            } else if (node instanceof BlockQuote) {
                collect(node, levels);
            }
        }
    }
}
