package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * M4 (Jugel et al., VLDB 2014) as SQL around a user's query: for each y column, series, panel and
 * pixel column, the rows of first and last x and of least and greatest y, and of the y column's
 * nulls the first and last (the line's gaps). What leaves the engine is a subset of the
 * rows that holds every row Java's M4 keeps, so Java's M4 over it keeps the same rows; each row
 * also carries the engine's counts of the user's rows (DrawableSql). The extremes are group
 * aggregates joined back to the rows (hash aggregation and a hash join, no sorting of the table);
 * only the few rows kept are sorted.
 */
final class M4Sql {
    private M4Sql() {
    }

    /**
     * @param query     the user's query
     * @param columns   the chart's columns, as the query names them
     * @param position  the x column as a number (SqlValues)
     * @param x         the x column
     * @param y         the y columns, one series each
     * @param keys      the columns that split series and panels (color, facet)
     * @param pixels    the pixel columns the x range is divided into
     * @param counts    DrawableSql's select list, and its column names
     */
    static String compile(SqlDialect dialect, String query, List<String> columns, String position, String x,
                          List<String> y, List<String> keys, int pixels, String counts, List<String> countNames) {
        String selected = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
        List<String> groups = new ArrayList<>();
        keys.forEach(key -> groups.add(dialect.quote(key)));
        groups.add("charton_px");
        List<String> extremes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            String value = dialect.quote(y.get(i));
            String row = "charton_cells." + value;
            extremes.add(extreme("min", "CASE WHEN " + value + " IS NOT NULL THEN charton_xv END", "charton_first_" + i));
            extremes.add(extreme("max", "CASE WHEN " + value + " IS NOT NULL THEN charton_xv END", "charton_last_" + i));
            extremes.add(extreme("min", value, "charton_low_" + i));
            extremes.add(extreme("max", value, "charton_high_" + i));
            extremes.add(extreme("min", "CASE WHEN " + value + " IS NULL THEN charton_xv END", "charton_gap_first_" + i));
            extremes.add(extreme("max", "CASE WHEN " + value + " IS NULL THEN charton_xv END", "charton_gap_last_" + i));
            kept.add("(" + row + " IS NOT NULL AND (charton_cells.charton_xv IN (charton_first_" + i + ", charton_last_" + i
                    + ") OR " + row + " IN (charton_low_" + i + ", charton_high_" + i + ")))");
            kept.add("(" + row + " IS NULL AND charton_cells.charton_xv IN (charton_gap_first_" + i + ", charton_gap_last_"
                    + i + "))");
            drawn.add(value + " IS NOT NULL");
        }
        // Joined on the pixel column with '=', which engines hash (PostgreSQL hashes no IS NOT DISTINCT FROM);
        // the series and panel keys, which may be null, are then compared null-safe.
        List<String> same = new ArrayList<>(List.of("charton_cells.charton_px = charton_extremes.charton_px"));
        keys.forEach(key -> same.add("charton_cells." + dialect.quote(key) + " IS NOT DISTINCT FROM charton_extremes."
                + dialect.quote(key)));
        String sameGroup = String.join(" AND ", same);
        // The pixel columns divide the x range of the rows that have a y to draw, as Java's do.
        String drawable = "CASE WHEN " + String.join(" OR ", drawn) + " THEN " + position + " END";
        String pixel = "FLOOR((" + position + " - charton_low) / (charton_high - charton_low) * " + pixels + ")";
        return "WITH charton_rows AS (\nSELECT " + selected + " FROM (\n" + query + "\n) AS charton_query\n),\n"
                + "charton_range AS (SELECT min(" + drawable + ") AS charton_low, max(" + drawable + ") AS charton_high,"
                + " " + counts + " FROM charton_rows),\n"
                + "charton_cells AS (SELECT charton_rows.*, " + String.join(", ", countNames) + ", " + position + " AS charton_xv,"
                + " CASE WHEN charton_high > charton_low THEN " + clamped(pixel, pixels - 1) + " ELSE 0 END AS charton_px"
                + " FROM charton_rows CROSS JOIN charton_range WHERE " + dialect.quote(x) + " IS NOT NULL),\n"
                + "charton_extremes AS (SELECT " + String.join(", ", groups) + ", " + String.join(", ", extremes)
                + " FROM charton_cells GROUP BY " + String.join(", ", groups) + ")\n"
                + "SELECT " + columns.stream().map(c -> "charton_cells." + dialect.quote(c)).collect(Collectors.joining(", "))
                + ", " + String.join(", ", countNames) + " FROM charton_cells JOIN charton_extremes ON " + sameGroup
                + " AND (" + String.join(" OR ", kept) + ")"
                // In x order: Java's M4 keeps the first of rows tied on y, as it would from rows in x order.
                + " ORDER BY charton_cells.charton_xv";
    }

    /** {@code value} within [0, last], in standard SQL (LEAST and GREATEST are not). */
    static String clamped(String value, int last) {
        return "CASE WHEN " + value + " < 0 THEN 0 WHEN " + value + " > " + last + " THEN " + last + " ELSE " + value
                + " END";
    }

    private static String extreme(String function, String value, String name) {
        return function + "(" + value + ") AS " + name;
    }
}
