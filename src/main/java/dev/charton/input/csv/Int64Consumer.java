package dev.charton.input.csv;

import org.apache.arrow.vector.BigIntVector;

/** Integers that fit in 64 bits. */
final class Int64Consumer extends ColumnConsumer<BigIntVector> {
    Int64Consumer(BigIntVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    void set(int row, String text) {
        vector.setSafe(row, Long.parseLong(text));
    }
}
