package dev.charton.input.csv;

import org.apache.arrow.vector.TimeStampVector;

/**
 * Timestamps as microseconds since the epoch: naive ones as written (an ISO date is its midnight),
 * ones with an offset or zone converted to UTC, and naive ones in a column with offsets taken as
 * UTC. Naive ones not in ISO form are read by the column's layout.
 */
final class TimestampConsumer extends ColumnConsumer<TimeStampVector> {
    private final boolean withOffset;
    private final DatePattern pattern;

    TimestampConsumer(TimeStampVector vector, NullTokens nulls, boolean withOffset, DatePattern pattern) {
        super(vector, nulls);
        this.withOffset = withOffset;
        this.pattern = pattern;
    }

    /** Naive timestamps take the microseconds classification parsed ({@link RowChunk#parsed}). */
    @Override
    boolean takesParsed() {
        return !withOffset;
    }

    @Override
    void setParsed(int row, long micros) {
        vector.setSafe(row, micros);
    }

    @Override
    void set(int row, String text) {
        long micros;
        if (!withOffset) {
            micros = TextValues.naiveMicros(text);
        } else {
            micros = TextValues.parseTimestamp(text, true);
            if (micros == TextValues.NOT_A_VALUE) {
                micros = TextValues.parseTimestamp(text, false);
            }
        }
        if (micros == TextValues.NOT_A_VALUE && pattern != null && (withOffset || text.length() != 10)) {
            micros = pattern.micros(text);
        }
        if (micros == TextValues.NOT_A_VALUE) {
            throw notA("a timestamp", text);
        }
        vector.setSafe(row, micros);
    }
}
