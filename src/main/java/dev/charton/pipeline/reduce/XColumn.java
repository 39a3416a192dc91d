package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ColumnType;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A continuous x: the --x column (a number or time, read as a double for placing rows), or without
 * --x the row number. A kept row's x is written to the output from its key.
 */
final class XColumn {
    private final String name;
    private final Field outputField;
    /** Whether a key is {@link NumberView#orderedBits} of a double (floats, decimals) rather than a count. */
    private final boolean keyIsBits;
    private FieldVector vector;
    private NumberView view;
    private long firstRow;

    XColumn(String name, Schema schema) {
        this.name = name;
        Field input = name == null ? null : schema.findField(name);
        this.outputField = input == null
                ? new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)
                : new Field("x", new FieldType(true, input.getType(), null, input.getMetadata()), input.getChildren());
        this.keyIsBits = input != null && (input.getType() instanceof ArrowType.FloatingPoint
                || input.getType() instanceof ArrowType.Decimal);
    }

    /** Whether {@code name} can be an x read as positions: none (the row number), a number or a time. */
    static boolean continuous(String name, Schema schema) {
        return name == null || ColumnType.of(schema.findField(name)).continuous();
    }

    /** Reads the next batch, whose first row is the {@code firstRow}-th of the table. */
    void bind(VectorSchemaRoot batch, long firstRow) {
        this.firstRow = firstRow;
        if (name != null) {
            vector = batch.getVector(name);
            view = NumberView.of(vector);
        }
    }

    boolean isNull(int row) {
        return view != null && view.isNull(row);
    }

    /**
     * Whether {@link #isNull} must be asked row by row: some row of the batch is null, or the view is
     * one whose keys do not show a NaN (a float32's). A float64's NaN shows in {@link #valueOfKey}.
     */
    boolean hasNulls() {
        return view != null && (vector.getNullCount() > 0
                || !(view instanceof NumberView.Doubles || view instanceof NumberView.FixedCounts));
    }

    /** The {@link #key}s of rows {@code [0, count)} of the batch into {@code out}; a null row's is unspecified. */
    void keys(long[] out, int count) {
        if (view == null) {
            for (int row = 0; row < count; row++) {
                out[row] = firstRow + row;
            }
        } else {
            view.keys(out, count);
        }
    }

    /** The row's x as a long that orders exactly (see {@link NumberView#key}). */
    long key(int row) {
        return view == null ? firstRow + row : view.key(row);
    }

    /** A vector of the output's x type, for kept values. */
    FieldVector newVector(org.apache.arrow.memory.BufferAllocator allocator) {
        return outputField.createVector(allocator);
    }

    /** The x value (as {@link #value}) of a {@link #key}. */
    double valueOfKey(long key) {
        return keyIsBits ? NumberView.fromOrderedBits(key) : key;
    }

    /** The x values of {@code keys[from, to)} into {@code out[from, to)}, as {@link #valueOfKey}. */
    void valuesOfKeys(long[] keys, double[] out, int from, int to) {
        if (keyIsBits) {
            for (int i = from; i < to; i++) {
                out[i] = NumberView.fromOrderedBits(keys[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                out[i] = keys[i];
            }
        }
    }

    /** Whether every key of a batch without nulls is an x to draw: it counts, so it is never NaN. */
    boolean keysAreCounts() {
        return !keyIsBits;
    }

    /**
     * Writes the x of a {@link #key} into {@code target} (from {@link #newVector}) at {@code index}:
     * exactly, except a decimal, which gets the double's value at its scale.
     */
    void writeKey(FieldVector target, int index, long key) {
        if (target instanceof BaseIntVector ints) {
            ints.setWithPossibleTruncate(index, key);
        } else if (target instanceof Float8Vector doubles) {
            doubles.setSafe(index, NumberView.fromOrderedBits(key));
        } else if (target instanceof Float4Vector floats) {
            floats.setSafe(index, (float) NumberView.fromOrderedBits(key));
        } else if (target instanceof DecimalVector decimals) {
            decimals.setSafe(index, decimal(key, decimals.getScale()));
        } else if (target instanceof Decimal256Vector decimals) {
            decimals.setSafe(index, decimal(key, decimals.getScale()));
        } else if (target instanceof BaseFixedWidthVector times) {
            // Dates and timestamps: a 32- or 64-bit count of their unit, as NumberView read it.
            while (index >= times.getValueCapacity()) {
                times.reAlloc();
            }
            if (times.getTypeWidth() == Integer.BYTES) {
                times.getDataBuffer().setInt((long) index * Integer.BYTES, (int) key);
            } else {
                times.getDataBuffer().setLong((long) index * Long.BYTES, key);
            }
            BitVectorHelper.setBit(times.getValidityBuffer(), index);
        } else {
            throw new IllegalStateException("no x of type " + target.getField().getType());
        }
    }

    private static BigDecimal decimal(long key, int scale) {
        return BigDecimal.valueOf(NumberView.fromOrderedBits(key)).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
