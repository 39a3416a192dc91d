package dev.charton.input.csv;

import org.apache.arrow.vector.IntVector;

/** Text with few distinct values, as int32 indices into the column's fixed dictionary. */
final class DictionaryConsumer extends ColumnConsumer<IntVector> {
    private final DistinctValues dictionary;

    DictionaryConsumer(IntVector indices, NullTokens nulls, DistinctValues dictionary) {
        super(indices, nulls);
        this.dictionary = dictionary;
    }

    @Override
    boolean keepsExactText() {
        return true;
    }

    /** With codes from classification, copies them: no text is looked up twice. */
    @Override
    void convertColumn(RowChunk rows, int source, int[] codes, long[] parsed, int from, int count, int at,
                       String sourceName) {
        if (codes == null) {
            super.convertColumn(rows, source, null, parsed, from, count, at, sourceName);
            return;
        }
        for (int r = 0; r < count; r++) {
            int code = codes[from + r];
            if (code < 0) {
                vector.setNull(at + r);
            } else {
                vector.setSafe(at + r, code);
            }
        }
    }

    @Override
    void set(int row, String text) {
        int position = dictionary.indexOf(text);
        if (position < 0) {
            throw notA("in the column's dictionary", text);
        }
        vector.setSafe(row, position);
    }
}
