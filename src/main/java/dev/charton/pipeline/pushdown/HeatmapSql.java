package dev.charton.pipeline.pushdown;

import dev.charton.pipeline.reduce.EngineGroups;
import dev.charton.pipeline.stats.DistinctCount;
import dev.charton.pipeline.stats.CalendarCells;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A heatmap in the engine: a first query counts each axis's distinct values and range (Java's first
 * scan, from which Java decides whether the axis is binned and its edges), the second groups the
 * rows by cell with the partial statistics of the --color value. A binned axis's cell is found by
 * comparing the value with each edge in turn (as NumericCells.binOf and CalendarCells.binOf place
 * it: a time with timestamps Java computed on the calendar) and is sent as the least value in it,
 * which Java places in the same interval.
 */
final class HeatmapSql {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private final SqlColumns columns;
    private final List<String> chartColumns;
    private final List<String> axes;

    /**
     * @param axes the x and y columns
     */
    HeatmapSql(SqlColumns columns, List<String> chartColumns, List<String> axes) {
        this.columns = columns;
        this.chartColumns = chartColumns;
        this.axes = axes;
    }

    /** Whether an axis is a time (which Java alone cuts into intervals). */
    boolean temporal(int axis) {
        ArrowType type = columns.typeOf(axes.get(axis));
        return type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp;
    }

    private boolean number(int axis) {
        return columns.number(axes.get(axis));
    }

    /** Over all rows: the drawable counts, and per number or time axis its distinct values, values, finite values and range. */
    String statistics(String drawableList) {
        List<String> parts = new ArrayList<>(List.of(drawableList));
        for (int i = 0; i < axes.size(); i++) {
            String axis = axes.get(i);
            if (temporal(i)) {
                parts.add("count(DISTINCT " + columns.quote(axis) + ") AS charton_distinct_" + i);
                parts.add("min(" + columns.quote(axis) + ") AS charton_least_" + i);
                parts.add("max(" + columns.quote(axis) + ") AS charton_greatest_" + i);
            } else if (number(i)) {
                String value = "CASE WHEN " + columns.isValue(axis) + " THEN " + columns.real(axis) + " END";
                String finite = "CASE WHEN " + columns.isFinite(axis) + " THEN " + columns.real(axis) + " END";
                parts.add("count(DISTINCT " + value + ") AS charton_distinct_" + i);
                parts.add("count(" + value + ") AS charton_values_" + i);
                parts.add("count(" + finite + ") AS charton_finite_" + i);
                parts.add("min(" + finite + ") AS charton_low_" + i);
                parts.add("max(" + finite + ") AS charton_high_" + i);
            }
        }
        return columns.with(chartColumns, false) + "\nSELECT " + String.join(", ", parts) + " FROM " + SqlColumns.ROWS;
    }

    /** An axis's counts from the {@link #statistics} row. */
    EngineGroups.AxisCounts axis(Map<String, Object> row, int axis) {
        boolean many = (temporal(axis) || number(axis))
                && EngineSession.number(row, "charton_distinct_" + axis) > DistinctCount.HEATMAP_CELLS;
        return new EngineGroups.AxisCounts(many, EngineSession.real(row, "charton_low_" + axis),
                EngineSession.real(row, "charton_high_" + axis), EngineSession.number(row, "charton_least_" + axis),
                EngineSession.number(row, "charton_greatest_" + axis));
    }

    /** Whether a binned number axis has infinite values (Java refuses to bin them). */
    boolean infinite(Map<String, Object> row, int axis) {
        return number(axis) && EngineSession.number(row, "charton_values_" + axis)
                != EngineSession.number(row, "charton_finite_" + axis);
    }

    /**
     * The cells in order of their first row (SqlColumns.groupOrder; sorted by the axes' cells, a
     * binned axis's by the least value in the cell, where the engine keeps no row order): the axes' cells under the axes' names (a binned
     * axis's least value in the cell), the panel, and the partial statistics of {@code value}
     * (null: rows are counted).
     *
     * @param edges per axis, the edges of its intervals as SQL literals (empty: not binned)
     */
    String cells(List<String[]> edges, String facet, String value) {
        List<String> selected = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<String> grouped = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            String quoted = columns.quote(axes.get(i));
            named.add(quoted);
            if (edges.get(i).length == 0) {
                selected.add(quoted);
                grouped.add(quoted);
            } else {
                selected.add("min(CASE WHEN " + columns.isValue(axes.get(i)) + " THEN " + quoted + " END) AS " + quoted);
                grouped.add(interval(axes.get(i), edges.get(i)));
            }
        }
        if (facet != null) {
            selected.add(columns.quote(facet));
            named.add(columns.quote(facet));
            grouped.add(columns.quote(facet));
        }
        String counted = value == null ? "0" : "count(CASE WHEN " + columns.isValue(value) + " THEN 1 END)";
        return columns.with(chartColumns, true) + "\nSELECT " + String.join(", ", selected) + ", count(*) AS "
                + EngineGroups.SIZE + ", " + counted + " AS " + EngineGroups.COUNT + ", "
                + AggregateSql.partials(columns, value) + ", min(" + SqlColumns.ROW_NUMBER + ") AS " + SqlColumns.FIRST
                + " FROM " + SqlColumns.ROWS + " GROUP BY " + String.join(", ", grouped) + " ORDER BY "
                + columns.groupOrder(named);
    }

    /** The index of the interval [edges[i], edges[i + 1]) holding the value; null for no value. */
    private String interval(String axis, String[] edges) {
        String value = columns.typeOf(axis) instanceof ArrowType.Date ? "CAST(" + columns.quote(axis) + " AS TIMESTAMP)"
                : columns.typeOf(axis) instanceof ArrowType.Timestamp ? columns.quote(axis) : columns.real(axis);
        StringBuilder sql = new StringBuilder("CASE WHEN NOT (" + columns.isValue(axis) + ") THEN NULL");
        for (int i = 1; i < edges.length; i++) {
            sql.append(" WHEN ").append(value).append(" < ").append(edges[i]).append(" THEN ").append(i - 1);
        }
        return sql.append(" END").toString();
    }

    /** A number edge as the dialect reads it back exactly. */
    String[] numberEdges(double[] edges) {
        return Arrays.stream(edges).mapToObj(columns.dialect()::literal).toArray(String[]::new);
    }

    /**
     * The edges of a binned time axis as standard SQL timestamps, compared with the column's values
     * (dates as timestamps); empty when an edge is finer than a microsecond or beyond the range of
     * its unit, which engines do not all hold.
     */
    Optional<String[]> timeEdges(int axis, CalendarCells cells) {
        ArrowType type = columns.typeOf(axes.get(axis));
        boolean zoned = type instanceof ArrowType.Timestamp stamp && stamp.getTimezone() != null;
        long[] edges = cells.edges();
        String[] literals = new String[edges.length];
        for (int i = 0; i < edges.length; i++) {
            Optional<Instant> instant = cells.instant(edges[i]);
            if (instant.isEmpty() || instant.get().getNano() % 1000 != 0) {
                return Optional.empty();
            }
            String text = TIMESTAMP.format(LocalDateTime.ofInstant(instant.get(), ZoneOffset.UTC));
            literals[i] = zoned ? "TIMESTAMP WITH TIME ZONE '" + text + "+00:00'" : "TIMESTAMP '" + text + "'";
        }
        return Optional.of(literals);
    }
}
