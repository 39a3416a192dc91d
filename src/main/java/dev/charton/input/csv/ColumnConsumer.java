package dev.charton.input.csv;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;

/**
 * Writes the cells of one CSV column into its Arrow vector: one small consumer per Arrow type, in
 * the manner of Arrow's JDBC adapter. A cell that does not parse as the column's type raises
 * {@link CellTypeMismatch}; the reader adds the file and line.
 */
abstract class ColumnConsumer {
    private final NullTokens nulls;

    ColumnConsumer(NullTokens nulls) {
        this.nulls = nulls;
    }

    abstract FieldVector vector();

    abstract CsvType type();

    /** Parses and stores one non-null cell; returns false when the text is not of this type. */
    abstract boolean setValue(int row, String text);

    final void consume(int row, String text) {
        if (nulls.isNull(text) || (type() == CsvType.FLOAT64 && nulls.isFloatNaN(text))) {
            vector().setNull(row);
            return;
        }
        if (!setValue(row, text)) {
            throw new CellTypeMismatch(vector().getName(), type(), text);
        }
    }

    static ColumnConsumer create(ColumnDecision decision, FieldVector vector, NullTokens nulls) {
        switch (decision.type()) {
            case BOOLEAN: return new BooleanConsumer((BitVector) vector, nulls);
            case INT64: return new Int64Consumer((BigIntVector) vector, nulls);
            case FLOAT64: return new Float64Consumer((Float8Vector) vector, nulls);
            case DATE: return new DateConsumer((DateDayVector) vector, nulls);
            case TIMESTAMP: return new TimestampConsumer((TimeStampVector) vector, nulls, false);
            case TIMESTAMP_TZ: return new TimestampConsumer((TimeStampVector) vector, nulls, true);
            default: return new StringConsumer((VarCharVector) vector, nulls);
        }
    }

    /** A cell whose text is not a value of its column's type. */
    static final class CellTypeMismatch extends RuntimeException {
        final String column;
        final CsvType type;
        final String text;

        CellTypeMismatch(String column, CsvType type, String text) {
            super(null, null, false, false);
            this.column = column;
            this.type = type;
            this.text = text;
        }
    }

    private static final class BooleanConsumer extends ColumnConsumer {
        private final BitVector vector;

        BooleanConsumer(BitVector vector, NullTokens nulls) {
            super(nulls);
            this.vector = vector;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return CsvType.BOOLEAN; }

        @Override
        boolean setValue(int row, String text) {
            Boolean value = TextValues.parseBoolean(text);
            if (value == null) {
                return false;
            }
            vector.setSafe(row, value ? 1 : 0);
            return true;
        }
    }

    private static final class Int64Consumer extends ColumnConsumer {
        private final BigIntVector vector;

        Int64Consumer(BigIntVector vector, NullTokens nulls) {
            super(nulls);
            this.vector = vector;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return CsvType.INT64; }

        @Override
        boolean setValue(int row, String text) {
            if (!TextValues.isInt64(text)) {
                return false;
            }
            vector.setSafe(row, Long.parseLong(text));
            return true;
        }
    }

    private static final class Float64Consumer extends ColumnConsumer {
        private final Float8Vector vector;

        Float64Consumer(Float8Vector vector, NullTokens nulls) {
            super(nulls);
            this.vector = vector;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return CsvType.FLOAT64; }

        @Override
        boolean setValue(int row, String text) {
            if (!TextValues.isFloat(text)) {
                return false;
            }
            vector.setSafe(row, TextValues.parseFloat(text));
            return true;
        }
    }

    private static final class DateConsumer extends ColumnConsumer {
        private final DateDayVector vector;

        DateConsumer(DateDayVector vector, NullTokens nulls) {
            super(nulls);
            this.vector = vector;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return CsvType.DATE; }

        @Override
        boolean setValue(int row, String text) {
            long day = text.length() == 10 ? TextValues.isoDateToEpochDay(text) : Long.MIN_VALUE;
            if (day == Long.MIN_VALUE) {
                return false;
            }
            vector.setSafe(row, (int) day);
            return true;
        }
    }

    private static final class TimestampConsumer extends ColumnConsumer {
        private final TimeStampVector vector;
        private final boolean withOffset;

        TimestampConsumer(TimeStampVector vector, NullTokens nulls, boolean withOffset) {
            super(nulls);
            this.vector = vector;
            this.withOffset = withOffset;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return withOffset ? CsvType.TIMESTAMP_TZ : CsvType.TIMESTAMP; }

        @Override
        boolean setValue(int row, String text) {
            Long micros;
            if (!withOffset && text.length() == 10) {
                long day = TextValues.isoDateToEpochDay(text);
                micros = day == Long.MIN_VALUE ? null : day * 86_400_000_000L;
            } else {
                micros = TextValues.parseTimestamp(text, withOffset);
            }
            if (micros == null) {
                return false;
            }
            vector.setSafe(row, micros);
            return true;
        }
    }

    private static final class StringConsumer extends ColumnConsumer {
        private final VarCharVector vector;

        StringConsumer(VarCharVector vector, NullTokens nulls) {
            super(nulls);
            this.vector = vector;
        }

        @Override FieldVector vector() { return vector; }

        @Override CsvType type() { return CsvType.STRING; }

        @Override
        boolean setValue(int row, String text) {
            vector.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
            return true;
        }
    }
}
