package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ColumnRange;
import dev.charton.pipeline.stats.HistogramBins;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Histograms (grammar.py's {@code _hist}): the finite values of every series and panel, spilled with
 * their series in the one scan of the input (to disk past a bound), choose one set of edges (numpy's
 * "auto" needs quartiles), then a pass over the spill counts each series' values per bin.
 */
final class Bins implements Reduction {
    private final ReduceRequest request;

    Bins(ReduceRequest request) {
        this.request = request;
    }

    /** The columns counted: --y, or without it the --x column. */
    static List<String> counted(ReduceRequest request) {
        return request.y().isEmpty() && request.x() != null ? List.of(request.x()) : request.y();
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        List<String> names = counted(request);
        XColumn rowNumber = new XColumn(null, schema);
        try (SeriesColumns series = new SeriesColumns(names, request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            // Nulls are not counted, so a column with nulls still has the range of its values.
            Optional<ColumnRange> recorded = source.recordedRange(names);
            if (recorded.isPresent()) {
                PointRows points = new PointRows(rowNumber, series, names, false, false, false, false);
                BinCounts once = BinCounts.inOnePass(source, points, recorded.get(), request.bins());
                if (once != null) {
                    return write(once.bins(), once.counts(), once.rowsRead(), series, out);
                }
            }
            try (SpilledPoints points = SpilledPoints.read(source, rowNumber, series, names, false, false, false,
                    false)) {
                if (points.rows().size() == 0) {
                    throw new ChartonException(ExitCode.DATA, "no values to count in "
                            + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
                }
                HistogramBins bins = HistogramBins.of(points.rows().values(), request.bins());
                // By series id, so in order of first appearance; a series of only NaN and infinities has no bars, as in grammar.py.
                long[][] counts = new long[series.count()][bins.count()];
                points.rows().forEachBlock((keys, values, ids, length) -> {
                    for (int i = 0; i < length; i++) {
                        counts[ids[i]][bins.binOf(values[i])]++;
                    }
                });
                return write(bins, counts, points.rowsRead(), series, out);
            }
        }
    }

    static ReducedTable write(HistogramBins bins, long[][] counts, long rowsRead, SeriesColumns series,
                                      OutputColumns out) {
        series.addColumns(out);
        Float8Vector start = out.float64("start");
        Float8Vector end = out.float64("end");
        BigIntVector count = out.int64("y");
        double[] edges = bins.edges();
        int rows = 0;
        for (int id = 0; id < counts.length; id++) {
            for (int bin = 0; bin < edges.length - 1; bin++) {
                series.write(rows, series.series(id));
                start.setSafe(rows, edges[bin]);
                end.setSafe(rows, edges[bin + 1]);
                count.setSafe(rows, counts[id][bin]);
                rows++;
            }
        }
        ObjectNode reduced = Reductions.reduced("bins", rowsRead);
        ArrayNode edgeList = reduced.putArray("edges");
        for (double edge : edges) {
            edgeList.add(edge);
        }
        return out.finish(rows, reduced);
    }
}
