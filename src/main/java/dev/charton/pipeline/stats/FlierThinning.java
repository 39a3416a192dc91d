package dev.charton.pipeline.stats;

import java.util.Arrays;

/**
 * Keeps one flier per pixel row of the value axis (the least value of each row), so a box's fliers
 * stay as many as the picture can show. Rows split [low, high] evenly; values outside fall in the
 * first or last row.
 */
public final class FlierThinning {
    private final double low;
    private final double high;
    private final int rows;
    private final double[] kept;

    /** @param low the value axis's low end, high its high end, rows the plot area's height in pixels */
    public FlierThinning(double low, double high, int rows) {
        if (!(high > low) || rows < 1) {
            throw new IllegalArgumentException("a value axis [" + low + ", " + high + "] over " + rows + " rows");
        }
        this.low = low;
        this.high = high;
        this.rows = rows;
        this.kept = new double[rows];
        Arrays.fill(kept, Double.NaN);
    }

    /** An empty thinning over the same axis, for another box. */
    public FlierThinning fresh() {
        return new FlierThinning(low, high, rows);
    }

    int row(double value) {
        return (int) Math.max(0, Math.min(rows - 1, Math.floor((value - low) / (high - low) * rows)));
    }

    void add(double value) {
        int row = row(value);
        if (Double.isNaN(kept[row]) || value < kept[row]) {
            kept[row] = value;
        }
    }

    /** The kept fliers, in increasing order. */
    double[] kept() {
        return Arrays.stream(kept).filter(value -> !Double.isNaN(value)).toArray();
    }
}
