package dev.charton.input.csv;

import org.apache.arrow.vector.TimeStampVector;

/**
 * ISO timestamps as microseconds since the epoch: naive ones as written (an ISO date is its
 * midnight), ones with an offset or Z converted to UTC.
 */
final class TimestampConsumer extends ColumnConsumer<TimeStampVector> {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final boolean withOffset;

    TimestampConsumer(TimeStampVector vector, NullTokens nulls, boolean withOffset) {
        super(vector, nulls);
        this.withOffset = withOffset;
    }

    @Override
    void set(int row, String text) {
        long micros;
        if (!withOffset && text.length() == 10) {
            long day = TextValues.isoDateToEpochDay(text);
            micros = day == TextValues.NOT_A_VALUE ? day : day * MICROS_PER_DAY;
        } else {
            micros = TextValues.parseTimestamp(text, withOffset);
        }
        if (micros == TextValues.NOT_A_VALUE) {
            throw notA("a timestamp", text);
        }
        vector.setSafe(row, micros);
    }
}
