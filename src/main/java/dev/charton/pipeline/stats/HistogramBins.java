package dev.charton.pipeline.stats;

import java.io.IOException;
import java.util.Arrays;

/**
 * A histogram's bin edges as charton's grammar chooses them ({@code np.histogram_bin_edges} with
 * "auto", recomputed with {@value #MAX_AUTO_BINS} equal bins when "auto" gives more, or a given
 * count), and the bin of a value as {@code np.histogram(values, edges)} counts it.
 */
public final class HistogramBins {
    /** grammar.MAX_AUTO_BINS. */
    public static final int MAX_AUTO_BINS = 100;

    private final double[] edges;
    private final double first;
    private final double scale;

    private HistogramBins(double[] edges) {
        this.edges = edges;
        this.first = edges[0];
        this.scale = (edges.length - 1) / (edges[edges.length - 1] - edges[0]);
    }

    /** The edges grammar._bin_edges chooses: {@code bins} equal bins, or "auto" when it is null. */
    public static HistogramBins of(DoubleSource values, Integer bins) throws IOException {
        if (bins != null) {
            return equal(values, bins);
        }
        // One counting pass usually settles "auto" for many values; the quartiles take several.
        HistogramBins most = equal(values, MAX_AUTO_BINS);
        if (most.settleAuto(most.counts(values), values.min(), values.max())) {
            return most;
        }
        HistogramBins auto = equal(values, autoCount(values));
        return auto.count() <= MAX_AUTO_BINS ? auto : equal(values, MAX_AUTO_BINS);
    }

    /** {@code np.histogram_bin_edges(values, count)}. */
    public static HistogramBins equal(DoubleSource values, int count) {
        return values.count() == 0 ? equal(0, 1, count) : equal(values.min(), values.max(), count);
    }

    /** {@code np.histogram_bin_edges(values, count)} of values from {@code min} to {@code max}. */
    public static HistogramBins equal(double min, double max, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of bins must be positive: " + count);
        }
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = Linspace.of(first, last, count + 1);
        for (int i = 1; i < edges.length; i++) {
            if (edges[i - 1] >= edges[i]) {
                throw new IllegalArgumentException("too many bins (" + count + ") for the range of the values");
            }
        }
        return new HistogramBins(edges);
    }

    /**
     * Whether these are the edges "auto" gives the values they counted ({@code counts}, from
     * {@code min} to {@code max}): true when these are {@value #MAX_AUTO_BINS} equal bins and the
     * counts alone show that "auto" would choose more, so it is capped to these. The quartiles lie
     * in the bins holding their ranks, which bounds the interquartile range and so the
     * Freedman-Diaconis width; the other widths need only the count and range. False when the counts
     * do not settle it: then the exact quartiles do.
     */
    public boolean settleAuto(long[] counts, double min, double max) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double range = max - min;
        if (count() != MAX_AUTO_BINS || n < 2 || !(range > 0)) {
            return false;
        }
        // np.percentile interpolates between the values of ranks floor((n - 1) q) and ceil((n - 1) q).
        int lowerQuartileBin = binOfRank(counts, (long) Math.floor((n - 1) * 0.25));
        int upperQuartileBin = binOfRank(counts, (long) Math.ceil((n - 1) * 0.75));
        double widestQuartileRange = edges[upperQuartileBin + 1] - edges[lowerQuartileBin];
        double widestFreedmanDiaconis = 2.0 * widestQuartileRange * CountMath.pow(n, -1.0 / 3.0);
        double halfSquareRoot = range / Math.sqrt(n) / 2;
        // autoCount's width is at most the larger of these; below range / MAX_AUTO_BINS it gives more bins.
        return Math.max(widestFreedmanDiaconis, halfSquareRoot) * (1 + 1e-9) < range / MAX_AUTO_BINS;
    }

    private static int binOfRank(long[] counts, long rank) {
        long before = 0;
        for (int bin = 0; bin < counts.length; bin++) {
            before += counts[bin];
            if (rank < before) {
                return bin;
            }
        }
        return counts.length - 1;
    }

    /**
     * numpy's "auto" bin count: the range over the smaller of the Sturges width and the
     * Freedman-Diaconis width (the latter at least half the square-root rule's), one bin when the
     * width is 0.
     */
    static int autoCount(DoubleSource values) throws IOException {
        long n = values.count();
        if (n == 0) {
            return 1;
        }
        double[] quartiles = Quantiles.percentiles(values, 75, 25);
        return autoCount(n, values.max() - values.min(), quartiles[0] - quartiles[1]);
    }

    /**
     * The edges "auto" gives {@code n} values (at least one) from {@code min} to {@code max} whose
     * quartiles are {@code q1} and {@code q3}, capped to {@value #MAX_AUTO_BINS} bins: for a statistic
     * an engine computed.
     */
    public static HistogramBins auto(long n, double min, double max, double q1, double q3) {
        int count = autoCount(n, max - min, q3 - q1);
        return equal(min, max, Math.min(count, MAX_AUTO_BINS));
    }

    private static int autoCount(long n, double range, double interquartileRange) {
        double freedmanDiaconis = 2.0 * interquartileRange * CountMath.pow(n, -1.0 / 3.0);
        double sturges = range / (CountMath.log2(n) + 1.0);
        double squareRoot = range / Math.sqrt(n);
        double width = Math.min(Math.max(freedmanDiaconis, squareRoot / 2), sturges);
        // A width of 0 (all values equal) is one bin, over [value - 0.5, value + 0.5].
        return width == 0 ? 1 : (int) Math.ceil(range / width);
    }

    public double[] edges() {
        return edges.clone();
    }

    public int count() {
        return edges.length - 1;
    }

    /**
     * The bin of {@code value}: bin i holds edges[i] <= value < edges[i + 1], the last bin its
     * right edge too; -1 outside the edges. The index from the uniform width is only a first
     * guess (it can be off by one near an edge): the edges decide, as np.histogram's searchsorted.
     */
    public int binOf(double value) {
        int last = edges.length - 1;
        if (!(value >= edges[0] && value <= edges[last])) {
            return -1;
        }
        int bin = (int) ((value - first) * scale);
        bin = Math.max(0, Math.min(last - 1, bin));
        while (bin > 0 && value < edges[bin]) {
            bin--;
        }
        while (bin < last - 1 && value >= edges[bin + 1]) {
            bin++;
        }
        return bin;
    }

    /** The count per bin of the values ({@code np.histogram(values, edges)[0]}). */
    public long[] counts(DoubleSource values) throws IOException {
        long[] counts = new long[count()];
        values.forEachBlock((block, length) -> {
            for (int i = 0; i < length; i++) {
                int bin = binOf(block[i]);
                if (bin >= 0) {
                    counts[bin]++;
                }
            }
        });
        return counts;
    }

    @Override
    public String toString() {
        return "HistogramBins" + Arrays.toString(edges);
    }
}
