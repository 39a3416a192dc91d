package dev.charton.pipeline.stats;

import java.io.IOException;
import java.util.Arrays;

/**
 * One box's statistics as {@code matplotlib.cbook.boxplot_stats(values, whis=1.5)} computes them:
 * linear-interpolated quartiles, whiskers at the furthest values within 1.5 IQR of the box (the
 * box's edge when none is), the values beyond the whiskers as fliers.
 *
 * @param fliers cbook's order (the low ones, then the high ones, each in the order read) when not
 *               thinned; thinned, one per pixel cell, in increasing order
 */
public record BoxStats(double q1, double median, double q3, double whislo, double whishi, double[] fliers, long n) {
    /** matplotlib's default {@code whis}. */
    public static final double WHISKER_REACH = 1.5;

    /**
     * The statistics of finite values (at least one); {@code thinning} null keeps every flier,
     * which only suits few values.
     */
    public static BoxStats of(DoubleSource values, FlierThinning thinning) throws IOException {
        if (values.count() == 0) {
            throw new IllegalArgumentException("a box needs at least one value");
        }
        double[] quartiles = Quantiles.percentiles(values, 25, 50, 75);
        double q1 = quartiles[0];
        double q3 = quartiles[2];
        double iqr = q3 - q1;
        Whiskers whiskers = new Whiskers(q1 - WHISKER_REACH * iqr, q3 + WHISKER_REACH * iqr, thinning);
        values.forEachBlock(whiskers::scan);
        // Nothing lies between a fence and its whisker, so beyond the fence is beyond the whisker.
        double whislo = whiskers.lowest > q1 ? q1 : whiskers.lowest;
        double whishi = whiskers.highest < q3 ? q3 : whiskers.highest;
        return new BoxStats(q1, quartiles[1], q3, whislo, whishi, whiskers.fliers(), values.count());
    }

    /** One pass: the values nearest the fences from inside, and those beyond them. */
    private static final class Whiskers {
        private final double lowFence;
        private final double highFence;
        private final FlierThinning thinning;
        private final FlierList low = new FlierList();
        private final FlierList high = new FlierList();
        private double lowest = Double.POSITIVE_INFINITY;
        private double highest = Double.NEGATIVE_INFINITY;

        Whiskers(double lowFence, double highFence, FlierThinning thinning) {
            this.lowFence = lowFence;
            this.highFence = highFence;
            this.thinning = thinning == null ? null : thinning.fresh();
        }

        void scan(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                double value = values[i];
                if (value < lowFence) {
                    flier(value, low);
                } else if (value > highFence) {
                    flier(value, high);
                } else {
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
            }
        }

        private void flier(double value, FlierList list) {
            if (thinning != null) {
                thinning.add(value);
            } else {
                list.add(value);
            }
        }

        double[] fliers() {
            if (thinning != null) {
                return thinning.kept();
            }
            double[] all = Arrays.copyOf(low.values, low.size + high.size);
            System.arraycopy(high.values, 0, all, low.size, high.size);
            return all;
        }
    }

    private static final class FlierList {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoxStats box && Double.compare(q1, box.q1) == 0
                && Double.compare(median, box.median) == 0 && Double.compare(q3, box.q3) == 0
                && Double.compare(whislo, box.whislo) == 0 && Double.compare(whishi, box.whishi) == 0
                && Arrays.equals(fliers, box.fliers) && n == box.n;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fliers) + Double.hashCode(median) + Long.hashCode(n);
    }

    @Override
    public String toString() {
        return "BoxStats[q1=" + q1 + ", median=" + median + ", q3=" + q3 + ", whislo=" + whislo + ", whishi="
                + whishi + ", fliers=" + Arrays.toString(fliers) + ", n=" + n + "]";
    }
}
