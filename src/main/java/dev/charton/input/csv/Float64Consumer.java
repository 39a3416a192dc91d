package dev.charton.input.csv;

import org.apache.arrow.vector.Float8Vector;

/** Decimal numbers, and integers in a column that also has fractions. */
final class Float64Consumer extends ColumnConsumer<Float8Vector> {
    Float64Consumer(Float8Vector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    boolean nanIsNull() {
        return true;
    }

    /** Floats take the values classification parsed ({@link RowChunk#parsed}), as their bits. */
    @Override
    boolean takesParsed() {
        return true;
    }

    @Override
    void setParsed(int row, long bits) {
        vector.setSafe(row, Double.longBitsToDouble(bits));
    }

    @Override
    void set(int row, String text) {
        vector.setSafe(row, TextValues.parseDouble(text));
    }
}
