package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.Optional;

/**
 * A column's value as a number the engine can place on an axis, in each dialect: numbers as
 * doubles, dates as days and timestamps as seconds since the epoch (the unit does not matter: only
 * the position between the least and greatest value does). Empty where the dialect cannot say it.
 */
final class SqlValues {
    private SqlValues() {
    }

    static Optional<String> position(SqlDialect dialect, String column, ArrowType type) {
        String quoted = dialect.quote(column);
        if (type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Decimal) {
            return Optional.of(dialect.asDouble(quoted));
        }
        if (type instanceof ArrowType.Date) {
            return dialect.epochDays(quoted);
        }
        if (type instanceof ArrowType.Timestamp timestamp) {
            return dialect.epochTime(quoted, timestamp.getTimezone() != null);
        }
        return Optional.empty();
    }
}
