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
            return switch (dialect) {
                case DUCKDB, POSTGRESQL -> Optional.of(dialect.asDouble("(" + quoted + " - DATE '1970-01-01')"));
                case TRINO -> Optional.of("CAST(date_diff('day', DATE '1970-01-01', " + quoted + ") AS double)");
                case ANSI -> Optional.empty();
            };
        }
        if (type instanceof ArrowType.Timestamp) {
            return switch (dialect) {
                case DUCKDB -> Optional.of("CAST(epoch_us(" + quoted + ") AS DOUBLE)");
                case POSTGRESQL -> Optional.of("CAST(EXTRACT(EPOCH FROM " + quoted + ") AS double precision)");
                // A timestamp without zone would be placed in the session's zone (the JVM's), whose
                // daylight-saving jumps would move rows between pixel columns: read it as UTC.
                case TRINO -> Optional.of("to_unixtime(" + (((ArrowType.Timestamp) type).getTimezone() == null
                        ? "with_timezone(" + quoted + ", 'UTC')" : quoted) + ")");
                case ANSI -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
