package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns raw rows into entries: repairs what is certain, reports every problem, assigns ids. */
final class EntryBuilder {

    private final List<RawRow> rows;
    private final List<CatalogProblem> problems;
    private final ShiftedRows shifted;
    private final DatasetIds ids = new DatasetIds();

    EntryBuilder(List<RawRow> rows, List<CatalogProblem> problems) {
        this.rows = rows;
        this.problems = problems;
        this.shifted = new ShiftedRows(rows);
    }

    List<CatalogEntry> build() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (RawRow raw : rows) {
            RawRow row = checkShape(raw);
            String name = row.cell(ColumnRole.NAME);
            if (name == null || name.isBlank()) {
                problems.add(new CatalogProblem(row.line(), null, CatalogProblem.Kind.MALFORMED_ROW,
                        "the row has no dataset name", "fill in the name cell or delete the row", false));
                continue;
            }
            String id = row.id() != null ? ids.keep(row.id(), name, row.section(), row.line())
                    : ids.assign(name, row.section(), row.line());
            CatalogEntry entry = new CatalogEntry(id, name,
                    row.section(), blankToNull(row.cell(ColumnRole.TASK)), blankToNull(row.cell(ColumnRole.PART)),
                    blankToNull(row.cell(ColumnRole.FORMAT)), blankToNull(row.cell(ColumnRole.COUNT)), row.link(),
                    row.line(), row.alternatives());
            entries.add(entry);
            checkLink(entry, row);
        }
        problems.replaceAll(p -> p.datasetId() != null ? p : withId(p, entries));
        reportDuplicates(entries);
        reportSharedLinks(entries);
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return entries;
    }

    private RawRow checkShape(RawRow row) {
        if (row.rawCellCount() != row.roles().size()) {
            problems.add(new CatalogProblem(row.line(), null, CatalogProblem.Kind.MALFORMED_ROW,
                    "the row has " + row.rawCellCount() + " cells, its header has " + row.roles().size(),
                    "give the row exactly one cell per column", false));
        }
        if (!shifted.looksShifted(row)) {
            return row;
        }
        Optional<RawRow> repaired = shifted.repair(row);
        String name = row.cell(ColumnRole.NAME);
        if (repaired.isEmpty()) {
            problems.add(new CatalogProblem(row.line(), null, CatalogProblem.Kind.SHIFTED_ROW,
                    "the cells of '" + name + "' seem to sit one column off",
                    "check each cell against its column header", false));
            return row;
        }
        RawRow fixed = repaired.get();
        problems.add(new CatalogProblem(row.line(), null, CatalogProblem.Kind.SHIFTED_ROW,
                "the cells are shifted one column left: '" + name + "' holds the name and the next value",
                "write the row as " + asMarkdown(fixed) + "; medfetch read it that way", true));
        return fixed;
    }

    private void checkLink(CatalogEntry entry, RawRow row) {
        if (entry.hasLink()) {
            return;
        }
        if (row.linkCellText() == null) {
            problems.add(new CatalogProblem(entry.line(), entry.id(), CatalogProblem.Kind.MISSING_LINK,
                    "the catalog gives no link for it", "find the dataset's official page and add its link", false));
            return;
        }
        String text = row.linkCellText().strip();
        if (Urls.schemeless(text)) {
            problems.add(new CatalogProblem(entry.line(), entry.id(), CatalogProblem.Kind.MALFORMED_LINK,
                    "the link '" + text + "' has no http:// or https://, so it leads nowhere",
                    "write it as https://" + text, false));
        } else if (text.isEmpty() || text.matches("[-–—]+")) {
            problems.add(new CatalogProblem(entry.line(), entry.id(), CatalogProblem.Kind.MISSING_LINK,
                    "no download link (the cell is '" + text + "')",
                    "find the dataset's official page and add its link", false));
        } else {
            problems.add(new CatalogProblem(entry.line(), entry.id(), CatalogProblem.Kind.MALFORMED_LINK,
                    "the link cell has no URL: '" + text + "'", "write the link as [link](https://...)", false));
        }
    }

    private void reportDuplicates(List<CatalogEntry> entries) {
        Map<String, List<CatalogEntry>> byName = entries.stream()
                .collect(Collectors.groupingBy(e -> DatasetIds.slug(e.name()), LinkedHashMap::new, Collectors.toList()));
        for (List<CatalogEntry> same : byName.values()) {
            for (int i = 1; i < same.size(); i++) {
                CatalogEntry first = same.get(0);
                CatalogEntry again = same.get(i);
                String links = sameLink(first, again) ? ", with the same link" : ", with a different link";
                problems.add(new CatalogProblem(again.line(), again.id(), CatalogProblem.Kind.DUPLICATE_DATASET,
                        "'" + again.name() + "' is listed in " + again.section() + " and already in "
                                + first.section() + " (line " + first.line() + ")" + links,
                        "keep one row if they are the same dataset; meanwhile ids '" + first.id() + "' and '"
                                + again.id() + "' tell them apart", false));
            }
        }
    }

    private void reportSharedLinks(List<CatalogEntry> entries) {
        Map<String, List<CatalogEntry>> byLink = entries.stream().filter(CatalogEntry::hasLink)
                .collect(Collectors.groupingBy(CatalogEntry::link, LinkedHashMap::new, Collectors.toList()));
        for (List<CatalogEntry> sharing : byLink.values()) {
            List<String> names = sharing.stream().map(CatalogEntry::name).distinct().toList();
            if (names.size() > 1) {
                CatalogEntry first = sharing.get(0);
                problems.add(new CatalogProblem(first.line(), first.id(), CatalogProblem.Kind.SHARED_LINK,
                        names.size() + " different datasets share the link " + first.link() + ": "
                                + String.join(", ", names),
                        "give each dataset the link of its own files", false));
            }
        }
    }

    private static boolean sameLink(CatalogEntry a, CatalogEntry b) {
        return a.link() != null && a.link().equals(b.link());
    }

    private static CatalogProblem withId(CatalogProblem p, List<CatalogEntry> entries) {
        return entries.stream().filter(e -> e.line() == p.line()).findFirst()
                .map(e -> new CatalogProblem(p.line(), e.id(), p.kind(), p.message(), p.suggestion(), p.repaired()))
                .orElse(p);
    }

    private static String asMarkdown(RawRow row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            boolean link = row.roles().get(i) == ColumnRole.LINK && row.link() != null;
            cells.add(link ? "[link](" + row.link() + ")" : row.cells().get(i));
        }
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
