package org.medfetch.resolve.hosts.kaggle;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medfetch.resolve.hosts.HostName;

/**
 * A Kaggle dataset ({@code /datasets/OWNER/NAME[/versions/V]}, or the legacy {@code /OWNER/NAME}) or
 * competition ({@code /c/NAME}, {@code /competitions/NAME}) link; trailing tabs such as {@code /data}
 * are ignored.
 *
 * @param version  the dataset version the link names, or null for the latest
 * @param selected file names picked with {@code ?select=NAME} (as Kaggle's data explorer links do), in order
 */
record KaggleLink(boolean competition, String owner, String slug, String version, List<String> selected) {

    KaggleLink {
        selected = List.copyOf(selected);
    }

    /** First path segments that are Kaggle's own pages, never a user (so never a legacy dataset link). */
    private static final Set<String> RESERVED = Set.of("c", "competitions", "code", "datasets", "models",
            "discussions", "discussion", "learn", "docs", "account", "kernels", "notebooks", "search", "settings",
            "organizations", "rankings", "static", "api", "contact", "terms", "privacy", "work", "me", "progression",
            "benchmarks", "host", "groups", "t", "k", "u", "about");

    static KaggleLink parse(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() >= 2 && !RESERVED.contains(s.get(0).toLowerCase(Locale.ROOT))) {
            return new KaggleLink(false, s.get(0), s.get(1), null, selected(link));
        }
        if (s.size() >= 3 && s.get(0).equals("datasets")) {
            int v = s.indexOf("versions");
            String version = v == 3 && v + 1 < s.size() && s.get(v + 1).matches("\\d+") ? s.get(v + 1) : null;
            return new KaggleLink(false, s.get(1), s.get(2), version, selected(link));
        }
        if (s.size() >= 2 && (s.get(0).equals("c") || s.get(0).equals("competitions"))) {
            return new KaggleLink(true, null, s.get(1), null, selected(link));
        }
        return null;
    }

    /** OWNER/NAME for datasets, NAME for competitions. */
    String ref() {
        return competition ? slug : owner + "/" + slug;
    }

    String page() {
        return competition ? "https://www.kaggle.com/competitions/" + slug
                : "https://www.kaggle.com/datasets/" + owner + "/" + slug;
    }

    private static List<String> selected(URI link) {
        List<String> names = new ArrayList<>();
        String query = link.getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("select=") && pair.length() > "select=".length()) {
                names.add(URLDecoder.decode(pair.substring("select=".length()), StandardCharsets.UTF_8));
            }
        }
        return names;
    }
}
