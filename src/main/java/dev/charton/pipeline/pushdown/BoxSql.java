package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;
import dev.charton.pipeline.reduce.EngineGroups;
import dev.charton.pipeline.stats.BoxStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxes in the engine, as BoxStats computes them: each box's finite values ranked (a window), its
 * quartiles interpolated between the two values at numpy's ranks as Quantiles.lerp does, the
 * whiskers at the furthest values within 1.5 IQR, and of the values beyond them the least per pixel
 * row of the value axis (FlierThinning's rule). The row selection is exact, so the boxes are Java's
 * to the last bit (the engines' own quantile functions interpolate differently in the last bits).
 */
final class BoxSql {
    private static final String VALUE = HistogramSql.VALUE;
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    private final SqlColumns columns;
    private final List<String> chartColumns;
    private final List<String> keys;
    /** The boxes' values in long form, as a histogram counts them. */
    private final HistogramSql values;

    /**
     * @param keys the x, series and panel columns
     */
    BoxSql(SqlColumns columns, List<String> chartColumns, List<String> y, List<String> keys) {
        this.columns = columns;
        this.chartColumns = chartColumns;
        this.keys = keys.stream().distinct().toList();
        this.values = new HistogramSql(columns, chartColumns, y, this.keys);
    }

    /**
     * Per box (in order of its first row, or of its keys where the engine keeps no row order, then its --y column) a row of its statistics, then its
     * kept fliers in increasing order.
     *
     * @param low  the least finite value of all boxes (the value axis, for the fliers' pixel rows)
     * @param high the greatest; not above {@code low}: no box has fliers
     * @param rows the value axis's pixel rows
     */
    String boxes(double low, double high, int rows) {
        String partition = " OVER (PARTITION BY " + group() + ")";
        List<String> virtual = new ArrayList<>();
        List<String> picked = new ArrayList<>();
        List<String> quartiles = new ArrayList<>();
        for (int i = 0; i < QUARTILES.length; i++) {
            String at = "charton_v" + i;
            virtual.add(real("charton_n - 1") + " * " + literal(QUARTILES[i]) + " AS " + at);
            picked.add("max(CASE WHEN charton_rank = FLOOR(" + at + ") THEN " + VALUE + " END)" + partition
                    + " AS charton_a" + i);
            picked.add("max(CASE WHEN charton_rank = LEAST(FLOOR(" + at + ") + 1, charton_n - 1) THEN " + VALUE
                    + " END)" + partition + " AS charton_b" + i);
            quartiles.add(lerp("charton_a" + i, "charton_b" + i, "(" + at + " - FLOOR(" + at + "))") + " AS charton_q" + i);
        }
        String reach = literal(BoxStats.WHISKER_REACH);
        String within = VALUE + " >= charton_low_fence AND " + VALUE + " <= charton_high_fence";
        String lowest = "min(CASE WHEN " + within + " THEN " + VALUE + " END)";
        String highest = "max(CASE WHEN " + within + " THEN " + VALUE + " END)";
        String q1 = "max(charton_q0)";
        String q3 = "max(charton_q2)";
        String groupList = group();
        String none = columns.dialect().asDouble("NULL");
        String statistics = "SELECT " + groupList + ", charton_first, 0 AS charton_kind, " + q1 + " AS " + EngineGroups.Q1
                + ", max(charton_q1) AS " + EngineGroups.MEDIAN + ", " + q3 + " AS " + EngineGroups.Q3
                + ", CASE WHEN " + lowest + " IS NULL OR " + lowest + " > " + q1 + " THEN " + q1 + " ELSE " + lowest
                + " END AS " + EngineGroups.WHISLO
                + ", CASE WHEN " + highest + " IS NULL OR " + highest + " < " + q3 + " THEN " + q3 + " ELSE " + highest
                + " END AS " + EngineGroups.WHISHI
                + ", max(charton_n) AS " + EngineGroups.VALUES + ", " + none + " AS " + EngineGroups.FLIER
                + " FROM charton_fenced GROUP BY " + groupList + ", charton_first";
        String sql = columns.with(chartColumns, true) + ",\n"
                + "charton_values AS (" + values.longForm(true) + "),\n"
                + "charton_ranked AS (SELECT charton_values.*, ROW_NUMBER() OVER (PARTITION BY " + groupList
                + " ORDER BY " + VALUE + ") - 1 AS charton_rank, count(*)" + partition + " AS charton_n, min("
                + SqlColumns.ROW_NUMBER + ")" + partition + " AS charton_first FROM charton_values),\n"
                + "charton_virtual AS (SELECT charton_ranked.*, " + String.join(", ", virtual) + " FROM charton_ranked),\n"
                + "charton_picked AS (SELECT charton_virtual.*, " + String.join(", ", picked) + " FROM charton_virtual),\n"
                + "charton_quartiles AS (SELECT charton_picked.*, " + String.join(", ", quartiles) + " FROM charton_picked),\n"
                + "charton_fenced AS (SELECT charton_quartiles.*, charton_q0 - " + reach + " * (charton_q2 - charton_q0)"
                + " AS charton_low_fence, charton_q2 + " + reach + " * (charton_q2 - charton_q0) AS charton_high_fence"
                + " FROM charton_quartiles)\n"
                + statistics;
        if (high > low) {
            String row = "LEAST(" + (rows - 1) + ", GREATEST(0, FLOOR((" + VALUE + " - " + literal(low) + ") / "
                    + literal(high - low) + " * " + literal(rows) + ")))";
            sql += "\nUNION ALL\nSELECT " + groupList + ", charton_first, 1 AS charton_kind, " + none + ", " + none + ", "
                    + none + ", " + none + ", " + none + ", CAST(NULL AS BIGINT), min(" + VALUE + ") FROM charton_fenced"
                    + " WHERE NOT (" + within + ") GROUP BY " + groupList + ", charton_first, " + row;
        }
        return sql + "\nORDER BY " + columns.groupOrder(keys.stream().map(columns::quote).toList(), EngineGroups.COLUMN,
                "charton_kind", EngineGroups.FLIER);
    }

    private String lerp(String a, String b, String t) {
        return lerp(columns.dialect(), a, b, t);
    }

    /** numpy's interpolation from the nearer end (Quantiles.lerp). */
    static String lerp(SqlDialect dialect, String a, String b, String t) {
        return "CASE WHEN " + t + " >= " + dialect.literal(0.5) + " THEN " + b + " - (" + b + " - " + a + ") * ("
                + dialect.literal(1) + " - " + t + ") ELSE " + a + " + (" + b + " - " + a + ") * " + t + " END";
    }

    private String literal(double value) {
        return columns.dialect().literal(value);
    }

    private String real(String expression) {
        return columns.dialect().asDouble(expression);
    }

    private String group() {
        List<String> names = new ArrayList<>(List.of(EngineGroups.COLUMN));
        keys.forEach(key -> names.add(columns.quote(key)));
        return String.join(", ", names);
    }
}
