package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Ranks are positions in the sorted values: Arrays.sort is the definition to check against. */
class RankSelectionTest {
    @Test
    void findsRanksInBucketsTooBigToCollectAndInRangesTooWideToSubtract() throws IOException {
        Random random = new Random(13);
        int size = 3 * RankSelection.COLLECT_LIMIT;
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            // Extremes near the largest doubles, and the rest in a handful of ulps around 1.
            values[i] = i % 100 == 0 ? (random.nextBoolean() ? 1 : -1) * Double.MAX_VALUE * random.nextDouble()
                    : 1 + Math.ulp(1.0) * random.nextInt(5);
        }
        long[] ranks = {0, 1, size / 7, size / 2, size / 2 + 1, size - 2, size - 1};
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] expected = Arrays.stream(ranks).mapToDouble(rank -> sorted[(int) rank]).toArray();
        try (DoubleSpill spill = Datasets.spill(values, 50_000)) {
            assertArrayEquals(expected, RankSelection.select(spill, ranks));
        }
    }
}
