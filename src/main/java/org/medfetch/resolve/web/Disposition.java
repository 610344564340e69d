package org.medfetch.resolve.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a server gives in {@code Content-Disposition}, for resolvers that name a file before it
 * is downloaded (Drive, Nextcloud and Seafile shares).
 *
 * <p>Reference: RFC 6266 section 4.3 ({@code filename*} preferred over {@code filename}).
 */
public final class Disposition {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*=(?:UTF-8|utf-8)''([^;]+)");
    private static final Pattern PLAIN = Pattern.compile("filename=\"([^\"]+)\"");

    private Disposition() {
    }

    /** {@code filename*=UTF-8''...} or {@code filename="..."}, or null. */
    public static String fileName(String header) {
        if (header == null) {
            return null;
        }
        Matcher star = EXTENDED.matcher(header);
        if (star.find()) {
            return URLDecoder.decode(star.group(1).strip(), StandardCharsets.UTF_8);
        }
        Matcher plain = PLAIN.matcher(header);
        return plain.find() ? plain.group(1) : null;
    }
}
