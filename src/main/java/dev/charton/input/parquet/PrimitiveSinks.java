package dev.charton.input.parquet;

import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
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
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** One small sink per Arrow vector type, each taking the Parquet physical value that feeds it. */
final class PrimitiveSinks {
    private PrimitiveSinks() {
    }

    /** Parquet's UNKNOWN (always null) annotation: Arrow's null type has no buffers to fill. */
    static final class AlwaysNull extends PrimitiveSink {
    }

    static final class Bool extends PrimitiveSink {
        private final BitVector vector;

        Bool(BitVector vector) {
            this.vector = vector;
        }

        @Override
        public void addBoolean(boolean value) {
            vector.setSafe(index, value ? 1 : 0);
        }
    }

    static final class Int8 extends PrimitiveSink {
        private final TinyIntVector vector;

        Int8(TinyIntVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, (byte) value);
        }
    }

    static final class Int16 extends PrimitiveSink {
        private final SmallIntVector vector;

        Int16(SmallIntVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, (short) value);
        }
    }

    static final class Int32 extends PrimitiveSink {
        private final IntVector vector;

        Int32(IntVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, value);
        }
    }

    static final class Int64 extends PrimitiveSink {
        private final BigIntVector vector;

        Int64(BigIntVector vector) {
            this.vector = vector;
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }
    }

    static final class UInt8 extends PrimitiveSink {
        private final UInt1Vector vector;

        UInt8(UInt1Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, (byte) value);
        }
    }

    static final class UInt16 extends PrimitiveSink {
        private final UInt2Vector vector;

        UInt16(UInt2Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, (char) value);
        }
    }

    /** Parquet stores a UINT_32 in the bits of an INT32; Arrow's UInt4 holds the same bits. */
    static final class UInt32 extends PrimitiveSink {
        private final UInt4Vector vector;

        UInt32(UInt4Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, value);
        }
    }

    static final class UInt64 extends PrimitiveSink {
        private final UInt8Vector vector;

        UInt64(UInt8Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }
    }

    /** FLOAT16 is a 2-byte little-endian FIXED_LEN_BYTE_ARRAY holding IEEE half-precision bits. */
    static final class Float16 extends PrimitiveSink {
        private final Float2Vector vector;

        Float16(Float2Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            vector.setSafe(index, bytes.getShort(bytes.position()));
        }
    }

    static final class Float32 extends PrimitiveSink {
        private final Float4Vector vector;

        Float32(Float4Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addFloat(float value) {
            vector.setSafe(index, value);
        }
    }

    static final class Float64 extends PrimitiveSink {
        private final Float8Vector vector;

        Float64(Float8Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addDouble(double value) {
            vector.setSafe(index, value);
        }
    }

    static final class Date extends PrimitiveSink {
        private final DateDayVector vector;

        Date(DateDayVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, value);
        }
    }

    static final class TimeMillis extends PrimitiveSink {
        private final TimeMilliVector vector;

        TimeMillis(TimeMilliVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, value);
        }
    }

    static final class TimeMicros extends PrimitiveSink {
        private final TimeMicroVector vector;

        TimeMicros(TimeMicroVector vector) {
            this.vector = vector;
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }
    }

    static final class TimeNanos extends PrimitiveSink {
        private final TimeNanoVector vector;

        TimeNanos(TimeNanoVector vector) {
            this.vector = vector;
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }
    }

    /** Any timestamp unit and zone: the vector's type already says what the long means. */
    static final class Timestamp extends PrimitiveSink {
        private final TimeStampVector vector;

        Timestamp(TimeStampVector vector) {
            this.vector = vector;
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }
    }

    /**
     * Legacy INT96 timestamps: 8 bytes of nanoseconds within the day, then a 4-byte Julian day, both
     * little-endian. Written as microseconds, the unit of Spark (their main writer), whose range
     * covers every Julian day; digits below the microsecond are dropped.
     */
    static final class Int96Timestamp extends PrimitiveSink {
        private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
        private static final long MICROS_PER_DAY = 86_400_000_000L;
        private final TimeStampVector vector;

        Int96Timestamp(TimeStampVector vector) {
            this.vector = vector;
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = bytes.getLong(bytes.position());
            // Signed, and in wrapping arithmetic: Spark computes the day from microseconds since the
            // Julian epoch, which wraps past year ~292000; the same wrap here gives its value back.
            long julianDay = bytes.getInt(bytes.position() + 8);
            long micros = julianDay * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L) - JULIAN_DAY_OF_EPOCH * MICROS_PER_DAY;
            vector.setSafe(index, micros);
        }
    }

    /** Decimals up to 38 digits, from INT32, INT64 or big-endian two's complement bytes. */
    static final class Decimal128 extends PrimitiveSink {
        private final DecimalVector vector;

        Decimal128(DecimalVector vector) {
            this.vector = vector;
        }

        @Override
        public void addInt(int value) {
            vector.setSafe(index, value);
        }

        @Override
        public void addLong(long value) {
            vector.setSafe(index, value);
        }

        @Override
        public void addBinary(Binary value) {
            vector.setBigEndianSafe(index, TwosComplement.fit(BinaryBytes.of(value), 16));
        }
    }

    /** Decimals of 39 to 76 digits. */
    static final class Decimal256 extends PrimitiveSink {
        private final Decimal256Vector vector;

        Decimal256(Decimal256Vector vector) {
            this.vector = vector;
        }

        @Override
        public void addBinary(Binary value) {
            vector.setBigEndianSafe(index, TwosComplement.fit(BinaryBytes.of(value), 32));
        }
    }

    /** Strings and binaries; dictionary pages are decoded once per dictionary, not once per value. */
    static final class VariableWidth extends PrimitiveSink {
        private final BaseVariableWidthVector vector;
        private byte[][] dictionary;

        VariableWidth(BaseVariableWidthVector vector) {
            this.vector = vector;
        }

        @Override
        public void addBinary(Binary value) {
            ByteBuffer bytes = value.toByteBuffer();
            vector.setSafe(index, bytes, bytes.position(), bytes.remaining());
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary parquetDictionary) {
            dictionary = new byte[parquetDictionary.getMaxId() + 1][];
            for (int id = 0; id < dictionary.length; id++) {
                dictionary[id] = BinaryBytes.of(parquetDictionary.decodeToBinary(id));
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            vector.setSafe(index, dictionary[dictionaryId]);
        }
    }

    static final class FixedWidthBinary extends PrimitiveSink {
        private final FixedSizeBinaryVector vector;

        FixedWidthBinary(FixedSizeBinaryVector vector) {
            this.vector = vector;
        }

        @Override
        public void addBinary(Binary value) {
            vector.setSafe(index, BinaryBytes.of(value));
        }
    }
}
