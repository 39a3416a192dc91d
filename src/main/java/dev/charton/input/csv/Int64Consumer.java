package dev.charton.input.csv;

import org.apache.arrow.vector.BigIntVector;

/** Integers that fit in 64 bits. */
final class Int64Consumer extends ColumnConsumer<BigIntVector> {
    Int64Consumer(BigIntVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    /** Integers take the values classification parsed ({@link RowChunk#parsed}). */
    @Override
    boolean takesParsed() {
        return true;
    }

    @Override
    void setParsed(int row, long value) {
        vector.setSafe(row, value);
    }

    @Override
    void set(int row, String text) {
        vector.setSafe(row, Long.parseLong(text));
    }
}
