package dev.charton.input.csv;

import org.apache.arrow.vector.DecimalVector;

import java.math.BigDecimal;

/** Integers beyond int64 (up to 38 digits), kept exactly as decimal128 with scale 0. */
final class DecimalConsumer extends ColumnConsumer<DecimalVector> {
    DecimalConsumer(DecimalVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    void set(int row, String text) {
        vector.setSafe(row, new BigDecimal(text));
    }
}
