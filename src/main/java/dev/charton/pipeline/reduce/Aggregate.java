package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.plan.ColumnType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Group aggregates by (x, column, color, facet), as grammar.py's {@code _aggregate}: bars, and
 * lines, areas and scatters with --agg. Rows with a null x are dropped (a categorical x keeps them
 * as its {@code null} group), rows with a null y too except for lines; a bar without --y counts
 * rows; a bar with repeated x and no --agg sums. Groups come in the order pandas finds them (by
 * column, then first row), and along x for lines and areas.
 */
final class Aggregate implements Reduction {
    private final ReduceRequest request;
    /** Whether the rows are an engine's groups ({@link EngineGroups#aggregate}) rather than the table's. */
    private final boolean engineGroups;

    Aggregate(ReduceRequest request) {
        this(request, false);
    }

    Aggregate(ReduceRequest request, boolean engineGroups) {
        this.request = request;
        this.engineGroups = engineGroups;
    }

    /** Along x as grammar.py sorts a line: by value, a categorical x in its label order. */
    private static Comparator<XGroup> alongX(Field xField, KeyColumn x, long[] xKeys) {
        if (ColumnType.of(xField).continuous()) {
            return Comparator.comparingLong(g -> xKeys[g.x()]);
        }
        Comparator<Integer> labels = x.labelOrder();
        return (a, b) -> labels.compare(a.x(), b.x());
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        Field xField = schema.findField(request.x());
        boolean counting = request.kind() == ChartKind.BAR && request.y().isEmpty();
        boolean keepNullX = ColumnType.of(xField) == ColumnType.CATEGORICAL;
        boolean keepNullY = request.kind() == ChartKind.LINE;
        long[][] xKeys = {new long[16]};  // by x id (ids are dense, in order of first appearance)
        int[] xKeysKnown = {0};
        GroupStats stats = new GroupStats();
        try (KeyColumn x = new KeyColumn(xField, allocator);
             SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            GroupIndex index = new GroupIndex(series);
            long rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                FieldVector xVector = batch.getVector(request.x());
                NumberView xView = NumberView.of(xVector);
                x.bind(xVector, dictionaries);
                series.bind(batch, dictionaries);
                NumberView[] ys = engineGroups ? null : RowScan.numbers(batch, request.y());
                EngineGroups.Parts parts = engineGroups ? new EngineGroups.Parts(batch) : null;
                for (int row = 0; row < batch.getRowCount(); row++) {
                    int xId = x.id(row);
                    if (xId == KeyColumn.NULL && !keepNullX) {
                        continue;
                    }
                    if (xView != null && xId >= xKeysKnown[0]) {
                        if (xId >= xKeys[0].length) {
                            xKeys[0] = Arrays.copyOf(xKeys[0], Math.max(xId + 1, 2 * xKeys[0].length));
                        }
                        xKeys[0][xId] = xView.key(row);
                        xKeysKnown[0] = xId + 1;
                    }
                    if (parts != null) {
                        int number = index.number(xId, series.id(parts.column(row), row));
                        if (number == stats.groups()) {
                            stats.open();
                        }
                        parts.addTo(stats, number, row);
                        continue;
                    }
                    for (int c = 0; c < Math.max(ys.length, 1); c++) {
                        boolean missing = !counting && ys[c].isNull(row);
                        if (missing && !keepNullY) {
                            continue;
                        }
                        int number = index.number(xId, series.id(c, row));
                        if (number == stats.groups()) {
                            stats.open();
                        }
                        if (missing || counting) {
                            stats.addNull(number);
                        } else {
                            stats.add(number, ys[c].get(row));
                        }
                    }
                }
            });
            String agg = counting ? "count" : request.agg() != null ? request.agg() : stats.repeated() ? "sum" : null;
            List<XGroup> found = index.found();
            List<Integer> order = new ArrayList<>();
            for (int g = 0; g < found.size(); g++) {
                order.add(g);
            }
            order.sort(Comparator.comparingInt(g -> found.get(g).series().column()));
            if (request.kind() == ChartKind.LINE || request.kind() == ChartKind.AREA) {
                Comparator<XGroup> along = alongX(xField, x, xKeys[0]);
                order.sort((a, b) -> along.compare(found.get(a), found.get(b)));
            }
            FieldVector xOut = out.key("x", x);
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            for (int row = 0; row < order.size(); row++) {
                XGroup group = found.get(order.get(row));
                x.write(xOut, row, group.x());
                series.write(row, group.series());
                stats.write(yOut, row, order.get(row), agg);
            }
            ObjectNode reduced = Reductions.reduced("aggregate", rowsRead);
            reduced.put("agg", agg);
            return out.finish(order.size(), reduced);
        }
    }
}
