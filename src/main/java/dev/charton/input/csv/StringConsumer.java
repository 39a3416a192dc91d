package dev.charton.input.csv;

import org.apache.arrow.vector.VarCharVector;

import java.nio.charset.StandardCharsets;

/** Any text, exactly as written, as UTF-8. */
final class StringConsumer extends ColumnConsumer<VarCharVector> {
    StringConsumer(VarCharVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    boolean keepsExactText() {
        return true;
    }

    @Override
    void set(int row, String text) {
        vector.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
    }
}
