package org.medfetch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One frame of the progress display, as text lines no wider than the terminal (wide CJK characters count
 * twice): a bar per running file, one line counting the files that ended, and the total fixed at the bottom.
 * Pure: the display decides when to draw it.
 */
final class ProgressFrame {

    /** A running file: its name, size (-1 unknown), bytes on disk, and what it is doing besides (or null). */
    record FileBar(String name, long size, long done, String status) {
    }

    /**
     * Everything the frame shows.
     *
     * @param files      files in this run's scope (queued before it started or met while it ran)
     * @param started    files that began so far
     * @param finished   files that ended done; {@code failed}: ended failed or left to retry
     * @param bytesTotal every file's size when all are known, else -1
     * @param rate       bytes per second over the last 10 s, or -1 while unknown
     * @param eta        seconds left at that rate, or -1
     */
    record Snapshot(List<FileBar> running, int files, int started, int finished, int failed, long bytesDone,
                    long bytesTotal, double rate, long eta) {
    }

    private ProgressFrame() {
    }

    static List<String> lines(Snapshot s, int width) {
        int cols = Math.max(20, width - 1); // the last column wraps in some terminals
        List<String> lines = new ArrayList<>();
        for (FileBar f : s.running()) {
            lines.add(fileLine(f, cols));
        }
        if (s.finished() > 0 || s.failed() > 0) {
            lines.add(fit(s.finished() + " done" + (s.failed() > 0 ? ", " + s.failed() + " failed or to retry" : "")
                    + ", " + Math.max(0, s.files() - s.finished() - s.failed()) + " to go", cols));
        }
        lines.add(totalLine(s, cols));
        return lines;
    }

    private static String fileLine(FileBar f, int cols) {
        int nameCols = Math.min(Math.max(12, cols * 3 / 10), 40);
        String name = pad(fit(f.name(), nameCols), nameCols);
        String amount = f.size() >= 0 ? Sizes.bytes(f.done()) + "/" + Sizes.bytes(f.size()) : Sizes.bytes(f.done());
        String percent = f.size() > 0 ? String.format(java.util.Locale.ROOT, "%3d%%", percent(f.done(), f.size()))
                : "   ?";
        String status = f.status() == null ? "" : "  " + f.status();
        String fixed = name + " " + percent + " " + amount;
        int room = cols - TextTable.width(fixed) - 3;
        String bar = room >= 10 ? " " + bar(f.done(), f.size(), Math.min(room - (status.isEmpty() ? 0 : room / 2), 30))
                : "";
        return fit(name + bar + " " + percent + " " + amount + status, cols);
    }

    private static String totalLine(Snapshot s, int cols) {
        StringBuilder line = new StringBuilder("total  file " + Math.min(s.started(), s.files()) + "/" + s.files());
        line.append("  ").append(Sizes.bytes(s.bytesDone()));
        if (s.bytesTotal() > 0) {
            line.append(" of ").append(Sizes.bytes(s.bytesTotal())).append(" (")
                    .append(percent(s.bytesDone(), s.bytesTotal())).append("%)");
        }
        line.append("  ").append(s.rate() < 0 ? "-" : Sizes.bytes((long) s.rate()) + "/s").append(" (last 10 s)");
        if (s.eta() >= 0 && s.bytesTotal() > 0) {
            line.append("  ETA ").append(Durations.of(s.eta()));
        }
        return fit(line.toString(), cols);
    }

    private static int percent(long done, long size) {
        return size <= 0 ? 0 : (int) Math.min(100, done * 100 / size);
    }

    /** [=====>    ] of {@code cols} columns; an unknown size shows no fill. */
    static String bar(long done, long size, int cols) {
        int inner = Math.max(1, cols - 2);
        int filled = size > 0 ? (int) Math.min(inner, done * inner / size) : 0;
        String fill = filled == 0 ? "" : "=".repeat(filled - 1) + (filled == inner ? "=" : ">");
        return "[" + fill + " ".repeat(inner - fill.length()) + "]";
    }

    /** The text cut to {@code cols} terminal columns, ending in '…' when it was cut. */
    static String fit(String text, int cols) {
        if (TextTable.width(text) <= cols) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = TextTable.width(new String(Character.toChars(cp)));
            if (used + w > cols - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    private static String pad(String text, int cols) {
        return text + " ".repeat(Math.max(0, cols - TextTable.width(text)));
    }
}
