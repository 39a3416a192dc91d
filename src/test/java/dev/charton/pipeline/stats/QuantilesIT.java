package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantilesIT {
    private static final double[] PERCENTS = {0, 0.1, 12.5, 25, 50, 75, 99.9, 100};

    @Test
    void percentilesAreNumpysToTheBit() throws IOException {
        for (Map.Entry<String, double[]> set : Datasets.all().entrySet()) {
            double[] expected = PythonReference.doubles("out = np.percentile(x, " + java.util.Arrays.toString(PERCENTS) + ")",
                    set.getValue());
            for (int memory : new int[] {DoubleSpill.DEFAULT_MEMORY_VALUES, 777}) {
                try (DoubleSpill values = Datasets.spill(set.getValue(), memory)) {
                    assertArrayEquals(expected, Quantiles.percentiles(values, PERCENTS),
                            set.getKey() + ", " + memory + " values in memory");
                    assertTrue(memory > set.getValue().length || values.spilled(), "the spill path was taken");
                }
            }
        }
    }
}
