package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What counts as a link to a dataset, and bare URLs in running text. */
final class Urls {

    /** A bare link in text: where it was written and the URL it stands for; an image's address is no link to follow. */
    record Bare(int start, int end, String written, String url, boolean image) {
    }

    private static final Pattern PICTURE = Pattern.compile("(?i).*\\.(?:png|jpe?g|gif|svg|webp|bmp)(?:[?#].*)?");

    /**
     * http(s)/ftp URLs, cloud buckets (s3://, gs://), magnets and www. addresses, up to white space,
     * quotes, angle brackets or CJK punctuation (a Chinese list writes "https://a.org，下一个").
     */
    private static final Pattern BARE = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp|s3|gs)://|\\bmagnet:\\?|(?<![\\w./@-])www\\.(?=[a-z0-9-]+\\.))"
                    + "[^\\s<>\"'`\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]+");
    private static final List<String> SCHEMES = List.of("https://", "http://", "ftp://", "s3://", "gs://");
    private static final String TRAILING = ".,;:!?*_~'\"";
    /** "structseg2019.grand-challenge.org": a web address written without http://, not a file of the list. */
    private static final Pattern SCHEMELESS = Pattern.compile(
            "(?i)(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.([a-z]{2,6})(?:[:/?#]\\S*)?");
    private static final List<String> FILE_TYPES = List.of("md", "markdown", "html", "htm", "txt", "pdf", "png", "jpg",
            "jpeg", "gif", "svg", "csv", "tsv", "json", "jsonl", "zip", "gz", "yml", "yaml", "py", "ipynb", "rst");

    private Urls() {
    }

    /** Absolute http(s), ftp, s3 or gs URLs with a host, and magnets: not anchors, relative paths or mail. */
    static boolean usable(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip();
        if (u.regionMatches(true, 0, "magnet:?", 0, "magnet:?".length())) {
            return u.length() > "magnet:?".length();
        }
        for (String scheme : SCHEMES) {
            if (u.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return u.length() > scheme.length() && "/?#".indexOf(u.charAt(scheme.length())) < 0;
            }
        }
        return false;
    }

    /** A web address without its scheme ({@code example.org/data}), which browsers treat as a relative path. */
    static boolean schemeless(String url) {
        if (url == null || usable(url)) {
            return false;
        }
        Matcher m = SCHEMELESS.matcher(url.strip());
        return m.matches() && !FILE_TYPES.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** A link destination as medfetch keeps it: trimmed, angle brackets dropped. */
    static String clean(String url) {
        String u = url.strip();
        if (u.startsWith("<") && u.endsWith(">")) {
            u = u.substring(1, u.length() - 1).strip();
        }
        return u;
    }

    static List<Bare> bare(String text) {
        List<Bare> found = new ArrayList<>();
        if (text.indexOf(':') < 0 && text.indexOf("www.") < 0 && text.indexOf("WWW.") < 0) {
            return found;
        }
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            String written = trimEnd(m.group());
            if (written.length() <= "www.".length() || written.endsWith("://")) {
                continue;
            }
            String url = written.regionMatches(true, 0, "www.", 0, 4) ? "http://" + written : written;
            found.add(new Bare(m.start(), m.start() + written.length(), written, url, PICTURE.matcher(url).matches()));
        }
        return found;
    }

    /** Drops what ends a sentence rather than the URL: a full stop, a comma, an unbalanced bracket. */
    private static String trimEnd(String url) {
        String u = url;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            if (TRAILING.indexOf(last) >= 0) {
                u = u.substring(0, u.length() - 1);
            } else if (last == ')' && count(u, '(') < count(u, ')')
                    || last == ']' && count(u, '[') < count(u, ']')) {
                u = u.substring(0, u.length() - 1);
            } else {
                break;
            }
        }
        return u;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
