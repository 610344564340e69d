package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The catalog text prepared for commonmark: table rows whose last cell was split over two lines are
 * joined (commonmark would otherwise end the table at the continuation line), and every prepared line
 * remembers the original line it came from.
 */
final class SourceLines {

    /**
     * Lines that only open or close an HTML wrapper ({@code <details>}, {@code <summary>…</summary>},
     * {@code <div align="center">}): commonmark would make the Markdown after them part of an HTML block,
     * while GitHub shows a table inside {@code <details>} as a table. They are read as blank lines.
     */
    private static final Pattern WRAPPER = Pattern.compile(
            "(?i)\\s*(?:</?(?:details|div|center|p)\\b[^>]*>\\s*|<summary\\b[^>]*>.*?</summary\\s*>\\s*)+");

    private final List<String> lines = new ArrayList<>();
    private final List<Integer> originalLine = new ArrayList<>();
    private final List<Integer> joinedAt = new ArrayList<>();

    static SourceLines prepare(String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        SourceLines prepared = new SourceLines();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int first = i + 1;
            boolean joined = false;
            while (isOpenRow(line) && i + 1 < raw.length && isContinuation(raw[i + 1])) {
                line = line.stripTrailing() + " " + raw[++i].strip();
                joined = true;
            }
            if (joined) {
                prepared.joinedAt.add(first);
            }
            prepared.lines.add(line.strip().startsWith("<") && WRAPPER.matcher(line).matches() ? "" : line);
            prepared.originalLine.add(first);
        }
        return prepared;
    }

    /** A table row that does not end with the closing pipe. */
    private static boolean isOpenRow(String line) {
        String t = line.strip();
        return t.startsWith("|") && !t.endsWith("|") && t.length() > 1;
    }

    /** The rest of a split row: a line that is only a pipe, or text that does not start a new row or block. */
    private static boolean isContinuation(String next) {
        String t = next.strip();
        if (t.equals("|")) {
            return true;
        }
        return !t.isEmpty() && !t.startsWith("|") && !t.startsWith("#") && t.endsWith("|");
    }

    String text() {
        return String.join("\n", lines);
    }

    int size() {
        return lines.size();
    }

    /** Hides a prepared line from commonmark (it was read otherwise, as part of an HTML table). */
    void blank(int preparedIndex) {
        lines.set(preparedIndex, "");
    }

    String line(int preparedIndex) {
        return lines.get(preparedIndex);
    }

    /** The 1-based original line of a 0-based prepared line index. */
    int originalLine(int preparedIndex) {
        return originalLine.get(preparedIndex);
    }

    /** Original 1-based lines of rows that were joined from two or more lines. */
    List<Integer> joinedRows() {
        return joinedAt;
    }
}
