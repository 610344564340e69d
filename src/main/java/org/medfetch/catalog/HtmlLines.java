package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTML (an HTML block, a cell of an HTML table) as {@link Line}s: anchors, bold tags and text, and the
 * Markdown links people write inside HTML anyway. Comments are dropped with what they hide.
 */
final class HtmlLines {

    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(?:-->|$)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?s)<[a-zA-Z/][^<>]*>|(!?)\\[([^\\[\\]]*)\\]\\(\\s*<?([^()\\s<>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private HtmlLines() {
    }

    /** Each line of an HTML block; {@code first} is the original number of its first line. */
    static List<Line> of(String html, int first, List<Integer> numbers) {
        String text = withoutComments(html);
        String[] parts = text.split("\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i < numbers.size() ? numbers.get(i) : first + i;
            lines.add(line(parts[i], number));
        }
        return lines;
    }

    /** One piece of HTML (a line, a cell) as a single line. */
    static Line line(String html, int number) {
        LineBuilder builder = new LineBuilder(number);
        String s = withoutComments(html).replace('\n', ' ');
        Matcher m = TOKEN.matcher(s);
        int at = 0;
        while (m.find()) {
            builder.text(Entities.decode(s.substring(at, m.start())), false);
            if (m.group(3) != null) {
                builder.link(Entities.decode(m.group(3)), Entities.decode(m.group(2)), !m.group(1).isEmpty());
            } else {
                builder.tag(m.group());
            }
            at = m.end();
        }
        builder.text(Entities.decode(s.substring(at)), false);
        List<Line> lines = builder.finish();
        return lines.isEmpty() ? new Line(number, List.of()) : lines.get(0);
    }

    /** Comments replaced by as many line breaks as they spanned, so line numbers stay right. */
    static String withoutComments(String html) {
        if (!html.contains("<!--")) {
            return html;
        }
        Matcher m = COMMENT.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
