package org.medfetch.resolve.web;

import java.util.Locale;

/** What a link leads to, as far as a probe can tell without downloading it. */
public enum LinkKind {
    /** An HTML page: a person reads it. */
    PAGE,
    /** Anything else, or an attachment: the file itself. */
    FILE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkKind ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
