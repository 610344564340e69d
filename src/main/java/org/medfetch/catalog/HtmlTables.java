package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML tables ({@code <table><tr><td>}) of a catalog. They are found in the text before commonmark
 * sees it, because commonmark ends an HTML block at the first blank line and would cut such a table
 * into pieces; their lines are then hidden from commonmark.
 */
final class HtmlTables {

    /** A table spanning prepared lines {@code first..last}. */
    record Region(int first, int last, TableRead table) {
    }

    private static final Pattern OPEN = Pattern.compile("(?i)<table\\b");
    private static final Pattern CLOSE = Pattern.compile("(?i)</table\\s*>");
    private static final Pattern ROW = Pattern.compile("(?i)<tr\\b[^>]*>");
    private static final Pattern ROW_END = Pattern.compile("(?i)<tr\\b|</table\\s*>|</t(?:body|head|foot)\\s*>");
    private static final Pattern CELL = Pattern.compile("(?i)<t([dh])\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)<t[dh]\\b|</tr\\s*>");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

    private HtmlTables() {
    }

    static List<Region> find(SourceLines source) {
        List<Region> regions = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < source.size(); i++) {
            String line = source.line(i);
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            if (fenced || !OPEN.matcher(line).find()) {
                continue;
            }
            int depth = 0;
            int last = i;
            for (int j = i; j < source.size(); j++) {
                String l = source.line(j);
                depth += count(OPEN, l) - count(CLOSE, l);
                last = j;
                if (depth <= 0) {
                    break;
                }
            }
            regions.add(new Region(i, last, read(source, i, last)));
            i = last;
        }
        return regions;
    }

    private static TableRead read(SourceLines source, int first, int last) {
        StringBuilder text = new StringBuilder();
        for (int i = first; i <= last; i++) {
            text.append(source.line(i)).append('\n');
        }
        String html = HtmlLines.withoutComments(text.toString());
        List<String> headers = new ArrayList<>();
        List<TableRead.Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        int lineIndex = 0;
        int counted = 0;
        while (row.find()) {
            int end = endOf(ROW_END, html, row.end());
            lineIndex += newlines(html, counted, row.start());
            counted = row.start();
            int line = source.originalLine(first + lineIndex);
            List<Line> cells = new ArrayList<>();
            boolean header = false;
            Matcher cell = CELL.matcher(html).region(row.end(), end);
            while (cell.find()) {
                header |= cell.group(1).equalsIgnoreCase("h");
                int cellEnd = endOf(CELL_END, html.substring(0, end), cell.end());
                cells.add(HtmlLines.line(html.substring(cell.end(), cellEnd), line));
            }
            boolean firstRow = headers.isEmpty() && rows.isEmpty();
            if (firstRow && (header || cells.stream().noneMatch(Line::hasUsableLink))) {
                cells.forEach(c -> headers.add(Names.collapse(c.plain())));
            } else if (!cells.isEmpty()) {
                rows.add(new TableRead.Row(line, cells, cells.size()));
            }
        }
        return new TableRead(headers, rows);
    }

    private static int endOf(Pattern end, String text, int from) {
        Matcher m = end.matcher(text);
        return m.find(from) ? m.start() : text.length();
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
