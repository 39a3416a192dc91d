package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class HistogramBinsIT {
    /** grammar._bin_edges, then np.histogram's counts with those edges; edges and counts in one array. */
    private static String reference(Integer bins) {
        return "from chartonpy import grammar\n"
                + "edges = grammar._bin_edges(x, " + (bins == null ? "None" : bins) + ")\n"
                + "out = np.concatenate([edges, np.histogram(x, edges)[0].astype(float)])";
    }

    @Test
    void edgesAndCountsAreGrammarsToTheBit() throws IOException {
        for (Map.Entry<String, double[]> set : Datasets.all().entrySet()) {
            for (Integer bins : new Integer[] {null, 7, 100, 1000}) {
                double[] expected = PythonReference.doubles(reference(bins), set.getValue());
                try (DoubleSpill values = Datasets.spill(set.getValue(), 1000)) {
                    HistogramBins histogram = HistogramBins.of(values, bins);
                    long[] counts = histogram.counts(values);
                    String what = set.getKey() + ", bins " + bins;
                    int edgeCount = histogram.count() + 1;
                    assertArrayEquals(Arrays.copyOf(expected, (expected.length + 1) / 2), histogram.edges(), what);
                    assertArrayEquals(Arrays.copyOfRange(expected, edgeCount, expected.length),
                            Arrays.stream(counts).asDoubleStream().toArray(), what);
                }
            }
        }
    }

    /** Values one ulp either side of every edge: the bin comes from the edges, not from the width. */
    @Test
    void valuesAtAndBesideEdgesFallInNumpysBins() throws IOException {
        double[] spread = {0.1, 0.7, 1.3, 2.9, 3.3};
        double[] around;
        try (DoubleSpill values = Datasets.spill(spread, 100)) {
            double[] edges = HistogramBins.equal(values, 37).edges();
            around = Arrays.stream(edges).flatMap(e -> Arrays.stream(new double[] {Math.nextDown(e), e, Math.nextUp(e)}))
                    .toArray();
        }
        double[] expected = PythonReference.doubles(
                "edges = np.histogram_bin_edges(x[:5], 37)\nout = np.histogram(x[5:], edges)[0].astype(float)",
                concat(spread, around));
        try (DoubleSpill values = Datasets.spill(spread, 100); DoubleSpill probes = Datasets.spill(around, 10)) {
            long[] counts = HistogramBins.equal(values, 37).counts(probes);
            assertArrayEquals(expected, Arrays.stream(counts).asDoubleStream().toArray());
        }
    }

    static double[] concat(double[] first, double[] second) {
        double[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
