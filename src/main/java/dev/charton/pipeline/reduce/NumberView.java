package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * A column of one batch read as doubles: numbers as they are, booleans as 0 and 1, dates, times,
 * timestamps and durations as counts of the column's own unit (days, seconds, ...), so values of
 * one column compare and subtract consistently. A float NaN counts as null, as in pandas.
 */
public interface NumberView {
    boolean isNull(int row);

    /** The value of a row that is not null. */
    double get(int row);

    /**
     * The row's value as a long that orders and compares exactly: the raw count for integers and
     * times (a double cannot tell nanosecond timestamps apart), an order-preserving encoding of the
     * double otherwise.
     */
    long key(int row);

    /**
     * The values of rows {@code [0, count)} into {@code out}, NaN for a null row: what a statistic
     * reads a whole batch with, so its loop runs over an array.
     */
    default void values(double[] out, int count) {
        for (int row = 0; row < count; row++) {
            out[row] = isNull(row) ? Double.NaN : get(row);
        }
    }

    /** How many of rows {@code [0, count)} are null (a float NaN included). */
    default long nullCount(int count) {
        long nulls = 0;
        for (int row = 0; row < count; row++) {
            if (isNull(row)) {
                nulls++;
            }
        }
        return nulls;
    }

    /** The {@link #key}s of rows {@code [0, count)} into {@code out}; a null row's is unspecified. */
    default void keys(long[] out, int count) {
        for (int row = 0; row < count; row++) {
            out[row] = isNull(row) ? 0 : key(row);
        }
    }

