package org.medfetch.catalog;

import java.util.List;

/**
 * A table as read from Markdown or HTML, before its columns are understood.
 *
 * @param headers plain text of each header cell
 * @param rows    the body rows
 */
record TableRead(List<String> headers, List<Row> rows) {

    /**
     * @param line         1-based line of the row
     * @param cells        each cell's content
     * @param rawCellCount cells written on the source line
     */
    record Row(int line, List<Line> cells, int rawCellCount) {
    }

    TableRead {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
