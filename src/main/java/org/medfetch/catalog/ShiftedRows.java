package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds rows whose cells slid one column to the left (the name cell swallowed the next value, the
 * last cell before the link is empty) and repairs them when that is certain: every moved value must be
 * one the rest of the catalog uses in the column it moves to.
 */
final class ShiftedRows {

    /** 296, 224,316, 88.3k, 807/900, 1,100图片/374视频; not 2D or mp4. */
    private static final Pattern COUNT = Pattern.compile("\\d[\\d,.]*[kK万]?(?:[^A-Za-z\\d,.].*)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("[-–—?]*");

    private final Map<ColumnRole, Map<String, Integer>> seen = new EnumMap<>(ColumnRole.class);

    ShiftedRows(List<RawRow> rows) {
        for (RawRow row : rows) {
            for (int i = 0; i < row.roles().size(); i++) {
                ColumnRole role = row.roles().get(i);
                if (role != null) {
                    seen.computeIfAbsent(role, r -> new HashMap<>()).merge(row.cells().get(i), 1, Integer::sum);
                }
            }
        }
    }

    /** True when some value sits in a column it does not fit but would fit the next one. */
    boolean looksShifted(RawRow row) {
        List<Integer> middle = middleColumns(row);
        for (int k = 0; k + 1 < middle.size(); k++) {
            String value = row.cells().get(middle.get(k));
            if (!fits(row, middle.get(k), value) && fits(row, middle.get(k + 1), value)) {
                return true;
            }
        }
        return false;
    }

    /** The row with its cells moved back where they belong, when every moved value fits. */
    Optional<RawRow> repair(RawRow row) {
        List<Integer> middle = middleColumns(row);
        int nameColumn = row.roles().indexOf(ColumnRole.NAME);
        String nameCell = row.cells().get(nameColumn);
        int split = nameCell.lastIndexOf(' ');
        if (middle.isEmpty() || split <= 0
                || !PLACEHOLDER.matcher(row.cells().get(middle.get(middle.size() - 1))).matches()) {
            return Optional.empty();
        }
        String tail = nameCell.substring(split + 1).strip();
        if (!fits(row, middle.get(0), tail)) {
            return Optional.empty();
        }
        List<String> cells = new ArrayList<>(row.cells());
        cells.set(nameColumn, nameCell.substring(0, split).strip());
        cells.set(middle.get(0), tail);
        for (int k = 0; k + 1 < middle.size(); k++) {
            String value = row.cells().get(middle.get(k));
            if (!fits(row, middle.get(k + 1), value)) {
                return Optional.empty();
            }
            cells.set(middle.get(k + 1), value);
        }
        return Optional.of(row.withCells(cells));
    }

    /** Physical columns strictly between the name column and the link column, in order. */
    private static List<Integer> middleColumns(RawRow row) {
        int from = row.roles().indexOf(ColumnRole.NAME);
        int to = row.roles().indexOf(ColumnRole.LINK);
        List<Integer> middle = new ArrayList<>();
        for (int i = from + 1; i < to; i++) {
            if (row.roles().get(i) != null) {
                middle.add(i);
            }
        }
        return middle;
    }

    /** Does a value fit a column? Counts by shape; other columns by use in some other row. */
    private boolean fits(RawRow row, int column, String value) {
        ColumnRole role = row.roles().get(column);
        if (role == ColumnRole.COUNT) {
            return COUNT.matcher(value).matches();
        }
        int uses = seen.getOrDefault(role, Map.of()).getOrDefault(value, 0);
        int ownUses = value.equals(row.cells().get(column)) ? 1 : 0;
        return !value.isBlank() && uses - ownUses > 0;
    }
}
