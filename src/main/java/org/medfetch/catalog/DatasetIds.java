package org.medfetch.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Dataset ids: NFKC-normalised, lower-case slugs of names in which every run of characters that are
 * neither letters nor digits becomes one '-' (Unicode letters are kept, so 天池肺结节比赛 stays readable),
 * at most {@value #MAX_ID} characters long.
 */
public final class DatasetIds {

    /**
     * The longest id, in characters: an id is a folder name, and 80 characters of three UTF-8 bytes each
     * stay below the 255 bytes file systems allow. Ids are also kept to 240 bytes.
     */
    public static final int MAX_ID = 80;
    private static final int MAX_ID_BYTES = 240;
    /** The longest name, in characters: names are shown in tables and messages. */
    public static final int MAX_NAME = 200;

    private final Set<String> taken = new HashSet<>();

    /**
     * An id no longer than {@link #MAX_ID} characters (and 240 UTF-8 bytes): a longer one is cut and
     * ends in '-' and 8 hex digits of the SHA-256 of all of it, so that ids cut alike stay distinct.
     */
    public static String bounded(String id) {
        if (id.codePointCount(0, id.length()) <= MAX_ID && id.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
            return id;
        }
        String suffix = "-" + HexFormat.of().formatHex(sha256(id), 0, 4);
        return cut(id, MAX_ID - suffix.length(), MAX_ID_BYTES - suffix.length()).replaceAll("-+$", "") + suffix;
    }

    /** A name no longer than {@link #MAX_NAME} characters: a longer one is cut and ends in "...". */
    public static String boundedName(String name) {
        if (name == null || name.codePointCount(0, name.length()) <= MAX_NAME) {
            return name;
        }
        return cut(name, MAX_NAME - 3, Integer.MAX_VALUE) + "...";
    }

    /** The longest start of the text within both limits, never splitting a character. */
    private static String cut(String text, int maxChars, int maxBytes) {
        int end = 0;
        int chars = 0;
        int bytes = 0;
        while (end < text.length() && chars < maxChars) {
            int cp = text.codePointAt(end);
            bytes += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                break;
            }
            end += Character.charCount(cp);
            chars++;
        }
        return text.substring(0, end);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

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
        String id = bounded(base);
        if (taken.contains(id) && section != null && !slug(section).isEmpty()) {
            id = bounded(base + "-" + slug(section));
        }
        for (int n = 2; taken.contains(id); n++) {
            id = bounded(base + "-" + n);
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
