package org.medfetch.catalog;

import java.util.List;
import java.util.Locale;

/** The formats a catalog may be written in, told apart by the file's extension or else its first line. */
enum CatalogFormat {
    MARKDOWN, CSV, TSV, JSON_LINES;

    static CatalogFormat of(String origin, String text) {
        String name = origin.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (first.startsWith("{")) {
            return JSON_LINES;
        }
        if ("|#-*<[>".indexOf(first.isEmpty() ? '|' : first.charAt(0)) >= 0) {
            return MARKDOWN;
        }
        if (first.indexOf('\t') >= 0 && namesColumns(first, '\t')) {
            return TSV;
        }
        return first.indexOf(',') >= 0 && namesColumns(first, ',') ? CSV : MARKDOWN;
    }

    /** A header line naming at least a name column and a link column, in words, not in a sentence. */
    private static boolean namesColumns(String header, char separator) {
        List<DelimitedRecords.Record> records = DelimitedRecords.read(header, separator);
        if (records.isEmpty() || records.get(0).fields().stream().anyMatch(f -> f.strip().split("\\s+").length > 4)) {
            return false;
        }
        List<ColumnRole> roles = records.get(0).fields().stream().map(ColumnRole::of).toList();
        return roles.contains(ColumnRole.NAME) && roles.contains(ColumnRole.LINK);
    }
}
