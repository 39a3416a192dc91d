package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HeatmapCellsIT {
    @Test
    void numericAxisIsGrammarsRoundEdgesAndPandasMembership() throws IOException {
        for (Map.Entry<String, double[]> set : Datasets.all().entrySet()) {
            double[] values = set.getValue();
            double low = Arrays.stream(values).min().orElseThrow();
            double high = Arrays.stream(values).max().orElseThrow();
            if (low == high) {
                continue; // grammar bins an axis only with more than 50 distinct values
            }
            for (int count : new int[] {3, 10, 64}) {
                double[] expected = PythonReference.doubles("import pandas as pd\nfrom chartonpy import grammar\n"
                        + "edges = grammar._round_edges(x.min(), x.max(), " + count + ")\n"
                        + "codes = pd.cut(pd.Series(x), edges, right=False).cat.codes.to_numpy()\n"
                        + "out = np.concatenate([[len(edges)], edges, codes])", values);
                NumericCells cells = NumericCells.of(low, high, count);
                int edgeCount = (int) expected[0];
                assertArrayEquals(Arrays.copyOfRange(expected, 1, 1 + edgeCount), cells.edges(), set.getKey());
                double[] bins = Arrays.stream(values).map(cells::binOf).toArray();
                assertArrayEquals(Arrays.copyOfRange(expected, 1 + edgeCount, expected.length), bins, set.getKey());
            }
        }
    }

    @Test
    void temporalAxisIsPandasCut() {
        Random random = new Random(7);
        long year = 365L * 24 * 3600;
        for (String unit : new String[] {"ns", "us", "s"}) {
            long perSecond = switch (unit) {
                case "ns" -> 1_000_000_000L;
                case "us" -> 1_000_000L;
                default -> 1L;
            };
            // Spans beyond 2^53 units too, where pandas' last edge falls short of the greatest value.
            for (long span : new long[] {3600, 40 * 24 * 3600L, 3 * year, 200 * year}) {
                long start = 1_500_000_000L * perSecond;
                long[] values = random.longs(5000, 0, span * perSecond).map(v -> start + v).toArray();
                values[0] = start;
                values[1] = start + span * perSecond;
                for (int count : new int[] {3, 10, 50}) {
                    long[] expected = PythonReference.longs("import pandas as pd\n"
                            + "c = pd.cut(pd.Series(x.astype('datetime64[" + unit + "]')), " + count + ")\n"
                            + "out = np.concatenate([c.cat.categories.left.asi8, c.cat.categories.right.asi8[-1:],"
                            + " c.cat.codes.to_numpy()])", values);
                    TemporalCells cells = TemporalCells.of(start, start + span * perSecond, count);
                    String what = unit + ", span " + span + " s, " + count + " bins";
                    assertArrayEquals(Arrays.copyOf(expected, count + 1), cells.edges(), what);
                    long[] bins = Arrays.stream(values).map(cells::binOf).toArray();
                    assertArrayEquals(Arrays.copyOfRange(expected, count + 1, expected.length), bins, what);
                }
            }
        }
    }

    @Test
    void distinctCountAgreesWithPandasNunique() {
        Random random = new Random(11);
        for (int distinct : new int[] {1, 49, 50, 51, 52, 5000}) {
            double[] values = random.ints(20_000, 0, distinct).asDoubleStream().map(v -> v == 0 ? -0.0 : v / 7).toArray();
            values[values.length - 1] = 0.0;
            double[] expected = PythonReference.doubles("import pandas as pd\nout = [pd.Series(x).nunique() > 50]", values);
            DistinctCount count = new DistinctCount(DistinctCount.HEATMAP_CELLS);
            Arrays.stream(values).forEach(count::add);
            assertEquals(expected[0] == 1, count.exceedsLimit(), distinct + " distinct values");
        }
    }
}
