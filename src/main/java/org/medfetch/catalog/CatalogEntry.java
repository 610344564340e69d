package org.medfetch.catalog;

/**
 * One dataset row of a catalog, as written (after certain repairs, which are reported as problems).
 *
 * @param id      stable slug of the name (see {@link DatasetIds}); unique within the catalog
 * @param section heading the row sits under (CT, MRI, ...), or null before any heading
 * @param link    the download link as written, or null when the row has none
 * @param line    1-based line of the row in the catalog file
 */
public record CatalogEntry(
        String id,
        String name,
        String section,
        String task,
        String part,
        String format,
        String count,
        String link,
        int line) {

    public boolean hasLink() {
        return link != null;
    }
}
