package dev.charton.pipeline.pushdown;

import dev.charton.pipeline.reduce.EngineGroups;

import java.util.ArrayList;
import java.util.List;

/**
 * Group aggregates in the engine: per x group, --y column, color and panel, the partial statistics
 * Java's Aggregate keeps (rows, values, sum, least, greatest), in order of each group's first row.
 * The rows Java leaves out are left out here: a null x unless x is a category, a row without a
 * value except on a line (whose groups count such rows). Where the engine keeps no row order, the
 * groups come in the sorted order of their keys (SqlColumns.groupOrder).
 */
final class AggregateSql {
    private AggregateSql() {
    }

    /**
     * @param keys       x, then the series and panel columns
     * @param y          the value columns (empty: count rows)
     * @param keepNullX  whether a null x is a group (a categorical x)
     * @param keepNullY  whether rows without a value count in their group (lines)
     */
    static String compile(SqlColumns columns, List<String> chartColumns, String x, List<String> keys, List<String> y,
                          boolean keepNullX, boolean keepNullY) {
        List<String> quoted = keys.stream().distinct().map(columns::quote).toList();
        String keyList = String.join(", ", quoted);
        String where = keepNullX ? "" : " WHERE " + columns.isValue(x);
        List<String> selects = new ArrayList<>();
        if (y.isEmpty()) {
            selects.add("SELECT " + keyList + ", 0 AS " + EngineGroups.COLUMN + ", count(*) AS " + EngineGroups.SIZE
                    + ", 0 AS " + EngineGroups.COUNT + ", " + partials(columns, null) + first() + where
                    + " GROUP BY " + keyList);
        }
        for (int i = 0; i < y.size(); i++) {
            String value = columns.isValue(y.get(i));
            String filter = keepNullY ? where : where.isEmpty() ? " WHERE " + value : where + " AND " + value;
            selects.add("SELECT " + keyList + ", " + i + " AS " + EngineGroups.COLUMN + ", count(*) AS " + EngineGroups.SIZE
                    + ", count(CASE WHEN " + value + " THEN 1 END) AS " + EngineGroups.COUNT + ", "
                    + partials(columns, y.get(i)) + first() + filter + " GROUP BY " + keyList);
        }
        return columns.with(chartColumns, true) + "\n" + String.join("\nUNION ALL\n", selects)
                + "\nORDER BY " + columns.groupOrder(quoted, EngineGroups.COLUMN);
    }

    /** The partial sum, least and greatest of {@code y}'s values (nulls for none: rows are counted). */
    static String partials(SqlColumns columns, String y) {
        if (y == null) {
            String none = columns.dialect().asDouble("NULL");
            return none + " AS " + EngineGroups.SUM + ", " + none + " AS " + EngineGroups.MIN + ", " + none + " AS "
                    + EngineGroups.MAX;
        }
        String value = "CASE WHEN " + columns.isValue(y) + " THEN " + columns.real(y) + " END";
        return columns.dialect().sumOfDoubles(value) + " AS " + EngineGroups.SUM + ", min(" + value + ") AS "
                + EngineGroups.MIN + ", max(" + value + ") AS " + EngineGroups.MAX;
    }

    private static String first() {
        return ", min(" + SqlColumns.ROW_NUMBER + ") AS " + SqlColumns.FIRST + " FROM " + SqlColumns.ROWS;
    }
}
