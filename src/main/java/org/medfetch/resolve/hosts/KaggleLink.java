package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;

/**
 * A Kaggle dataset ({@code /datasets/OWNER/NAME}) or competition ({@code /c/NAME},
 * {@code /competitions/NAME}) link; trailing tabs such as {@code /data} are ignored.
 */
record KaggleLink(boolean competition, String owner, String slug) {

    static KaggleLink parse(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() >= 3 && s.get(0).equals("datasets")) {
            return new KaggleLink(false, s.get(1), s.get(2));
        }
        if (s.size() >= 2 && (s.get(0).equals("c") || s.get(0).equals("competitions"))) {
            return new KaggleLink(true, null, s.get(1));
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
}
