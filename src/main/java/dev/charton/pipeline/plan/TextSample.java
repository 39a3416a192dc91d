package dev.charton.pipeline.plan;

import dev.charton.input.csv.TextKinds;

import java.util.List;
import java.util.Optional;

/**
 * The first values of a text column whose reader did not look at them (Parquet, Arrow, a query): do
 * at least 90% of them read as numbers or as times? Then a chart of them as categories would be
 * wrong in silence. The word names the --type that reads the column as numbers or times.
 */
final class TextSample {
    /** How many values are looked at, at most: the CSV reader's sample too. */
    static final int SIZE = 10_000;
    private static final double REFUSED_SHARE = 0.9;

    /** The first values (nulls left out) of a text column, or an empty list for a column that is no text. */
    @FunctionalInterface
    interface Values {
        List<String> of(String column);
    }

    private TextSample() {
    }

    /** What the values of {@code column} read as and how to read them so, when at least 90% read as numbers or as times. */
    static Optional<String> readsAs(String column, List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String number = null;
        String time = null;
        int numbers = 0;
        int times = 0;
        for (String value : values) {
            if (TextKinds.readsAsNumber(value)) {
                numbers++;
                number = number == null ? value : number;
            } else if (TextKinds.readsAsTime(value)) {
                times++;
                time = time == null ? value : time;
            }
        }
        if (numbers >= REFUSED_SHARE * values.size()) {
            return Optional.of(share(numbers, values.size()) + " look like numbers (" + quoted(number)
                    + "); read them as numbers with --type " + column + "=float64, or store the column as numbers");
        }
        if (times >= REFUSED_SHARE * values.size()) {
            return Optional.of(share(times, values.size()) + " look like dates or times (" + quoted(time)
                    + "); read them as times with --type " + column + "=timestamp, or store the column as timestamps");
        }
        return Optional.empty();
    }

    private static String share(int count, int looked) {
        String first = looked == SIZE ? "the first " : "";
        return count == looked ? "all " + first + looked + " values" : count + " of " + first + looked + " values";
    }

    private static String quoted(String value) {
        return "'" + TextKinds.abbreviated(value) + "'";
    }
}
