package org.medfetch.workflow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The first entry of a BibTeX text, as registration agencies write them: {@code @type{key, name = {value},
 * name = "value", name = 1970, ...}}. Field names are lower-cased; braces that only guard case are
 * dropped and white space is collapsed. Enough for the records of content negotiation, not a full
 * BibTeX parser (no @string macros, no concatenation with #).
 */
record BibtexEntry(String type, Map<String, String> fields) {

    /** @throws IllegalArgumentException when the text holds no entry */
    static BibtexEntry read(String text) {
        int at = text.indexOf('@');
        int open = at < 0 ? -1 : text.indexOf('{', at);
        int comma = open < 0 ? -1 : text.indexOf(',', open);
        if (comma < 0) {
            throw new IllegalArgumentException("no BibTeX entry");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int i = comma + 1;
        while (true) {
            i = skipSpace(text, i);
            if (i >= text.length() || text.charAt(i) == '}') {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int start = skipSpace(text, eq + 1);
            int end = valueEnd(text, start);
            String value = text.substring(start, end).strip();
            if (value.startsWith("{") && value.endsWith("}") || value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            fields.put(name, value.replace("{", "").replace("}", "").replaceAll("\\s+", " ").strip());
            i = skipSpace(text, end);
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
        return new BibtexEntry(text.substring(at + 1, open).strip().toLowerCase(Locale.ROOT), fields);
    }

    /** Where a value ends: its closing brace or quote, or the comma or brace after a bare word. */
    private static int valueEnd(String text, int start) {
        if (start >= text.length()) {
            return start;
        }
        char first = text.charAt(start);
        if (first == '{') {
            int depth = 0;
            for (int i = start; i < text.length(); i++) {
                depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
                if (depth == 0) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("a BibTeX value is not closed");
        }
        if (first == '"') {
            int close = text.indexOf('"', start + 1);
            if (close < 0) {
                throw new IllegalArgumentException("a BibTeX value is not closed");
            }
            return close + 1;
        }
        int i = start;
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '}') {
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
