package dev.charton.pipeline.stats;

import java.io.IOException;

/** Exact quantiles with numpy's default method ({@code np.percentile(values, q)}, method "linear"). */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The percentiles {@code percents} (0 to 100) of the values, as {@code np.percentile} computes
     * them: the value at virtual index (n - 1) * q interpolated between its two neighbours. NaN for
     * no values.
     */
    public static double[] percentiles(DoubleSource source, double... percents) throws IOException {
        long n = source.count();
        double[] results = new double[percents.length];
        if (n == 0) {
            java.util.Arrays.fill(results, Double.NaN);
            return results;
        }
        long[] ranks = new long[2 * percents.length];
        double[] gammas = new double[percents.length];
        for (int i = 0; i < percents.length; i++) {
            double virtual = (n - 1) * (percents[i] / 100);
            double below = Math.floor(virtual);
            boolean last = virtual >= n - 1;
            ranks[2 * i] = last ? n - 1 : (long) below;
            ranks[2 * i + 1] = last ? n - 1 : (long) below + 1;
            gammas[i] = virtual - below;
        }
        double[] values = RankSelection.select(source, ranks);
        for (int i = 0; i < percents.length; i++) {
            results[i] = lerp(values[2 * i], values[2 * i + 1], gammas[i]);
        }
        return results;
    }

    /** numpy's interpolation, which computes from the nearer end for accuracy. */
    static double lerp(double a, double b, double t) {
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }
}
