package org.medfetch.engine.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of a 206 answer: which bytes the body holds and how large the whole file
 * is. Reference: RFC 9110 section 14.4 ({@code bytes first-last/complete-length}, {@code *} for an
 * unknown length).
 *
 * @param total the file's size, or -1 when the server wrote {@code *}
 */
record ContentRange(long first, long last, long total) {

    private static final Pattern SATISFIED = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)", Pattern.CASE_INSENSITIVE);

    /** The range of a 206, or null when the header is missing or malformed (first after last, last past the end). */
    static ContentRange parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = SATISFIED.matcher(header.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            if (first > last || (total >= 0 && last >= total)) {
                return null;
            }
            return new ContentRange(first, last, total);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** The size a 416 answer names ({@code bytes * /size}), or -1. */
    static long unsatisfiedTotal(String header) {
        Matcher m = header == null ? null : UNSATISFIED.matcher(header.strip());
        try {
            return m != null && m.matches() ? Long.parseLong(m.group(1)) : -1;
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    long length() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return "bytes " + first + "-" + last + "/" + (total < 0 ? "*" : Long.toString(total));
    }
}
