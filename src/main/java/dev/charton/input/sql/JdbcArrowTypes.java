package dev.charton.input.sql;

import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.adapter.jdbc.consumer.JdbcConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.RoundingMode;
import java.sql.Types;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The Arrow type of each JDBC column, decided explicitly rather than left to driver defaults:
 * decimals keep their precision and scale (an unconstrained NUMERIC, which has neither, becomes
 * float64), timestamps are microseconds (with a zone: as UTC instants), dates are days, and a type
 * Arrow's adapter does not know arrives as its text.
 */
final class JdbcArrowTypes {
    private static final int MAX_DECIMAL128_PRECISION = 38;
    private static final int MAX_DECIMAL256_PRECISION = 76;
    private static final String UTC = "UTC";

    private JdbcArrowTypes() {
    }

    static JdbcToArrowConfig config(BufferAllocator allocator, int batchRows) {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(UTC));
        return new JdbcToArrowConfigBuilder(allocator, utc)
                .setTargetBatchSize(batchRows)
                .setReuseVectorSchemaRoot(false)
                .setBigDecimalRoundingMode(RoundingMode.HALF_EVEN)
                .setJdbcToArrowTypeConverter(field -> arrowType(field, utc))
                .setJdbcConsumerGetter(JdbcArrowTypes::consumer)
                .build();
    }

    static ArrowType arrowType(JdbcFieldInfo field, Calendar utc) {
        switch (field.getJdbcType()) {
            case Types.DECIMAL, Types.NUMERIC -> {
                return decimal(field.getPrecision(), field.getScale());
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                return new ArrowType.Timestamp(TimeUnit.MICROSECOND, zoned(field) ? UTC : null);
            }
            default -> {
                try {
                    return JdbcToArrowUtils.getArrowTypeFromJdbcType(field, utc);
                } catch (UnsupportedOperationException unknownToArrow) {
                    return ArrowType.Utf8.INSTANCE;
                }
            }
        }
    }

    private static ArrowType decimal(int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision || precision > MAX_DECIMAL256_PRECISION) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        }
        return new ArrowType.Decimal(precision, scale, precision > MAX_DECIMAL128_PRECISION ? 256 : 128);
    }

    /** PostgreSQL's driver reports timestamptz as a plain TIMESTAMP; its type name tells. */
    private static boolean zoned(JdbcFieldInfo field) {
        String name = field.getTypeName() == null ? "" : field.getTypeName().toLowerCase(Locale.ROOT);
        return field.getJdbcType() == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
                || name.contains("with time zone");
    }

    private static JdbcConsumer<?> consumer(ArrowType type, int column, boolean nullable, FieldVector vector,
                                            JdbcToArrowConfig config) {
        if (type instanceof ArrowType.Timestamp) {
            return new UtcTimestampConsumer((TimeStampVector) vector, column);
        }
        return JdbcToArrowUtils.getConsumer(type, column, nullable, vector, config);
    }
}