    /** A long that orders as the double does (and tells -0.0 from 0.0 no more than pandas does). */
    static long orderedBits(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The double of {@link #orderedBits}. */
    static double fromOrderedBits(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /** A view of {@code vector}, or null when its type is not a number or time. */
    static NumberView of(FieldVector vector) {
        if (vector.getField().getDictionary() != null) {
            return null;
        }
        if (vector instanceof Float8Vector doubles) {
            return new Doubles(doubles);
        }
        if (vector instanceof FloatingPointVector floats) {
            return new NumberView() {
                public boolean isNull(int row) {
                    return vector.isNull(row) || Double.isNaN(floats.getValueAsDouble(row));
                }

                public double get(int row) {
                    return floats.getValueAsDouble(row);
                }

                public long key(int row) {
                    return orderedBits(get(row));
                }
            };
        }
        boolean signed = !(vector.getField().getType() instanceof ArrowType.Int integer) || integer.getIsSigned();
        if (signed && (vector instanceof BaseIntVector || isTime(vector.getField().getType()))
                && vector instanceof BaseFixedWidthVector fixed
                && (fixed.getTypeWidth() == Long.BYTES || fixed.getTypeWidth() == Integer.BYTES)) {
            // Signed integers, dates, times, timestamps and durations are 32- or 64-bit counts of their unit.
            return new FixedCounts(fixed);
        }
        if (vector instanceof BaseIntVector ints) {
            return counts(vector, ints::getValueAsLong);
        }
        if (vector instanceof BitVector bits) {
            return counts(vector, bits::get);
        }
        if (vector instanceof DecimalVector decimals) {
            return decimals(vector, row -> decimals.getObject(row).doubleValue());
        }
        if (vector instanceof Decimal256Vector decimals) {
            return decimals(vector, row -> decimals.getObject(row).doubleValue());
        }
        return null;
    }

    /** A float64 column, read from its buffers. */
    final class Doubles implements NumberView {
        /** The values {@link #nullCount} reads at a time: a few pages, so the block stays in the cache. */
        private static final int BLOCK = 4096;
        private final Float8Vector vector;
        private final ArrowBuf data;
        private final boolean noNulls;

        Doubles(Float8Vector vector) {
            this.vector = vector;
            this.data = vector.getDataBuffer();
            this.noNulls = vector.getNullCount() == 0;
        }

        public boolean isNull(int row) {
            return !noNulls && vector.isNull(row) || Double.isNaN(get(row));
        }

        public double get(int row) {
            return data.getDouble((long) row * Double.BYTES);
        }

        public long key(int row) {
            return orderedBits(get(row));
        }

        @Override
        public void values(double[] out, int count) {
            data.nioBuffer(0, count * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out, 0, count);
            if (!noNulls) {
                markNulls(vector, out, count);
            }
        }

        /** Counts NaN (nulls read as NaN) a block at a time through a small array: C1 compiles no faster loop. */
        @Override
        public long nullCount(int count) {
            double[] block = new double[Math.min(count, BLOCK)];
            long nulls = 0;
            for (int start = 0; start < count; start += block.length) {
                int length = Math.min(block.length, count - start);
                data.nioBuffer((long) start * Double.BYTES, length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                        .asDoubleBuffer().get(block, 0, length);
                for (int i = 0; i < length; i++) {
                    double value = block[i];
                    if (value != value) {
                        nulls++;
                    }
                }
            }
            // A null slot's bytes may be any number, so nulls not already counted as NaN are counted apart.
            if (!noNulls) {
                for (int row = 0; row < count; row++) {
                    if (vector.isNull(row) && !Double.isNaN(get(row))) {
                        nulls++;
                    }
                }
            }
            return nulls;
        }

        @Override
        public void keys(long[] out, int count) {
            DoubleBuffer values = data.nioBuffer(0, count * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            for (int row = 0; row < count; row++) {
                out[row] = orderedBits(values.get(row));
            }
        }
    }

    /** A column of 32- or 64-bit signed counts, read from its buffers. */
    final class FixedCounts implements NumberView {
        private final BaseFixedWidthVector vector;
        private final ArrowBuf data;
        private final boolean wide;
        private final boolean noNulls;

        FixedCounts(BaseFixedWidthVector vector) {
            this.vector = vector;
            this.data = vector.getDataBuffer();
            this.wide = vector.getTypeWidth() == Long.BYTES;
            this.noNulls = vector.getNullCount() == 0;
        }

        public boolean isNull(int row) {
            return !noNulls && vector.isNull(row);
        }

        @Override
        public long nullCount(int count) {
            return noNulls ? 0 : BitVectorHelper.getNullCount(vector.getValidityBuffer(), count);
        }

        public double get(int row) {
            return key(row);
        }

        public long key(int row) {
            return wide ? data.getLong((long) row * Long.BYTES) : data.getInt((long) row * Integer.BYTES);
        }

        @Override
        public void keys(long[] out, int count) {
            if (wide) {
                data.nioBuffer(0, count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out, 0, count);
            } else {
                IntBuffer counts = data.nioBuffer(0, count * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                for (int row = 0; row < count; row++) {
                    out[row] = counts.get(row);
                }
            }
        }

        @Override
        public void values(double[] out, int count) {
            if (wide) {
                LongBuffer counts = data.nioBuffer(0, count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
                for (int row = 0; row < count; row++) {
                    out[row] = counts.get(row);
                }
            } else {
                IntBuffer counts = data.nioBuffer(0, count * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                for (int row = 0; row < count; row++) {
                    out[row] = counts.get(row);
                }
            }
            if (!noNulls) {
                markNulls(vector, out, count);
            }
        }
    }

    private static void markNulls(FieldVector vector, double[] out, int count) {
        for (int row = 0; row < count; row++) {
            if (vector.isNull(row)) {
                out[row] = Double.NaN;
            }
        }
    }

    private static boolean isTime(ArrowType type) {
        return type instanceof ArrowType.Date || type instanceof ArrowType.Time || type instanceof ArrowType.Timestamp
                || type instanceof ArrowType.Duration;
    }

    /** Values that are whole counts (integers, booleans, times in their unit). */
    private static NumberView counts(FieldVector vector, IntToLongFunction count) {
        return new NumberView() {
            public boolean isNull(int row) {
                return vector.isNull(row);
            }

            public double get(int row) {
                return count.applyAsLong(row);
            }

            public long key(int row) {
                return count.applyAsLong(row);
            }
        };
    }

    private static NumberView decimals(FieldVector vector, IntToDoubleFunction value) {
        return new NumberView() {
            public boolean isNull(int row) {
                return vector.isNull(row);
            }

            public double get(int row) {
                return value.applyAsDouble(row);
            }

            public long key(int row) {
                return orderedBits(get(row));
            }
        };
    }
}
