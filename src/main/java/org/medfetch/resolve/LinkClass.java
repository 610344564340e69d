package org.medfetch.resolve;

import java.util.Locale;

/** What a catalog link is, decided offline from its host and shape. */
public enum LinkClass {
    /** A file (or a page listing files) served over plain HTTP. */
    HTTP,
    /** A repository API that expands the link into files with sizes and checksums. */
    API,
    /** A BitTorrent magnet, .torrent file or tracker. */
    TORRENT,
    /** A source-code repository, fetched as an archive. */
    GIT,
    /** A person must do something first; medfetch prints exact instructions. */
    MANUAL,
    /** The link cannot lead to the data (missing, truncated, dead); medfetch says why. */
    UNAVAILABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkClass ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
