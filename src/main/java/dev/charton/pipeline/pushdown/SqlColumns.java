package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chart's columns of a user's query as SQL expressions in the engine's dialect, with charton's
 * reading of them: a value is a number that is not null and, for a float, not NaN (NumberView).
 */
final class SqlColumns {
    /** What every name charton's compiled SQL gives its own tables and columns begins with. */
    static final String OWN_PREFIX = "charton_";
    /** The CTE of the user's rows (the chart's columns). */
    static final String ROWS = "charton_rows";
    /**
     * The rows' order in the user's result, to number groups by first appearance as Java does; a
     * constant where the engine keeps no row order ({@link #groupOrder}).
     */
    static final String ROW_NUMBER = "charton_row";
    /** A group's first row, {@code min(charton_row)}, by which the groups are ordered. */
    static final String FIRST = "charton_first";

    private final SqlDialect dialect;
    private final String query;
    private final Schema schema;

    SqlColumns(SqlDialect dialect, String query, Schema schema) {
        this.dialect = dialect;
        this.query = query;
        this.schema = schema;
    }

    /**
     * The first of {@code chartColumns} named as charton's compiled SQL names its own (engines compare
     * names without regard to case): around such a column the SQL would be ambiguous, or worse, read
     * charton's column where the user's was meant.
     */
    static Optional<String> clashingName(List<String> chartColumns) {
        return chartColumns.stream()
                .filter(name -> name != null && name.regionMatches(true, 0, OWN_PREFIX, 0, OWN_PREFIX.length()))
                .findFirst();
    }

    SqlDialect dialect() {
        return dialect;
    }

    String quote(String column) {
        return dialect.quote(column);
    }

    /** {@code WITH charton_rows AS (the chart's columns of the user's query[, their row number])}. */
    String with(List<String> columns, boolean numbered) {
        String selected = columns.stream().distinct().map(dialect::quote).collect(Collectors.joining(", "));
        String number = dialect.keepsRowOrder() ? "ROW_NUMBER() OVER ()" : "0";
        return "WITH " + ROWS + " AS (\nSELECT " + selected + (numbered ? ", " + number + " AS " + ROW_NUMBER : "")
                + " FROM (\n" + query + "\n) AS charton_query\n)";
    }

    /**
     * The ORDER BY list of groups, then {@code then}: by their first row ({@link #FIRST}), the order in
     * which Java meets them reading every row; where the engine keeps no row order, by their
     * {@code keys} (expressions) sorted, nulls last, which is the order Java meets them in a result
     * sorted by those keys.
     */
    String groupOrder(List<String> keys, String... then) {
        List<String> order = new ArrayList<>();
        if (dialect.keepsRowOrder() || keys.isEmpty()) {
            order.add(FIRST);
        } else {
            keys.forEach(key -> order.add(key + " NULLS LAST"));
        }
        order.addAll(List.of(then));
        return String.join(", ", order);
    }

    /** The column as a double. */
    String real(String column) {
        return dialect.asDouble(dialect.quote(column));
    }

    /** Whether a row's value of the column is a number (a time, for a time column) charton reads. */
    String isValue(String column) {
        String quoted = dialect.quote(column);
        return floating(column) ? "(" + quoted + " IS NOT NULL AND " + dialect.isNumber(real(column)) + ")"
                : quoted + " IS NOT NULL";
    }

    /** Whether a row's value of a number column is finite. */
    String isFinite(String column) {
        String quoted = dialect.quote(column);
        return floating(column) ? "(" + quoted + " IS NOT NULL AND " + dialect.isFinite(real(column)) + ")"
                : quoted + " IS NOT NULL";
    }

    /** A column of integers or floats: the values the engine can reduce as Java reads them. */
    boolean number(String column) {
        ArrowType type = typeOf(column);
        return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint;
    }

    /**
     * A key the engine groups as Java does (KeyColumn): not a decimal (Java tells 1.0 from 1.00) nor
     * anything without a plain equality.
     */
    boolean key(String column) {
        ArrowType type = typeOf(column);
        return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Utf8
                || type instanceof ArrowType.Bool || type instanceof ArrowType.Date
                || type instanceof ArrowType.Timestamp;
    }

    /** Whether Java reads the column as numbers (NumberView): numbers, times, booleans. */
    boolean positioned(String column) {
        ArrowType type = typeOf(column);
        return number(column) || type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp
                || type instanceof ArrowType.Bool;
    }

    private boolean floating(String column) {
        return typeOf(column) instanceof ArrowType.FloatingPoint;
    }

    /** The column's Arrow type; null for a dictionary-encoded one. */
    ArrowType typeOf(String column) {
        Field field = schema.findField(column);
        return field.getDictionary() != null ? null : field.getType();
    }
}
