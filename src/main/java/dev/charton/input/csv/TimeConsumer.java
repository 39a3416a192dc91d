package dev.charton.input.csv;

import org.apache.arrow.vector.TimeMicroVector;

/** Times of day as microseconds since midnight. */
final class TimeConsumer extends ColumnConsumer<TimeMicroVector> {
    TimeConsumer(TimeMicroVector vector, NullTokens nulls) {
        super(vector, nulls);
    }

    @Override
    void set(int row, String text) {
        long micros = TextValues.timeOfDayMicros(text);
        if (micros == TextValues.NOT_A_VALUE) {
            throw notA("a time of day", text);
        }
        vector.setSafe(row, micros);
    }
}
