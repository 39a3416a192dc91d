package dev.charton.input;

/**
 * What a format records about a column without its rows being read (Parquet's statistics): the
 * least and greatest of its non-null values, as the numbers its Arrow vector holds (a timestamp's
 * count of its unit, a date's days), and whether any value is null. A column without a value has
 * no range.
 *
 * @param min      the least non-null value (NaN is never a bound)
 * @param max      the greatest non-null value
 * @param hasNulls whether some value of the column is null
 */
public record ColumnRange(double min, double max, boolean hasNulls) {
    public ColumnRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("a range from " + min + " to " + max);
        }
    }

    /** The range of two parts of one column (two row groups). */
    public ColumnRange union(ColumnRange other) {
        return new ColumnRange(Math.min(min, other.min), Math.max(max, other.max), hasNulls || other.hasNulls);
    }
}
