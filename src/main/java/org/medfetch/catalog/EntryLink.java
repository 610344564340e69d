package org.medfetch.catalog;

/**
 * A link of a catalog entry other than its download link: a paper, a project page, a mirror.
 *
 * @param label what the catalog calls it (a column header, "Paper:", the link's text), or null
 * @param url   the link as written
 */
public record EntryLink(String label, String url) {
}
