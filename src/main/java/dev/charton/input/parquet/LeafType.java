package dev.charton.input.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.util.function.Function;

/**
 * The Arrow type of a Parquet leaf column and the sink that fills it. The type comes from the
 * footer's physical type and logical annotation, so facts such as unsignedness, the UTC flag of
 * timestamps and the time unit are kept exactly.
 */
record LeafType(ArrowType arrowType, Function<FieldVector, PrimitiveSink> sinkFactory) {
    private static final int MAX_DECIMAL128_DIGITS = 38;
    private static final int MAX_DECIMAL256_DIGITS = 76;

    static LeafType of(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.UnknownLogicalTypeAnnotation) {
            return new LeafType(ArrowType.Null.INSTANCE, v -> new PrimitiveSinks.AlwaysNull());
        }
        switch (type.getPrimitiveTypeName()) {
            case BOOLEAN:
                return new LeafType(ArrowType.Bool.INSTANCE, v -> new PrimitiveSinks.Bool((BitVector) v));
            case INT32:
                return int32(logical);
            case INT64:
                return int64(logical);
            case INT96:
                return new LeafType(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
                        v -> new PrimitiveSinks.Int96Timestamp((TimeStampVector) v));
            case FLOAT:
                return new LeafType(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
                        v -> new PrimitiveSinks.Float32((Float4Vector) v));
            case DOUBLE:
                return new LeafType(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
                        v -> new PrimitiveSinks.Float64((Float8Vector) v));
            case BINARY:
                return binary(logical);
            case FIXED_LEN_BYTE_ARRAY:
                return fixedLength(logical, type.getTypeLength());
            default:
                throw new UnsupportedColumnException("Parquet physical type " + type.getPrimitiveTypeName());
        }
    }

    private static LeafType int32(LogicalTypeAnnotation logical) {
        if (logical instanceof IntLogicalTypeAnnotation i) {
            return integer(i.getBitWidth(), i.isSigned());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return decimal(d);
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new LeafType(new ArrowType.Date(DateUnit.DAY), v -> new PrimitiveSinks.Date((DateDayVector) v));
        }
        if (logical instanceof TimeLogicalTypeAnnotation t && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS) {
            return new LeafType(new ArrowType.Time(TimeUnit.MILLISECOND, 32),
                    v -> new PrimitiveSinks.TimeMillis((TimeMilliVector) v));
        }
        return integer(32, true);
    }

    private static LeafType int64(LogicalTypeAnnotation logical) {
        if (logical instanceof IntLogicalTypeAnnotation i) {
            return integer(64, i.isSigned());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return decimal(d);
        }
        if (logical instanceof TimestampLogicalTypeAnnotation t) {
            return new LeafType(new ArrowType.Timestamp(arrowUnit(t.getUnit()), t.isAdjustedToUTC() ? "UTC" : null),
                    v -> new PrimitiveSinks.Timestamp((TimeStampVector) v));
        }
        if (logical instanceof TimeLogicalTypeAnnotation t && t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
            return new LeafType(new ArrowType.Time(TimeUnit.MICROSECOND, 64),
                    v -> new PrimitiveSinks.TimeMicros((TimeMicroVector) v));
        }
        if (logical instanceof TimeLogicalTypeAnnotation t && t.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS) {
            return new LeafType(new ArrowType.Time(TimeUnit.NANOSECOND, 64),
                    v -> new PrimitiveSinks.TimeNanos((TimeNanoVector) v));
        }
        return integer(64, true);
    }

    private static LeafType integer(int bits, boolean signed) {
        ArrowType type = new ArrowType.Int(bits, signed);
        switch (bits) {
            case 8:
                return new LeafType(type, signed ? v -> new PrimitiveSinks.Int8((TinyIntVector) v)
                        : v -> new PrimitiveSinks.UInt8((UInt1Vector) v));
            case 16:
                return new LeafType(type, signed ? v -> new PrimitiveSinks.Int16((SmallIntVector) v)
                        : v -> new PrimitiveSinks.UInt16((UInt2Vector) v));
            case 32:
                return new LeafType(type, signed ? v -> new PrimitiveSinks.Int32((IntVector) v)
                        : v -> new PrimitiveSinks.UInt32((UInt4Vector) v));
            case 64:
                return new LeafType(type, signed ? v -> new PrimitiveSinks.Int64((BigIntVector) v)
                        : v -> new PrimitiveSinks.UInt64((UInt8Vector) v));
            default:
                throw new UnsupportedColumnException("a " + bits + "-bit integer");
        }
    }

    private static LeafType decimal(DecimalLogicalTypeAnnotation d) {
        int precision = d.getPrecision();
        if (precision <= MAX_DECIMAL128_DIGITS) {
            return new LeafType(new ArrowType.Decimal(precision, d.getScale(), 128),
                    v -> new PrimitiveSinks.Decimal128((DecimalVector) v));
        }
        if (precision <= MAX_DECIMAL256_DIGITS) {
            return new LeafType(new ArrowType.Decimal(precision, d.getScale(), 256),
                    v -> new PrimitiveSinks.Decimal256((Decimal256Vector) v));
        }
        throw new UnsupportedColumnException("a decimal of " + precision + " digits (Arrow holds at most "
                + MAX_DECIMAL256_DIGITS + ")");
    }

    private static LeafType binary(LogicalTypeAnnotation logical) {
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return decimal(d);
        }
        boolean text = logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
        return new LeafType(text ? ArrowType.Utf8.INSTANCE : ArrowType.Binary.INSTANCE,
                v -> new PrimitiveSinks.VariableWidth((BaseVariableWidthVector) v));
    }

    private static LeafType fixedLength(LogicalTypeAnnotation logical, int length) {
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
            return decimal(d);
        }
        if (logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation && length == 2) {
            return new LeafType(new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
                    v -> new PrimitiveSinks.Float16((Float2Vector) v));
        }
        return new LeafType(new ArrowType.FixedSizeBinary(length),
                v -> new PrimitiveSinks.FixedWidthBinary((FixedSizeBinaryVector) v));
    }

    private static TimeUnit arrowUnit(LogicalTypeAnnotation.TimeUnit unit) {
        switch (unit) {
            case MILLIS: return TimeUnit.MILLISECOND;
            case MICROS: return TimeUnit.MICROSECOND;
            default: return TimeUnit.NANOSECOND;
        }
    }
}
