package org.medfetch.catalog;

import java.util.List;

/**
 * A table row before it becomes an entry: its cells in physical order with the role of each column.
 *
 * @param roles        role of each physical column (null for columns medfetch does not use)
 * @param cells        plain text of each cell, same length as roles
 * @param link         the URL found in the link cell, or null
 * @param linkCellText plain text of the link cell (to tell "-" from a cell with text but no URL)
 * @param rawCellCount number of cells written on the source line (commonmark pads or drops cells)
 */
record RawRow(
        int line,
        String section,
        List<ColumnRole> roles,
        List<String> cells,
        String link,
        String linkCellText,
        int rawCellCount) {

    String cell(ColumnRole role) {
        int i = roles.indexOf(role);
        return i < 0 ? null : cells.get(i);
    }
}
