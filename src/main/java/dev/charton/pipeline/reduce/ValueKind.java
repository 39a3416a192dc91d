package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * How grammar.py sees a column: numbers (decimals too), times (dates, timestamps and times of day,
 * each a count of its unit), or categories (strings, booleans, durations, dictionary-encoded
 * columns).
 */
enum ValueKind {
    NUMERIC, TEMPORAL, CATEGORICAL;

    static ValueKind of(Field field) {
        if (field.getDictionary() != null) {
            return CATEGORICAL;
        }
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Decimal) {
            return NUMERIC;
        }
        if (type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp || type instanceof ArrowType.Time) {
            return TEMPORAL;
        }
        return CATEGORICAL;
    }

    /** Whether values have positions on an axis (a pixel column, a bin). */
    boolean continuous() {
        return this != CATEGORICAL;
    }
}
