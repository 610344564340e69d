package org.medfetch.catalog;

import java.util.ArrayList;
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

    /** What each column holds: its role, the role kept in the entry's row, the rank of its links. */
    private record Columns(List<ColumnRole> roles, List<ColumnRole> kept, List<Vocabulary.Rank> ranks, int name) {
    }

    /** Where the table stands: the same for all its rows. */
    private record Place(String section, String parentSection, int heading) {
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
        boolean links = false;
        boolean written = false;
        for (TableRead.Row row : table.rows()) {
            for (Line cell : row.cells()) {
                links |= cell.hasUsableLink();
                written |= !cell.links().isEmpty();
            }
        }
        if (nameColumn < 0) {
            return new Result(List.of(), links ? NO_NAME_COLUMN : null);
        }
        if (!roles.contains(ColumnRole.LINK) && !written) {
            return new Result(List.of(), null);
        }
        List<ColumnRole> kept = new ArrayList<>();
        for (ColumnRole role : roles) {
            boolean dropped = role == ColumnRole.LICENSE || role == ColumnRole.SECTION
                    || role == ColumnRole.LINK && kept.contains(ColumnRole.LINK);
            kept.add(dropped ? null : role);
        }
        List<Vocabulary.Rank> ranks = new ArrayList<>();
        for (int c = 0; c < roles.size(); c++) {
            ranks.add(c == nameColumn ? Vocabulary.Rank.PAGE : Vocabulary.rank(table.headers().get(c)));
        }
        List<Draft> drafts = new ArrayList<>();
        Columns columns = new Columns(roles, kept, ranks, nameColumn);
        Place place = new Place(sections.path(), sections.parentPath(), sections.innermost());
        for (TableRead.Row row : table.rows()) {
            drafts.add(draft(table, columns, row, place, table.rows().size() == 1));
        }
        return new Result(drafts, null);
    }

    private static Draft draft(TableRead table, Columns columns, TableRead.Row row, Place place, boolean onlyRow) {
        List<ColumnRole> roles = columns.roles();
        int nameColumn = columns.name();
        List<String> cells = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < roles.size(); c++) {
            Line cell = c < row.cells().size() ? row.cells().get(c) : new Line(row.line(), List.of());
            cells.add(c == nameColumn ? name(cell) : cell.plain().strip());
            if (roles.get(c) == ColumnRole.LICENSE) {
                continue;
            }
            for (FoundLink link : cell.usableLinks()) {
                candidates.add(new Candidate(c, link, columns.ranks().get(c)));
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
        int linkColumn = columns.kept().indexOf(ColumnRole.LINK);
        String linkText = linkColumn >= 0 ? cells.get(linkColumn) : main != null ? null : writtenLink(row, nameColumn);
        RawRow raw = new RawRow(row.line(), place.section(), columns.kept(), cells, main == null ? null : main.link().url(),
                linkText, row.rawCellCount(), alternatives, null);
        return new Draft(raw, true, place.parentSection(), place.heading(), onlyRow);
    }

    /** The link column's best link, else the name cell's, else (with no link column) any cell's best. */
    private static Candidate choose(List<Candidate> candidates, List<ColumnRole> roles, int nameColumn) {
        Candidate inLinkColumns = null;
        Candidate inName = null;
        Candidate anywhere = null;
        for (Candidate c : candidates) {
            if (c.link().image()) {
                continue;
            }
            if (roles.get(c.column()) == ColumnRole.LINK && better(c, inLinkColumns)) {
                inLinkColumns = c;
            }
            if (c.column() == nameColumn && inName == null) {
                inName = c;
            }
            if (better(c, anywhere)) {
                anywhere = c;
            }
        }
        if (inLinkColumns != null) {
            return inLinkColumns;
        }
        return inName != null || roles.contains(ColumnRole.LINK) ? inName : anywhere;
    }

    /** A lower rank (a download before a web page before a paper), then an earlier column. */
    private static boolean better(Candidate c, Candidate than) {
        return than == null || c.rank().compareTo(than.rank()) < 0
                || c.rank() == than.rank() && c.column() < than.column();
    }

    /** What the name cell's link points to when it is not a URL ({@code structseg2019.grand-challenge.org}), or null. */
    private static String writtenLink(TableRead.Row row, int nameColumn) {
        if (nameColumn >= row.cells().size()) {
            return null;
        }
        for (FoundLink l : row.cells().get(nameColumn).links()) {
            if (!l.image()) {
                return l.url();
            }
        }
        return null;
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
