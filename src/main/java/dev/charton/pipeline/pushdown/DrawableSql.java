package dev.charton.pipeline.pushdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counts behind charton's warning on values not drawn (issue 15), made by the engine over the
 * user's rows: per y column, its values that are numbers and, of these, those with a null x.
 */
final class DrawableSql {
    static final String ROWS = "charton_rows_read";

    private DrawableSql() {
    }

    /** The select list over {@link SqlColumns#ROWS}; {@code x} null when the chart has no x with positions. */
    static String selectList(SqlColumns columns, String x, List<String> y) {
        List<String> parts = new ArrayList<>(List.of("count(*) AS " + ROWS));
        for (int i = 0; i < y.size(); i++) {
            String value = columns.isValue(y.get(i));
            parts.add("count(CASE WHEN " + value + " THEN 1 END) AS charton_numbers_" + i);
            if (x != null) {
                parts.add("count(CASE WHEN " + value + " AND NOT " + columns.isValue(x) + " THEN 1 END) AS charton_null_x_"
                        + i);
            }
        }
        return String.join(", ", parts);
    }

    /** The names of {@link #selectList}'s columns. */
    static List<String> names(String x, int yColumns) {
        List<String> names = new ArrayList<>(List.of(ROWS));
        for (int i = 0; i < yColumns; i++) {
            names.add("charton_numbers_" + i);
            if (x != null) {
                names.add("charton_null_x_" + i);
            }
        }
        return names;
    }

    static EngineCounts read(Map<String, Object> row, int yColumns) {
        long[] numbers = new long[yColumns];
        long[] nullX = new long[yColumns];
        for (int i = 0; i < yColumns; i++) {
            numbers[i] = EngineSession.number(row, "charton_numbers_" + i);
            nullX[i] = EngineSession.number(row, "charton_null_x_" + i);
        }
        return new EngineCounts(EngineSession.number(row, ROWS), numbers, nullX);
    }
}
