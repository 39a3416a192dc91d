package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.BoxStats;
import dev.charton.pipeline.stats.CalendarCells;
import dev.charton.pipeline.stats.DistinctCount;
import dev.charton.pipeline.stats.HistogramBins;
import dev.charton.pipeline.stats.NumericCells;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

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

    /** A box's statistics row: its quartiles, whiskers and values (null on a flier's row). */
    public static final String Q1 = "charton_q1";
    public static final String MEDIAN = "charton_median";
    public static final String Q3 = "charton_q3";
    public static final String WHISLO = "charton_whislo";
    public static final String WHISHI = "charton_whishi";
    public static final String VALUES = "charton_n";
    /** A kept flier of a box (null on its statistics row). */
    public static final String FLIER = "charton_flier";

    /**
     * Boxes from an engine's rows: per box (x group, --y column, color, panel) a row of its
     * statistics ({@value #Q1} ... {@value #VALUES}) then a row per kept flier ({@value #FLIER}),
     * in increasing order, the boxes in order of their first row.
     */
    public static Reduction boxes(ReduceRequest request) {
        return new Boxes(request, true);
    }

    /** The pixel rows of the value axis, among which a box keeps one flier each. */
    public static int flierRows(ReduceRequest request) {
        return request.gridRows();
    }

    /** One box's statistics and fliers as they arrive. */
    static final class BoxParts {
        private final double[] stats = new double[5];
        private long n;
        private double[] fliers = new double[0];

        BoxStats box() {
            return new BoxStats(stats[0], stats[1], stats[2], stats[3], stats[4], fliers, n);
        }
    }

    /** The box rows of one batch. */
    static final class BoxRows {
        private final NumberView column;
        private final NumberView[] stats;
        private final NumberView n;
        private final NumberView flier;

        BoxRows(VectorSchemaRoot batch) {
            column = NumberView.of(batch.getVector(COLUMN));
            stats = new NumberView[]{NumberView.of(batch.getVector(Q1)), NumberView.of(batch.getVector(MEDIAN)),
                    NumberView.of(batch.getVector(Q3)), NumberView.of(batch.getVector(WHISLO)),
                    NumberView.of(batch.getVector(WHISHI))};
            n = NumberView.of(batch.getVector(VALUES));
            flier = NumberView.of(batch.getVector(FLIER));
        }

        int column(int row) {
            return (int) column.get(row);
        }

        void addTo(BoxParts box, int row) {
            if (!flier.isNull(row)) {
                box.fliers = Arrays.copyOf(box.fliers, box.fliers.length + 1);
                box.fliers[box.fliers.length - 1] = flier.get(row);
                return;
            }
            for (int i = 0; i < stats.length; i++) {
                box.stats[i] = stats[i].get(row);
            }
            box.n = (long) n.get(row);
        }
    }

    /** Group aggregates (bars; lines, areas and scatters with --agg) from the engine's partial sums. */
    public static Reduction aggregate(ReduceRequest request) {
        return new Aggregate(request, true);
    }

    /**
     * What an engine counted of a heatmap axis instead of Java's first scan.
     *
     * @param many     whether it has more than {@value DistinctCount#HEATMAP_CELLS} distinct values (then it is binned)
     * @param low      its least value (a number axis)
     * @param high     its greatest value
     * @param least    its least value (a time axis), as its Arrow vector holds it
     * @param greatest its greatest value (a time axis)
     */
    public record AxisCounts(boolean many, double low, double high, long least, long greatest) {
        /** The edges of the axis's intervals when it is binned (a number axis), else empty. */
        public double[] edges(ReduceRequest request) {
            return many ? NumericCells.of(low, high, HeatmapAxis.intervals(request.bins())).edges() : new double[0];
        }

        /** The intervals of a binned time axis of {@code type} (edges as pandas holds the values). */
        public CalendarCells calendar(ArrowType type, ReduceRequest request) {
            return HeatmapAxis.calendar(type, least, greatest, request.bins());
        }

        void decide(HeatmapAxis axis) {
            axis.decide(this);
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
