package dev.charton.pipeline.reduce;

/**
 * The extent of the values on one axis, then each value's cell among {@code cells} even divisions of
 * it (even in log10 on a logarithmic axis, where values that are not positive are not drawn and fall
 * in the first cell).
 */
final class AxisRange {
    private final boolean log;
    private double low = Double.POSITIVE_INFINITY;
    private double high = Double.NEGATIVE_INFINITY;

    AxisRange(boolean log) {
        this.log = log;
    }

    /** The extent from {@code min} to {@code max}, or null on a log axis where {@code min} is not positive. */
    static AxisRange spanning(double min, double max, boolean log) {
        if (log && !(min > 0)) {
            return null;
        }
        AxisRange range = new AxisRange(log);
        range.add(min);
        range.add(max);
        return range;
    }

    /** Whether both ranges place every value in the same cell: the same ends, on the same kind of axis. */
    boolean sameAs(AxisRange other) {
        return log == other.log && Double.compare(low, other.low) == 0 && Double.compare(high, other.high) == 0;
    }

    /**
     * Whether {@link #add} takes {@code value} into the extent: it has a finite position. The greatest
     * and least such values of many give the same extent as all of them, since log10 never reverses
     * an order.
     */
    boolean placeable(double value) {
        return log ? value > 0 && value < Double.POSITIVE_INFINITY : value - value == 0;
    }

    /** Widens this extent to take in {@code other}'s, as if its values had been added here. */
    void merge(AxisRange other) {
        low = Math.min(low, other.low);
        high = Math.max(high, other.high);
    }

    void add(double value) {
        double position = position(value);
        if (!Double.isNaN(position) && !Double.isInfinite(position)) {
            low = Math.min(low, position);
            high = Math.max(high, position);
        }
    }

    private double position(double value) {
        return log ? (value > 0 ? Math.log10(value) : Double.NaN) : value;
    }

    /** The cell of {@code value}, 0 to cells - 1 (values outside the range are clamped). */
    int cell(double value, int cells) {
        double position = position(value);
        if (!(high > low) || Double.isNaN(position)) {
            return 0;
        }
        return clamped((position - low) / (high - low) * cells, cells);
    }

    /** The {@link #cell} of each of {@code values[from, to)} into {@code out[from, to)}, in one loop without calls. */
    void cells(double[] values, int[] out, int from, int to, int cells) {
        if (log || !(high > low)) {
            for (int i = from; i < to; i++) {
                out[i] = cell(values[i], cells);
            }
            return;
        }
        double span = high - low;
        for (int i = from; i < to; i++) {
            out[i] = clamped((values[i] - low) / span * cells, cells);
        }
    }

    /** floor(cell) clamped to [0, cells - 1] (NaN to 0); a cast truncates, which is the floor from 0 up. */
    private static int clamped(double cell, int cells) {
        return cell >= cells - 1 ? cells - 1 : cell > 0 ? (int) cell : 0;
    }
}
