package org.medfetch.resolve.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** The links to archives on an HTML page, resolved against the page's URL, in page order, once each. */
public final class PageLinks {

    public static final List<String> ARCHIVES = List.of(".zip", ".tar", ".tar.gz", ".tgz", ".7z", ".rar", ".npz");
    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

    private PageLinks() {
    }

    public static List<URI> archives(String html, HttpUrl page) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            HttpUrl url = page.resolve(raw.strip().replace("&amp;", "&"));
            if (url != null && isArchive(url)) {
                found.add(url.newBuilder().fragment(null).build().uri());
            }
        }
        return List.copyOf(found);
    }

    private static boolean isArchive(HttpUrl url) {
        String path = url.encodedPath().toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(path::endsWith);
    }
}
