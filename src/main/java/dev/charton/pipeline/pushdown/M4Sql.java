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
 * also carries the number of rows the query had ({@value #ROWS_READ}).
 */
final class M4Sql {
    /** The extra column: the rows of the user's query, for the figure's notes and marker sizes. */
    static final String ROWS_READ = "charton_rows_read";

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
     */
    static String compile(SqlDialect dialect, String query, List<String> columns, String position, String x,
                          List<String> y, List<String> keys, int pixels) {
        String selected = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
        List<String> partition = new ArrayList<>();
        keys.forEach(key -> partition.add(dialect.quote(key)));
        partition.add("charton_px");
        String by = String.join(", ", partition);
        List<String> ranks = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < y.size(); i++) {
            String value = dialect.quote(y.get(i));
            // Ties are broken as Java's M4 breaks them on rows in x order: least and greatest y at the
            // first x, the last x of its rows; a y column's nulls (its gaps) ranked apart from its values.
            String values = by + ", (" + value + " IS NULL)";
            ranks.add(rank("charton_first_" + i, values, "charton_xv ASC"));
            ranks.add(rank("charton_last_" + i, values, "charton_xv DESC"));
            ranks.add(rank("charton_low_" + i, by, value + " ASC NULLS LAST, charton_xv ASC"));
            ranks.add(rank("charton_high_" + i, by, value + " DESC NULLS LAST, charton_xv ASC"));
            kept.add("charton_first_" + i + " = 1 OR charton_last_" + i + " = 1 OR charton_low_" + i + " = 1"
                    + " OR charton_high_" + i + " = 1");
            drawn.add(value + " IS NOT NULL");
        }
        // The pixel columns divide the x range of the rows that have a y to draw, as Java's do.
        String drawable = "CASE WHEN " + String.join(" OR ", drawn) + " THEN " + position + " END";
        return "WITH charton_rows AS (\nSELECT " + selected + " FROM (\n" + query + "\n) AS charton_query\n),\n"
                + "charton_range AS (SELECT min(" + drawable + ") AS charton_low, max(" + drawable + ") AS charton_high,"
                + " count(*) AS " + ROWS_READ + " FROM charton_rows),\n"
                + "charton_cells AS (SELECT charton_rows.*, " + ROWS_READ + ", " + position + " AS charton_xv,"
                + " CASE WHEN charton_high > charton_low THEN LEAST(GREATEST(FLOOR((" + position + " - charton_low)"
                + " / (charton_high - charton_low) * " + pixels + "), 0), " + (pixels - 1) + ") ELSE 0 END AS charton_px"
                + " FROM charton_rows CROSS JOIN charton_range WHERE " + dialect.quote(x) + " IS NOT NULL),\n"
                + "charton_ranked AS (SELECT *, " + String.join(", ", ranks) + " FROM charton_cells)\n"
                + "SELECT " + selected + ", " + ROWS_READ + " FROM charton_ranked WHERE " + String.join(" OR ", kept);
    }

    private static String rank(String name, String partition, String order) {
        return "ROW_NUMBER() OVER (PARTITION BY " + partition + " ORDER BY " + order + ") AS " + name;
    }
}
