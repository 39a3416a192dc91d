package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.DistinctCount;
import dev.charton.pipeline.stats.HistogramBins;
import dev.charton.pipeline.stats.NumericCells;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The reductions of rows an engine already grouped (pipeline/pushdown): one row per group with its
 * keys under the user's column names, the --y column it belongs to ({@value #COLUMN}, an index
 * into --y) and its partial statistics, in order of the group's first row in the table. Java then
 * numbers, orders and writes the groups exactly as it does when it reads every row, so both ways
 * give the same table.
 */
public final class EngineGroups {
    /** The --y column (0 when there is none) of a group. */
    public static final String COLUMN = "charton_column";
    /** Its rows (nulls too). */
    public static final String SIZE = "charton_size";
    /** Its rows with a value. */
    public static final String COUNT = "charton_count";
    public static final String SUM = "charton_sum";
    public static final String MIN = "charton_min";
    public static final String MAX = "charton_max";
    /** A histogram group's bin. */
    public static final String BIN = "charton_bin";

    private EngineGroups() {
    }

    /** Group aggregates (bars; lines, areas and scatters with --agg) from the engine's partial sums. */
    public static Reduction aggregate(ReduceRequest request) {
        return new Aggregate(request, true);
    }

    /**
     * What an engine counted of a heatmap axis instead of Java's first scan.
     *
     * @param many whether it has more than {@value DistinctCount#HEATMAP_CELLS} distinct values (then it is binned)
     * @param low  its least value (a number axis)
     * @param high its greatest value
     */
    public record AxisCounts(boolean many, double low, double high) {
        /** The edges of the axis's intervals when it is binned (a number axis), else empty. */
        public double[] edges(ReduceRequest request) {
            return many ? NumericCells.of(low, high, HeatmapAxis.intervals(request.bins())).edges() : new double[0];
        }

        void decide(HeatmapAxis axis) {
            axis.decide(many, low, high);
        }
    }

    /**
     * A heatmap from an engine's cells: per x cell (a value, or for a binned axis any value of its
     * interval), y cell and panel, the partial statistics of the --color value (or the rows).
     */
    public static Reduction cells(ReduceRequest request, AxisCounts x, AxisCounts y) {
        return new Cells(request, new AxisCounts[]{x, y});
    }

    /** The columns a histogram counts: --y, or without it the --x column. */
    public static List<String> counted(ReduceRequest request) {
        return Bins.counted(request);
    }

    /** A histogram over {@code bins} from the engine's counts ({@value #COUNT}) per series and {@value #BIN}. */
    public static Reduction bins(ReduceRequest request, HistogramBins bins) {
        return (source, allocator) -> countedBins(request, bins, source, allocator);
    }

    private static ReducedTable countedBins(ReduceRequest request, HistogramBins bins, BatchSource source,
                                            BufferAllocator allocator) throws IOException {
        List<String> names = Bins.counted(request);
        try (SeriesColumns series = new SeriesColumns(names, request.color(), request.facet(), source.schema(),
                allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            long[][][] counts = {new long[0][]};
            RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                series.bind(batch, dictionaries);
                Parts parts = new Parts(batch);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    int id = series.id(parts.column(row), row);
                    if (id >= counts[0].length) {
                        counts[0] = Arrays.copyOf(counts[0], id + 1);
                        counts[0][id] = new long[bins.count()];
                    }
                    counts[0][id][parts.bin(row)] += parts.count(row);
                }
            });
            return Bins.write(bins, counts[0], 0, series, out);
        }
    }

    /** The partial statistics of one batch of groups. */
    static final class Parts {
        private final NumberView column;
        private final NumberView size;
        private final NumberView count;
        private final NumberView sum;
        private final NumberView min;
        private final NumberView max;
        private final NumberView bin;

        Parts(VectorSchemaRoot batch) {
            column = view(batch, COLUMN);
            size = view(batch, SIZE);
            count = view(batch, COUNT);
            sum = view(batch, SUM);
            min = view(batch, MIN);
            max = view(batch, MAX);
            bin = view(batch, BIN);
        }

        private static NumberView view(VectorSchemaRoot batch, String name) {
            return batch.getSchema().getFields().stream().anyMatch(f -> f.getName().equals(name))
                    ? NumberView.of(batch.getVector(name)) : null;
        }

        int column(int row) {
            return (int) column.get(row);
        }

        int bin(int row) {
            return (int) bin.get(row);
        }

        long count(int row) {
            return (long) count.get(row);
        }

        void addTo(GroupStats stats, int group, int row) {
            long values = count(row);
            stats.addPart(group, (long) size.get(row), values, values == 0 ? 0 : sum.get(row),
                    values == 0 ? 0 : min.get(row), values == 0 ? 0 : max.get(row));
        }
    }
}
