package org.medfetch.resolve.hosts.gdrive;

import okhttp3.HttpUrl;

/**
 * Where asking Drive for a file ends: the file (at {@code url}, directly or through the confirmation
 * form), or a page that wants a sign-in.
 *
 * @param name the file's name when Drive says it (Content-Disposition, or the confirmation page)
 */
record Landing(Kind kind, HttpUrl url, String name) {

    enum Kind { FILE, NEEDS_ACCESS }

    /** {@code filename*=UTF-8''...} (RFC 6266, preferred) or {@code filename="..."} of a Content-Disposition. */
    static String dispositionName(String header) {
        if (header == null) {
            return null;
        }
        var star = java.util.regex.Pattern.compile("filename\\*=(?:UTF-8|utf-8)''([^;]+)").matcher(header);
        if (star.find()) {
            return java.net.URLDecoder.decode(star.group(1).strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var plain = java.util.regex.Pattern.compile("filename=\"([^\"]+)\"").matcher(header);
        return plain.find() ? plain.group(1) : null;
    }
}
