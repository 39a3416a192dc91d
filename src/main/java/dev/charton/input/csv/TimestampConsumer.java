package dev.charton.input.csv;

import org.apache.arrow.vector.TimeStampVector;

/**
 * Timestamps as microseconds since the epoch: naive ones as written (an ISO date is its midnight),
 * ones with an offset or zone converted to UTC, and naive ones in a column with offsets taken as
 * UTC. Naive ones not in ISO form are read by the column's layout.
 */
final class TimestampConsumer extends ColumnConsumer<TimeStampVector> {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final boolean withOffset;
    private final DatePattern pattern;

    TimestampConsumer(TimeStampVector vector, NullTokens nulls, boolean withOffset, DatePattern pattern) {
        super(vector, nulls);
        this.withOffset = withOffset;
        this.pattern = pattern;
    }

    @Override
    void set(int row, String text) {
        long micros;
        if (!withOffset && text.length() == 10) {
            long day = TextValues.isoDateToEpochDay(text);
            micros = day == TextValues.NOT_A_VALUE ? day : day * MICROS_PER_DAY;
        } else {
            micros = TextValues.parseTimestamp(text, withOffset);
            if (micros == TextValues.NOT_A_VALUE && withOffset) {
                micros = TextValues.parseTimestamp(text, false);
            }
            if (micros == TextValues.NOT_A_VALUE && pattern != null) {
                micros = pattern.micros(text);
            }
        }
        if (micros == TextValues.NOT_A_VALUE) {
            throw notA("a timestamp", text);
        }
        vector.setSafe(row, micros);
    }
}
