package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BoxStatsIT {
    /** q1, median, q3, whislo, whishi, n, then the fliers, from matplotlib itself. */
    private static final String REFERENCE = "from matplotlib import cbook\n"
            + "s = cbook.boxplot_stats(x, whis=1.5)[0]\n"
            + "out = np.concatenate([[s['q1'], s['med'], s['q3'], s['whislo'], s['whishi'], len(x)], s['fliers']])";

    @Test
    void statisticsAreMatplotlibsToTheBit() throws IOException {
        for (Map.Entry<String, double[]> set : Datasets.all().entrySet()) {
            double[] expected = PythonReference.doubles(REFERENCE, set.getValue());
            try (DoubleSpill values = Datasets.spill(set.getValue(), 5000)) {
                BoxStats box = BoxStats.of(values, null);
                double[] actual = {box.q1(), box.median(), box.q3(), box.whislo(), box.whishi(), box.n()};
                assertArrayEquals(Arrays.copyOf(expected, 6), actual, set.getKey());
                assertArrayEquals(Arrays.copyOfRange(expected, 6, expected.length), box.fliers(), set.getKey());
            }
        }
    }
}
