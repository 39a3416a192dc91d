package dev.charton.input.csv;

import org.apache.arrow.vector.DateDayVector;

/** ISO dates, and dates in the column's detected or given layout, as days since 1970-01-01. */
final class DateConsumer extends ColumnConsumer<DateDayVector> {
    private final DatePattern pattern;

    DateConsumer(DateDayVector vector, NullTokens nulls, DatePattern pattern) {
        super(vector, nulls);
        this.pattern = pattern;
    }

    @Override
    void set(int row, String text) {
        long day = text.length() == 10 ? TextValues.isoDateToEpochDay(text) : TextValues.NOT_A_VALUE;
        if (day == TextValues.NOT_A_VALUE && pattern != null) {
            day = pattern.epochDay(text);
        }
        if (day == TextValues.NOT_A_VALUE) {
            throw notA("a date", text);
        }
        vector.setSafe(row, (int) day);
    }
}
