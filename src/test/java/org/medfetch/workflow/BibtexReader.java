package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads back what cite writes, independently of medfetch's own BibTeX reading: each line starting with
 * '@' opens an entry, each field's value is taken to its matching brace.
 */
public final class BibtexReader {

    private BibtexReader() {
    }

    /** A small BibTeX reader: entries by key, each field's value with its outer braces removed. */
    public static Map<String, Map<String, String>> entries(String text) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        int i = 0;
        while ((i = text.indexOf('@', i)) >= 0) {
            if (i > 0 && text.charAt(i - 1) != '\n') {
                i++;
                continue;
            }
            int open = text.indexOf('{', i);
            int comma = text.indexOf(',', open);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("@type", text.substring(i + 1, open));
            int p = comma + 1;
            while (true) {
                while (Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                if (text.charAt(p) == '}') {
                    break;
                }
                int eq = text.indexOf('=', p);
                String name = text.substring(p, eq).strip();
                int start = text.indexOf('{', eq);
                int depth = 0;
                int end = start;
                do {
                    char c = text.charAt(end);
                    if (c == '\\') {
                        end += 2;
                        continue;
                    }
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    end++;
                } while (depth > 0);
                fields.put(name, text.substring(start + 1, end - 1));
                p = end;
                while (Character.isWhitespace(text.charAt(p))) {
                    p++;
                }
                if (text.charAt(p) == ',') {
                    p++;
                }
            }
            assertTrue(entries.put(text.substring(open + 1, comma), fields) == null, "keys are unique");
            i = p;
        }
        return entries;
    }
}
