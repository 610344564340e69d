package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/** A GFM table ({@code | Dataset | Link |}) as a {@link TableRead}. */
final class GfmTables {

    private GfmTables() {
    }

    static TableRead read(TableBlock table, SourceLines source) {
        List<String> headers = new ArrayList<>();
        List<TableRead.Row> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead head && head.getFirstChild() != null) {
                for (Node cell = head.getFirstChild().getFirstChild(); cell != null; cell = cell.getNext()) {
                    headers.add(InlineLines.plain(cell, 0).strip());
                }
            } else if (part instanceof TableBody body) {
                for (Node row = body.getFirstChild(); row != null; row = row.getNext()) {
                    rows.add(row(row, source));
                }
            }
        }
        return new TableRead(headers, rows);
    }

    private static TableRead.Row row(Node row, SourceLines source) {
        int index = row.getSourceSpans().get(0).getLineIndex();
        int line = source.originalLine(index);
        List<Line> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            List<Line> lines = InlineLines.of(cell, List.of(line));
            cells.add(lines.isEmpty() ? new Line(line, List.of()) : merge(line, lines));
        }
        return new TableRead.Row(line, cells, countCells(source.line(index)));
    }

    private static Line merge(int line, List<Line> lines) {
        if (lines.size() == 1) {
            return lines.get(0);
        }
        List<Line.Piece> pieces = new ArrayList<>();
        lines.forEach(l -> pieces.addAll(l.pieces()));
        return new Line(line, pieces);
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
