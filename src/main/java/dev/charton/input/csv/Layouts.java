package dev.charton.input.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-ISO layouts a file's dates and timestamps are tried against: the user's
 * ({@code --date-format}, which may hold a time of day and then reads timestamps, and
 * {@code --timestamp-format}), else the common ones of {@link DatePattern}.
 */
record Layouts(List<DatePattern> dates, List<DatePattern> timestamps) {
    static final Layouts COMMON = of(null, null);

    static Layouts of(String dateFormat, String timestampFormat) {
        List<DatePattern> dates = new ArrayList<>();
        List<DatePattern> timestamps = new ArrayList<>();
        DatePattern date = dateFormat == null ? null : DatePattern.compile(dateFormat);
        if (date != null) {
            (date.hasTime() ? timestamps : dates).add(date);
        }
        if (timestampFormat != null) {
            timestamps.add(DatePattern.compile(timestampFormat));
        }
        if (dates.isEmpty() && (date == null || date.hasTime())) {
            DatePattern.COMMON.forEach(p -> dates.add(DatePattern.compile(p)));
        }
        if (timestamps.isEmpty()) {
            DatePattern.COMMON_TIMESTAMPS.forEach(p -> timestamps.add(DatePattern.compile(p)));
        }
        return new Layouts(List.copyOf(dates), List.copyOf(timestamps));
    }
}
