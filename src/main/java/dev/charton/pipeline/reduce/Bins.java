package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.pipeline.stats.DoubleSpill;
import dev.charton.pipeline.stats.HistogramBins;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Histograms (grammar.py's {@code _hist}): the finite values of every series and panel choose one
 * set of edges (spilled to disk past a bound, for numpy's "auto" quartiles), then a second scan
 * counts each series' values per bin.
 */
final class Bins implements Reduction {
    private final ReduceRequest request;

    Bins(ReduceRequest request) {
        this.request = request;
    }

    /** The columns counted: --y, or without it the --x column. */
    private List<String> counted() {
        return request.y().isEmpty() && request.x() != null ? List.of(request.x()) : request.y();
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        List<String> names = counted();
        HistogramBins bins;
        try (DoubleSpill values = new DoubleSpill()) {
            RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                for (NumberView view : RowScan.numbers(batch, names)) {
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        if (!view.isNull(row) && Double.isFinite(view.get(row))) {
                            add(values, view.get(row));
                        }
                    }
                }
            });
            if (values.count() == 0) {
                throw new ChartonException(ExitCode.DATA, "no values to count in "
                        + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
            }
            bins = HistogramBins.of(values, request.bins());
        }
        Map<Series, long[]> counts = new LinkedHashMap<>();
        try (SeriesColumns series = new SeriesColumns(names, request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            long rowsRead = SeriesRows.scan(source, null, series, names, (row, s, x, y) -> {
                if (Double.isFinite(y)) {  // so a series of only NaN and infinities has no bars, as in grammar.py
                    counts.computeIfAbsent(s, k -> new long[bins.count()])[bins.binOf(y)]++;
                }
            });
            series.addColumns(out);
            Float8Vector start = out.float64("start");
            Float8Vector end = out.float64("end");
            BigIntVector count = out.int64("y");
            double[] edges = bins.edges();
            int rows = 0;
            for (Map.Entry<Series, long[]> entry : counts.entrySet()) {
                for (int bin = 0; bin < edges.length - 1; bin++) {
                    series.write(rows, entry.getKey());
                    start.setSafe(rows, edges[bin]);
                    end.setSafe(rows, edges[bin + 1]);
                    count.setSafe(rows, entry.getValue()[bin]);
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

    private static void add(DoubleSpill values, double value) {
        try {
            values.add(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
