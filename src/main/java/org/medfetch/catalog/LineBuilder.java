package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects text and links into {@link Line}s. Both readers feed it: commonmark's inline nodes and raw
 * HTML. HTML anchors ({@code <a href>...</a>}) become links with the text between the tags, bold
 * ({@code <b>}, {@code <strong>}, {@code <u>}) marks text strong, and bare URLs in text become links.
 */
final class LineBuilder {

    /** Patterns for HTML tags, compiled when a catalog first holds one. */
    private static final class Tags {
        static final Pattern HREF = Pattern.compile("(?is)\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
        static final Pattern ALT = Pattern.compile("(?is)\\balt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    }

    private final List<Line> lines = new ArrayList<>();
    private List<Line.Piece> pieces = new ArrayList<>();
    private int lineNumber;
    private int htmlStrong;
    private String anchorUrl;
    private StringBuilder anchorText;
    private String anchorAlt;

    LineBuilder(int firstLine) {
        this.lineNumber = firstLine;
    }

    void text(String text, boolean strong) {
        if (text.isEmpty()) {
            return;
        }
        if (anchorUrl != null) {
            anchorText.append(text);
            return;
        }
        boolean bold = strong || htmlStrong > 0;
        int at = 0;
        for (Urls.Bare bare : Urls.bare(text)) {
            if (bare.start() > at) {
                pieces.add(new Line.Piece(text.substring(at, bare.start()), null, bold));
            }
            pieces.add(new Line.Piece(bare.written(), new FoundLink(bare.url(), bare.written(), bare.image()), bold));
            at = bare.end();
        }
        if (at < text.length()) {
            pieces.add(new Line.Piece(text.substring(at), null, bold));
        }
    }

    /** A Markdown link or image link; inside an open HTML anchor only its text counts. */
    void link(String url, String text, boolean image) {
        if (anchorUrl != null) {
            if (image) {
                anchorAlt = text;
            } else {
                anchorText.append(text);
            }
            return;
        }
        pieces.add(new Line.Piece(text, new FoundLink(Urls.clean(url), text.strip(), image), htmlStrong > 0));
    }

    /** An image outside a link: nothing to read, but inside an anchor it makes the anchor an image link. */
    void image(String alt) {
        if (anchorUrl != null) {
            anchorAlt = alt;
        }
    }

    /** One HTML tag, as written. */
    void tag(String raw) {
        int i = skipSpaces(raw, 1);
        boolean closing = i < raw.length() && raw.charAt(i) == '/';
        int start = skipSpaces(raw, closing ? i + 1 : i);
        int end = start;
        while (end < raw.length() && Character.isLetterOrDigit(raw.charAt(end))) {
            end++;
        }
        if (end == start) {
            return;
        }
        switch (raw.substring(start, end).toLowerCase(Locale.ROOT)) {
            case "a" -> {
                if (closing) {
                    closeAnchor();
                } else {
                    closeAnchor();
                    Matcher href = Tags.HREF.matcher(raw);
                    if (href.find()) {
                        anchorUrl = Entities.decode(first(href));
                        anchorText = new StringBuilder();
                        anchorAlt = null;
                    }
                }
            }
            case "b", "strong", "u" -> htmlStrong = Math.max(0, htmlStrong + (closing ? -1 : 1));
            case "br", "p", "div", "td", "th", "li" -> text(" ", false);
            case "img" -> {
                Matcher alt = Tags.ALT.matcher(raw);
                image(alt.find() ? first(alt) : "");
            }
            default -> { }
        }
    }

    void newLine(int nextLineNumber) {
        closeAnchor();
        lines.add(new Line(lineNumber, pieces));
        pieces = new ArrayList<>();
        lineNumber = nextLineNumber;
    }

    List<Line> finish() {
        closeAnchor();
        if (!pieces.isEmpty()) {
            lines.add(new Line(lineNumber, pieces));
            pieces = new ArrayList<>();
        }
        return lines;
    }

    private void closeAnchor() {
        if (anchorUrl == null) {
            return;
        }
        String text = Names.collapse(anchorText.toString());
        boolean image = text.isEmpty() && anchorAlt != null;
        pieces.add(new Line.Piece(text, new FoundLink(Urls.clean(anchorUrl), image ? anchorAlt.strip() : text, image),
                htmlStrong > 0));
        anchorUrl = null;
        anchorText = null;
        anchorAlt = null;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String first(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }
}
