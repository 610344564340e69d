package org.medfetch.catalog;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Dataset ids: NFKC-normalised, lower-case slugs of names in which every run of characters that are
 * neither letters nor digits becomes one '-' (Unicode letters are kept, so 天池肺结节比赛 stays readable).
 */
public final class DatasetIds {

    private final Set<String> taken = new HashSet<>();

    public static String slug(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean dash = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.appendCodePoint(cp);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /**
     * A new unique id for a name: its slug, or for a name seen before, the slug with its section's slug
     * appended (then a counter, should even that be taken).
     */
    String assign(String name, String section, int line) {
        String base = slug(name);
        if (base.isEmpty()) {
            base = "dataset-" + line;
        }
        String id = base;
        if (taken.contains(id) && section != null && !slug(section).isEmpty()) {
            id = base + "-" + slug(section);
        }
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    /**
     * The id a catalog gives an entry (JSON Lines written by {@code catalog --json}), when it is a slug
     * not taken yet; otherwise a new id as {@link #assign} makes it.
     */
    String keep(String id, String name, String section, int line) {
        String given = id.strip();
        if (!given.isEmpty() && slug(given).equals(given) && !taken.contains(given)) {
            taken.add(given);
            return given;
        }
        return assign(name, section, line);
    }
}
