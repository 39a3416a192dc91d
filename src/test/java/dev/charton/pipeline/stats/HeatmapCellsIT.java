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
    void temporalAxisIsCalendarBinsOfPython() {
        Random random = new Random(7);
        long year = 365L * 24 * 3600;
        for (String unit : new String[] {"ns", "us", "ms", "s"}) {
            long perSecond = switch (unit) {
                case "ns" -> 1_000_000_000L;
                case "us" -> 1_000_000L;
                case "ms" -> 1_000L;
                default -> 1L;
            };
            long nanosPerUnit = 1_000_000_000L / perSecond;
            // From under a second to two centuries, before the epoch too.
            for (long startSecond : new long[] {1_330_473_599L, -86_400L * 400 - 1}) {
                for (long span : new long[] {0, 40, 3600, 40 * 24 * 3600L, 3 * year, 200 * year}) {
                    long spanUnits = span == 0 ? perSecond / 2 : span * perSecond;
                    if (spanUnits < 2) {
                        continue;
                    }
                    long start = startSecond * perSecond;
                    long[] values = random.longs(2000, 0, spanUnits).map(v -> start + v).toArray();
                    values[0] = start;
                    values[1] = start + spanUnits;
                    for (int count : new int[] {3, 10, 50}) {
                        long[] expected = PythonReference.longs("from chartonpy import calendar_bins\n"
                                + "step, edges = calendar_bins.calendar_edges(int(x.min()), int(x.max()), " + nanosPerUnit
                                + ", " + count + ")\n"
                                + "out = [len(edges)] + edges + list(np.searchsorted(np.asarray(edges), x, side='right') - 1)",
                                values);
                        CalendarCells cells = CalendarCells.of(start, start + spanUnits, nanosPerUnit, count);
                        String what = unit + ", from " + startSecond + " s, span " + span + " s, " + count + " bins, "
                                + cells.step();
                        int edgeCount = (int) expected[0];
                        assertArrayEquals(Arrays.copyOfRange(expected, 1, 1 + edgeCount), cells.edges(), what);
                        long[] bins = Arrays.stream(values).map(cells::binOf).toArray();
                        assertArrayEquals(Arrays.copyOfRange(expected, 1 + edgeCount, expected.length), bins, what);
                    }
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
