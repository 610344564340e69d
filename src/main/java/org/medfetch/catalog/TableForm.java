package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entries from a table (Markdown or HTML). The name comes from the dataset column; the link from the
 * link column ({@code Link}, {@code Download}, {@code Official Website}, {@code 下载链接}, ...; a download
 * column before a web page), else from the name cell ({@code | [LiTS](https://…) |}), else from the
 * other cells (a paper last). Every other link of the row is an alternative; licence links are not.
 */
final class TableForm {

    static final String NO_NAME_COLUMN = "the table has no dataset or name column (Dataset, Name, 名称, ...)";

    /** The table's entries, or why it has none although it holds links. */
    record Result(List<Draft> drafts, String skipped) {
    }

    private record Candidate(int column, FoundLink link, Vocabulary.Rank rank) {
    }

    private TableForm() {
    }

    static Result read(TableRead table, Sections sections) {
        List<ColumnRole> roles = new ArrayList<>();
        for (String header : table.headers()) {
            ColumnRole role = ColumnRole.of(header);
            roles.add(role == null || roles.contains(role) && role != ColumnRole.LINK ? null : role);
        }
        int nameColumn = roles.indexOf(ColumnRole.NAME);
        boolean links = table.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(Line::hasUsableLink));
        if (nameColumn < 0) {
            return new Result(List.of(), links ? NO_NAME_COLUMN : null);
        }
        boolean written = table.rows().stream().anyMatch(r -> r.cells().stream().anyMatch(c -> !c.links().isEmpty()));
        if (!roles.contains(ColumnRole.LINK) && !written) {
            return new Result(List.of(), null);
        }
        List<ColumnRole> kept = new ArrayList<>();
        for (ColumnRole role : roles) {
            boolean dropped = role == ColumnRole.LICENSE || role == ColumnRole.SECTION
                    || role == ColumnRole.LINK && kept.contains(ColumnRole.LINK);
            kept.add(dropped ? null : role);
        }
        List<Draft> drafts = new ArrayList<>();
        for (TableRead.Row row : table.rows()) {
            drafts.add(draft(table, roles, kept, nameColumn, row, sections, table.rows().size() == 1));
        }
        return new Result(drafts, null);
    }

    private static Draft draft(TableRead table, List<ColumnRole> roles, List<ColumnRole> kept, int nameColumn,
                               TableRead.Row row, Sections sections, boolean onlyRow) {
        List<String> cells = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < roles.size(); c++) {
            Line cell = c < row.cells().size() ? row.cells().get(c) : new Line(row.line(), List.of());
            cells.add(c == nameColumn ? name(cell) : cell.plain().strip());
            if (roles.get(c) == ColumnRole.LICENSE) {
                continue;
            }
            Vocabulary.Rank rank = c == nameColumn ? Vocabulary.Rank.PAGE : Vocabulary.rank(table.headers().get(c));
            for (FoundLink link : cell.usableLinks()) {
                candidates.add(new Candidate(c, link, rank));
            }
        }
        Candidate main = choose(candidates, roles, nameColumn);
        List<EntryLink> alternatives = new ArrayList<>();
        for (Candidate other : candidates) {
            if (other != main && (main == null || !other.link().url().equals(main.link().url()))) {
                alternatives.add(new EntryLink(other.column() == nameColumn ? null : table.headers().get(other.column()),
                        other.link().url()));
            }
        }
        int linkColumn = kept.indexOf(ColumnRole.LINK);
        String linkText = linkColumn >= 0 ? cells.get(linkColumn) : main != null ? null : writtenLink(row, nameColumn);
        RawRow raw = new RawRow(row.line(), sections.path(), kept, cells, main == null ? null : main.link().url(),
                linkText, row.rawCellCount(), alternatives, null);
        return new Draft(raw, true, sections.parentPath(), sections.innermost(), onlyRow);
    }

    /** The link column's best link, else the name cell's, else (with no link column) any cell's best. */
    private static Candidate choose(List<Candidate> candidates, List<ColumnRole> roles, int nameColumn) {
        Comparator<Candidate> best = Comparator.comparing(Candidate::rank).thenComparingInt(Candidate::column);
        List<Candidate> textual = candidates.stream().filter(c -> !c.link().image()).toList();
        var inLinkColumns = textual.stream().filter(c -> roles.get(c.column()) == ColumnRole.LINK).min(best);
        if (inLinkColumns.isPresent()) {
            return inLinkColumns.get();
        }
        var inName = textual.stream().filter(c -> c.column() == nameColumn).findFirst();
        if (inName.isPresent() || roles.contains(ColumnRole.LINK)) {
            return inName.orElse(null);
        }
        return textual.stream().min(best).orElse(null);
    }

    /** What the name cell's link points to when it is not a URL ({@code structseg2019.grand-challenge.org}), or null. */
    private static String writtenLink(TableRead.Row row, int nameColumn) {
        if (nameColumn >= row.cells().size()) {
            return null;
        }
        return row.cells().get(nameColumn).links().stream().filter(l -> !l.image()).map(FoundLink::url)
                .findFirst().orElse(null);
    }

    /** The name cell's text, without links whose text names nothing ({@code QIN Breast [01](…) [02](…)}). */
    private static String name(Line cell) {
        StringBuilder out = new StringBuilder();
        for (Line.Piece p : cell.pieces()) {
            if (p.link() == null) {
                out.append(p.text());
            } else if (!p.link().image() && !(p.link().usable() && Vocabulary.isGeneric(p.link().text()))) {
                out.append(p.link().text());
            }
        }
        String name = out.toString().strip();
        return name.isEmpty() ? cell.plain().strip() : name;
    }
}
