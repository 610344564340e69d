package org.medfetch.catalog;

/**
 * A link as it appears in a line of a catalog.
 *
 * @param url   the destination as written (a bare {@code www.} address gets {@code http://})
 * @param text  the visible text (the URL itself for a bare link; an image's alt text for an image link)
 * @param image true when the link shows only an image (a badge, an icon)
 */
record FoundLink(String url, String text, boolean image) {

    /** Absolute links to something that can be fetched: not in-page anchors, not relative paths. */
    boolean usable() {
        return Urls.usable(url);
    }

    /** A usable link that shows text, not only an image. */
    boolean textual() {
        return !image && usable();
    }
}
