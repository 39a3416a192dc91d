package dev.charton.pipeline.plan;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How the chart grammar treats a column: as times, as numbers, or as categories. Decided from the
 * Arrow type alone, the way Python's grammar sees the same column (dates, timestamps and times of
 * day are times; integers, floats and decimals are numbers; everything else, booleans, text,
 * dictionary-encoded categories and durations included, is categories).
 */
public enum ColumnType {
    TEMPORAL, NUMERIC, CATEGORICAL;

    public static ColumnType of(Field field) {
        if (field.getDictionary() != null) {
            return CATEGORICAL;
        }
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Date || type instanceof ArrowType.Time) {
            return TEMPORAL;
        }
        if (type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Decimal) {
            return NUMERIC;
        }
        return CATEGORICAL;
    }

    /** Whether values have positions on an axis (a pixel column, a bin). */
    public boolean continuous() {
        return this != CATEGORICAL;
    }

    /** The word the grammar's messages use. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
