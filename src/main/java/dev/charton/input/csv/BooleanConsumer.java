package dev.charton.input.csv;

import org.apache.arrow.vector.BitVector;

/** true/false in any letter case, into a bit vector. */
final class BooleanConsumer extends ColumnConsumer<BitVector> {
    BooleanConsumer(BitVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    void set(int row, String text) {
        int value = TextValues.parseBoolean(text);
        if (value < 0) {
            throw notA("a boolean", text);
        }
        vector.setSafe(row, value);
    }
}
