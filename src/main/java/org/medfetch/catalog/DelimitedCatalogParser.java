package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV and TSV catalogs: a header row naming the columns with the words a Markdown table uses
 * (name, link, task, part, format, count, and a section column), one dataset per row. Pure.
 */
final class DelimitedCatalogParser {

    private final char separator;

    DelimitedCatalogParser(char separator) {
        this.separator = separator;
    }

    Catalog parse(CatalogText catalog) {
        List<DelimitedRecords.Record> records = DelimitedRecords.read(catalog.text(), separator);
        List<CatalogProblem> problems = new ArrayList<>();
        List<RawRow> rows = new ArrayList<>();
        if (!records.isEmpty()) {
            DelimitedRecords.Record header = records.get(0);
            List<ColumnRole> roles = roles(header.fields());
            if (!roles.contains(ColumnRole.NAME) || !roles.contains(ColumnRole.LINK)) {
                problems.add(new CatalogProblem(header.line(), null, CatalogProblem.Kind.MALFORMED_ROW,
                        "the header names no name column and link column: " + String.join(", ", header.fields()),
                        "name the columns, e.g. name" + separator + "link", false));
            } else {
                for (DelimitedRecords.Record record : records.subList(1, records.size())) {
                    rows.add(row(record, roles, header.fields()));
                }
            }
        }
        return CatalogForms.finish(catalog, rows, problems);
    }

    /** The role of each column; of several link columns the one whose header promises data most. */
    private static List<ColumnRole> roles(List<String> headers) {
        List<ColumnRole> roles = new ArrayList<>();
        int link = -1;
        for (int i = 0; i < headers.size(); i++) {
            ColumnRole role = ColumnRole.of(headers.get(i));
            if (role == ColumnRole.LINK && (link < 0
                    || Vocabulary.rank(headers.get(i)).compareTo(Vocabulary.rank(headers.get(link))) < 0)) {
                if (link >= 0) {
                    roles.set(link, null);
                }
                link = i;
                roles.add(role);
            } else {
                roles.add(role == null || role == ColumnRole.LINK || roles.contains(role) || role == ColumnRole.LICENSE
                        ? null : role);
            }
        }
        return roles;
    }

    private static RawRow row(DelimitedRecords.Record record, List<ColumnRole> roles, List<String> headers) {
        List<String> cells = new ArrayList<>();
        List<EntryLink> others = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String value = i < record.fields().size() ? record.fields().get(i).strip() : "";
            cells.add(value);
            if (roles.get(i) != ColumnRole.LINK && Urls.usable(value)) {
                others.add(new EntryLink(headers.get(i).strip(), value));
            }
        }
        String link = cells.get(roles.indexOf(ColumnRole.LINK));
        String section = roles.contains(ColumnRole.SECTION) ? blankToNull(cells.get(roles.indexOf(ColumnRole.SECTION))) : null;
        List<ColumnRole> tableRoles = roles.stream().map(r -> r == ColumnRole.SECTION ? null : r).toList();
        return new RawRow(record.line(), section, tableRoles, cells, Urls.usable(link) ? link : null, link,
                record.fields().size(), others, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
