package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlierThinningTest {
    @Test
    void keepsTheLeastFlierOfEveryPixelRowThatHasOne() throws IOException {
        double[] values = new Random(5).doubles(500_000).map(v -> Math.exp(v * 12)).toArray();
        FlierThinning thinning = new FlierThinning(0, 170_000, 300);
        try (DoubleSpill spill = Datasets.spill(values, 4096)) {
            BoxStats all = BoxStats.of(spill, null);
            BoxStats thinned = BoxStats.of(spill, thinning);
            assertEquals(all.whishi(), thinned.whishi());
            Set<Integer> rowsWithFliers = Arrays.stream(all.fliers()).mapToObj(thinning::row).collect(Collectors.toSet());
            assertTrue(all.fliers().length > 10 * rowsWithFliers.size(), "the test has many fliers per row");
            double[] expected = rowsWithFliers.stream().sorted()
                    .mapToDouble(row -> Arrays.stream(all.fliers()).filter(v -> thinning.row(v) == row).min().orElseThrow())
                    .toArray();
            assertArrayEquals(expected, thinned.fliers());
        }
    }
}
