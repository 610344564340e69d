package org.medfetch.catalog;

import java.util.List;

/**
 * One dataset of a catalog, as written (after certain repairs, which are reported as problems).
 *
 * @param id      stable slug of the name (see {@link DatasetIds}); unique within the catalog
 * @param section path of the headings the entry sits under ({@code Brain / MRI}), or null before any
 * @param link    the entry's data link as written, or null when it has none
 * @param line    1-based line of the entry in the catalog file
 * @param links   the entry's other links (a paper, a project page, a mirror), in the catalog's order
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
        int line,
        List<EntryLink> links) {

    public CatalogEntry {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An entry with no other links. */
    public CatalogEntry(String id, String name, String section, String task, String part, String format,
                        String count, String link, int line) {
        this(id, name, section, task, part, format, count, link, line, List.of());
    }

    public boolean hasLink() {
        return link != null;
    }

    /** Whether the entry sits under a heading called {@code part} at any depth, ignoring case. */
    public boolean inSection(String part) {
        if (section == null) {
            return false;
        }
        for (String title : section.split(" / ")) {
            if (title.strip().equalsIgnoreCase(part.strip())) {
                return true;
            }
        }
        return section.equalsIgnoreCase(part.strip());
    }
}
