package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown catalogs: GFM tables whose header names a dataset column and a link column (in any
 * order, Chinese or English), and bullet lists of {@code [name](url)} links. Pure: text in, catalog out.
 */
public final class MarkdownCatalogParser {

    private static final Pattern URL_IN_TEXT = Pattern.compile("(?:https?://|s3://|gs://|magnet:\\?)\\S+");

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    public Catalog parse(CatalogText catalog) {
        SourceLines source = SourceLines.prepare(catalog.text());
        List<RawRow> rows = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        for (int line : source.joinedRows()) {
            problems.add(new CatalogProblem(line, null, CatalogProblem.Kind.SPLIT_CELL,
                    "the row is split over several lines (commonmark would end the table here)",
                    "put the whole row on line " + line + "; medfetch joined it", true));
        }
        collect(parser.parse(source.text()), source, rows);
        List<CatalogEntry> entries = new EntryBuilder(rows, problems).build();
        if (entries.isEmpty()) {
            problems.add(new CatalogProblem(1, null, CatalogProblem.Kind.NO_DATASETS,
                    "no datasets found: no table with a dataset column and a link column, no list of links",
                    "use a table with headers such as | Dataset | ... | Link | or a list of [name](url)", false));
        }
        return new Catalog(catalog.origin(), catalog.sha256(), entries, problems);
    }

    private void collect(Node document, SourceLines source, List<RawRow> rows) {
        String section = null;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                section = plainText(heading).strip();
            } else if (node instanceof TableBlock table) {
                readTable(table, section, source, rows);
            } else if (node instanceof BulletList list) {
                readList(list, section, source, rows);
            }
        }
    }

    private void readTable(TableBlock table, String section, SourceLines source, List<RawRow> rows) {
        List<ColumnRole> roles = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead head) {
                for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    ColumnRole role = ColumnRole.of(plainText(cell));
                    roles.add(roles.contains(role) ? null : role);
                }
            } else if (part instanceof TableBody body && roles.contains(ColumnRole.NAME)
                    && roles.contains(ColumnRole.LINK)) {
                for (Node row = body.getFirstChild(); row != null; row = row.getNext()) {
                    rows.add(readRow((TableRow) row, roles, section, source));
                }
            }
        }
    }

    private RawRow readRow(TableRow row, List<ColumnRole> roles, String section, SourceLines source) {
        List<String> cells = new ArrayList<>();
        String link = null;
        String linkText = "";
        int column = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext(), column++) {
            String text = plainText(cell).strip();
            cells.add(text);
            if (column < roles.size() && roles.get(column) == ColumnRole.LINK) {
                link = linkIn((TableCell) cell, text);
                linkText = text;
            }
        }
        while (cells.size() < roles.size()) {
            cells.add("");
        }
        int index = row.getSourceSpans().get(0).getLineIndex();
        return new RawRow(source.originalLine(index), section, roles, cells, link, linkText,
                countCells(source.line(index)));
    }

    private void readList(BulletList list, String section, SourceLines source, List<RawRow> rows) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            Link link = firstLink(item);
            if (!(item instanceof ListItem) || link == null) {
                continue;
            }
            String name = plainText(link).strip();
            if (name.isEmpty() || isGenericLinkText(name)) {
                name = textBefore(link).replaceAll("[:：\\-–—\\s]+$", "").strip();
            }
            if (name.isEmpty()) {
                continue;
            }
            int index = item.getSourceSpans().get(0).getLineIndex();
            List<ColumnRole> roles = List.of(ColumnRole.NAME, ColumnRole.LINK);
            rows.add(new RawRow(source.originalLine(index), section, roles,
                    List.of(name, link.getDestination()), link.getDestination(), link.getDestination(), 2));
        }
    }

    private static boolean isGenericLinkText(String text) {
        return text.matches("(?i)link|here|download|下载|链接|地址|url");
    }

    private static String linkIn(TableCell cell, String text) {
        Link link = firstLink(cell);
        if (link != null && !link.getDestination().isBlank()) {
            return link.getDestination().strip();
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static Link firstLink(Node node) {
        if (node instanceof Link link) {
            return link;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            Link found = firstLink(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Text of the paragraph that holds a link, up to the link. */
    private static String textBefore(Link link) {
        StringBuilder out = new StringBuilder();
        for (Node n = link.getParent().getFirstChild(); n != null && n != link; n = n.getNext()) {
            out.append(plainText(n));
        }
        return out.toString();
    }

    static String plainText(Node node) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        if (node instanceof SoftLineBreak) {
            return " ";
        }
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            out.append(plainText(child));
        }
        return out.toString();
    }

    /** Cells written on a table line: pipes that are not escaped, minus the outer ones. */
    private static int countCells(String line) {
        String t = line.strip();
        int pipes = 0;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '|' && (i == 0 || t.charAt(i - 1) != '\\')) {
                pipes++;
            }
        }
        int cells = pipes + 1;
        if (t.startsWith("|")) {
            cells--;
        }
        if (t.endsWith("|") && t.length() > 1) {
            cells--;
        }
        return cells;
    }
}
