package org.medfetch.catalog;

import java.util.regex.Pattern;

/** Dataset names and section titles taken from running text, tidied the way a person would write them. */
final class Names {

    /** "[X-ray] ", "1.2 ", "3) ", "一、": tags and numbering in front of a name or title. */
    private static final Pattern LEAD = Pattern.compile(
            "^(?:\\s*\\[[^\\]]{0,30}\\]\\s*|\\s*\\d{1,3}(?:\\.\\d{1,3})+\\.?\\s+|\\s*\\d{1,3}[.)、]\\s*"
                    + "|\\s*[一二三四五六七八九十]{1,3}[、.]\\s*)+");
    /** Where a name ends and its description starts: "DRIVE: Digital Retinal...", "DermNet - Skin atlas". */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?::\\s|：|\\s[-–—|]\\s|[.。]\\s+(?=\\p{Lu}))");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s(（\\[,，;；:：]+$");
    private static final Pattern OPENING = Pattern.compile("^[\\s:：\\-–—|*•·]+");

    /** Longer texts before a link hold a description after the name. */
    private static final int SHORT_NAME = 60;

    private Names() {
    }

    static String collapse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000';
            if (space && (c != ' ' || i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)))) {
                return SPACES.matcher(text).replaceAll(" ").strip();
            }
        }
        return text.strip();
    }

    /** A section title: numbering and decoration (emoji, arrows) around it dropped. */
    static String title(String text) {
        return trimSymbols(LEAD.matcher(trimSymbols(collapse(text))).replaceFirst(""));
    }

    /**
     * A name written in running text before or after a link. A long text is a name and its description
     * ("DermNet - Skin disease atlas (23 image classes...)"): the name ends at the first separator; a short
     * one is a name as it stands ("DDSM: Digital Database for Screening Mammography").
     */
    static String fromText(String text) {
        String t = trimSymbols(LEAD.matcher(collapse(text)).replaceFirst(""));
        var m = SEPARATOR.matcher(t);
        if (t.length() > SHORT_NAME && m.find() && m.start() > 0) {
            t = t.substring(0, m.start());
        }
        return trimSymbols(TRAILING.matcher(t).replaceAll(""));
    }

    /** Text without the punctuation or list marks that open it (": the rest", "- item"). */
    static String withoutOpening(String text) {
        return OPENING.matcher(text).replaceFirst("");
    }

    /** Drops leading and trailing characters that are neither letters, digits nor brackets. */
    static String trimSymbols(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !keeps(text.codePointAt(start), true)) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && !keeps(text.codePointBefore(end), false)) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end).strip();
    }

    private static boolean keeps(int cp, boolean leading) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        return (leading ? "([\"'“‘《「【" : ")\"'”’》」】+").indexOf(cp) >= 0;
    }
}
