package dev.charton.bench;

import dev.charton.pipeline.stats.BoxStats;
import dev.charton.pipeline.stats.DoubleSpill;
import dev.charton.pipeline.stats.FlierThinning;
import dev.charton.pipeline.stats.HistogramBins;
import dev.charton.pipeline.stats.Quantiles;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The exact statistics over many values in a small heap (bench/stats_memory.sh runs it with
 * -Xmx256m): spilling them, one plain pass, the quartiles, histogram edges and counts, and a box.
 * Prints the seconds of each step.
 */
public final class StatsMemoryBenchmark {
    private StatsMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        SplittableRandom random = new SplittableRandom(42);
        try (DoubleSpill values = new DoubleSpill()) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                // Skewed, with a heap of duplicates: what trips a selection up.
                values.add(i % 10 == 0 ? 3.0 : Math.exp(random.nextDouble() * 8));
            }
            start = report("spill " + count + " values", start);
            double[] sum = new double[1];
            values.forEachBlock((block, length) -> {
                for (int i = 0; i < length; i++) {
                    sum[0] += block[i];
                }
            });
            start = report("one pass over them (sum " + sum[0] + ")", start);
            double[] quartiles = Quantiles.percentiles(values, 25, 50, 75);
            start = report("quartiles " + Arrays.toString(quartiles), start);
            HistogramBins bins = HistogramBins.of(values, null);
            start = report(bins.count() + " auto bins", start);
            long[] counts = bins.counts(values);
            start = report("bin counts (first " + counts[0] + ")", start);
            BoxStats box = BoxStats.of(values, new FlierThinning(values.min(), values.max(), 600));
            report("box (" + box.fliers().length + " fliers kept)", start);
        }
    }

    private static long report(String step, long start) {
        long now = System.nanoTime();
        System.out.printf("%-60s %7.2f s%n", step, (now - start) / 1e9);
        return now;
    }
}
