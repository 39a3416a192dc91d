package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counting shortcut for "auto" edges: it may only settle on {@value HistogramBins#MAX_AUTO_BINS}
 * bins where the exact quartiles would cap "auto" to them too. (HistogramBinsIT checks the edges
 * themselves against numpy.)
 */
class HistogramBinsTest {
    @Test
    void theCountsSettleAutoOnlyWhereTheQuartilesWouldCapIt() throws IOException {
        Random random = new Random(11);
        int settled = 0;
        int underTheCap = 0;
        // Sizes and spreads around the cap: "auto" gives from a few dozen to a few hundred bins.
        for (int trial = 0; trial < 400; trial++) {
            int n = 50 + random.nextInt(40_000);
            double tail = random.nextDouble() * 8;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                double g = random.nextGaussian();
                values[i] = random.nextDouble() < 0.02 ? g * tail * 10 : g;
            }
            try (DoubleSpill spill = Datasets.spill(values, 4096)) {
                HistogramBins most = HistogramBins.equal(spill, HistogramBins.MAX_AUTO_BINS);
                boolean settles = most.settleAuto(most.counts(spill), spill.min(), spill.max());
                boolean capped = HistogramBins.autoCount(spill) > HistogramBins.MAX_AUTO_BINS;
                if (settles) {
                    assertTrue(capped, "n " + n + ", tail " + tail + ": settled, but auto gives "
                            + HistogramBins.autoCount(spill) + " bins");
                    settled++;
                } else if (!capped) {
                    underTheCap++;
                }
            }
        }
        assertTrue(settled > 100, "the shortcut is taken: " + settled + " of 400");
        assertTrue(underTheCap > 20, "the sets span the cap: " + underTheCap + " get fewer bins");
    }

    @Test
    void fewValuesOrNoSpreadAreLeftToTheQuartiles() throws IOException {
        try (DoubleSpill same = Datasets.spill(new double[] {3, 3, 3, 3}, 10);
             DoubleSpill two = Datasets.spill(new double[] {1, 2}, 10)) {
            HistogramBins sameBins = HistogramBins.equal(same, HistogramBins.MAX_AUTO_BINS);
            assertFalse(sameBins.settleAuto(sameBins.counts(same), 3, 3));
            HistogramBins twoBins = HistogramBins.equal(two, HistogramBins.MAX_AUTO_BINS);
            assertFalse(twoBins.settleAuto(twoBins.counts(two), 1, 2));
            assertEquals(1, HistogramBins.of(same, null).count());
        }
    }
}
