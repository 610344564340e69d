package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The datasets of one catalog file plus what was wrong with it.
 *
 * @param origin "bundled" or the path the catalog was read from
 * @param sha256 hex SHA-256 of the catalog's bytes
 */
public record Catalog(String origin, String sha256, List<CatalogEntry> entries, List<CatalogProblem> problems) {

    public Catalog {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** Lines that hold a link but gave no entry. */
    public long skippedLines() {
        return problems.stream().filter(p -> p.kind() == CatalogProblem.Kind.SKIPPED_LINE).count();
    }

    /** One line on what was read: "96 datasets read from bundled; 2 lines with links skipped". */
    public String coverage() {
        long skipped = skippedLines();
        return entries.size() + (entries.size() == 1 ? " dataset" : " datasets") + " read from " + origin
                + (skipped == 0 ? "" : "; " + skipped + (skipped == 1 ? " line" : " lines")
                + " with links skipped ('medfetch lint' lists them)");
    }

    public List<String> sections() {
        return entries.stream().map(CatalogEntry::section).filter(s -> s != null).distinct().toList();
    }

    /**
     * Finds one dataset: an exact id, else an exact name (ignoring case), else a unique prefix of ids
     * or names. Anything else is reported with the closest candidates.
     */
    public Lookup lookup(String query) {
        String q = query.strip();
        for (CatalogEntry e : entries) {
            if (e.id().equals(q)) {
                return new Lookup.Found(e);
            }
        }
        List<CatalogEntry> byName = entries.stream().filter(e -> e.name().equalsIgnoreCase(q)).toList();
        if (byName.size() == 1) {
            return new Lookup.Found(byName.get(0));
        }
        String lower = q.toLowerCase(Locale.ROOT);
        String slug = DatasetIds.slug(q);
        List<CatalogEntry> prefixed = byName.size() > 1 ? byName : entries.stream()
                .filter(e -> e.name().toLowerCase(Locale.ROOT).startsWith(lower)
                        || (!slug.isEmpty() && e.id().startsWith(slug)))
                .toList();
        if (prefixed.size() == 1) {
            return new Lookup.Found(prefixed.get(0));
        }
        if (prefixed.size() > 1) {
            return new Lookup.Ambiguous(q, names(prefixed));
        }
        return new Lookup.NotFound(q, closest(lower, 5));
    }

    private static List<String> names(List<CatalogEntry> list) {
        return list.stream().map(CatalogEntry::id).toList();
    }

    /** Ids whose id or name is nearest to the query by edit distance (substring matches first). */
    private List<String> closest(String query, int limit) {
        List<CatalogEntry> ranked = new ArrayList<>(entries);
        ranked.sort(Comparator.comparingInt(e -> distance(query, e)));
        return names(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private static int distance(String query, CatalogEntry e) {
        String name = e.name().toLowerCase(Locale.ROOT);
        if (name.contains(query) || e.id().contains(query)) {
            return 0;
        }
        return Math.min(Levenshtein.distance(query, name), Levenshtein.distance(query, e.id()));
    }
}
