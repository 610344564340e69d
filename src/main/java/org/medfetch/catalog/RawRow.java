package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry before it gets its id: a table row's cells in physical order with the role of each column,
 * or a name and a link read from a list item, a heading, a name block, a CSV or JSON line.
 *
 * @param roles        role of each physical column (null for columns medfetch does not use)
 * @param cells        plain text of each cell, same length as roles
 * @param link         the entry's link, or null
 * @param linkCellText plain text of the link cell (to tell "-" from a cell with text but no URL), or null
 *                     when the row has no link column
 * @param rawCellCount number of cells written on the source line (commonmark pads or drops cells)
 * @param alternatives the entry's other links
 * @param id           the id the catalog gives (JSON Lines), or null to derive one from the name
 */
record RawRow(
        int line,
        String section,
        List<ColumnRole> roles,
        List<String> cells,
        String link,
        String linkCellText,
        int rawCellCount,
        List<EntryLink> alternatives,
        String id) {

    private static final List<ColumnRole> LISTED = List.of(ColumnRole.NAME, ColumnRole.LINK);

    RawRow {
        alternatives = List.copyOf(alternatives);
    }

    RawRow(int line, String section, List<ColumnRole> roles, List<String> cells, String link, String linkCellText,
           int rawCellCount) {
        this(line, section, roles, cells, link, linkCellText, rawCellCount, List.of(), null);
    }

    /** An entry that is a name and a link rather than a table row. */
    static RawRow listed(int line, String section, String name, String link, List<EntryLink> alternatives) {
        return new RawRow(line, section, LISTED, List.of(name, link == null ? "" : link), link, link, 2,
                alternatives, null);
    }

    String cell(ColumnRole role) {
        int i = roles.indexOf(role);
        return i < 0 ? null : cells.get(i);
    }

    RawRow with(String newSection, String newLink, List<EntryLink> newAlternatives) {
        List<String> newCells = cells;
        String newLinkText = linkCellText;
        if (roles == LISTED) {
            newCells = new ArrayList<>(cells);
            newCells.set(1, newLink == null ? "" : newLink);
            newLinkText = newLink;
        }
        return new RawRow(line, newSection, roles, newCells, newLink, newLinkText, rawCellCount, newAlternatives, id);
    }

    RawRow withCells(List<String> newCells) {
        return new RawRow(line, section, roles, newCells, link, linkCellText, rawCellCount, alternatives, id);
    }
}
