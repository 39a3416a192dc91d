package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lines (and, through {@link AreaGrid}, areas) without --agg: M4 per series, panel and pixel column.
 * The one scan of the input spills the values and finds the x range the pixel columns divide; a
 * pass over the spill keeps the rows.
 */
final class M4Points implements Reduction {
    private final ReduceRequest request;
    private final boolean area;

    M4Points(ReduceRequest request) {
        this.request = request;
        this.area = request.kind() == ChartKind.AREA;
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        XColumn x = new XColumn(request.x(), schema);
        int cells = request.gridColumns();
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             SpilledPoints points = SpilledPoints.read(source, x, series, request.y(), !area, true, request.logX(),
                     false);
             OutputColumns out = new OutputColumns(allocator)) {
            List<M4Columns> kept = keep(points, x, cells);
            List<Integer> order = new ArrayList<>();
            for (int id = 0; id < kept.size(); id++) {
                if (kept.get(id) != null) {
                    order.add(id);
                }
            }
            order.sort(Comparator.comparingInt(id -> series.series(id).column()));
            FieldVector xOut = out.add(x.newVector(allocator));
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            int rows = area
                    ? new AreaGrid(kept, order, series).write(points.rows(), x, xOut, yOut)
                    : writeLines(kept, order, series, x, xOut, yOut);
            ObjectNode reduced = Reductions.reduced("points", points.rowsRead());
            reduced.put("method", "m4");
            reduced.put("pixels", cells);
            return out.finish(rows, reduced);
        }
    }

    /** M4 of each series (by series id; null for an id with no values), from the spilled values. */
    private List<M4Columns> keep(SpilledPoints points, XColumn x, int cells) throws IOException {
        List<M4Columns> kept = new ArrayList<>();
        AxisRange range = points.xRange();
        long[] number = {0};
        points.rows().forEachBlock((keys, ys, ids, length) -> {
            for (int i = 0; i < length; i++) {
                int id = ids[i];
                while (kept.size() <= id) {
                    kept.add(null);
                }
                M4Columns columns = kept.get(id);
                if (columns == null) {
                    columns = new M4Columns(cells);
                    kept.set(id, columns);
                }
                columns.offer(range.cell(x.valueOfKey(keys[i]), cells), keys[i], number[0]++, ys[i]);
            }
        });
        return kept;
    }

    private static int writeLines(List<M4Columns> kept, List<Integer> order, SeriesColumns series, XColumn x,
                                  FieldVector xOut, Float8Vector yOut) {
        int[] rows = {0};
        for (int id : order) {
            Series s = series.series(id);
            kept.get(id).emit((key, y) -> {
                x.writeKey(xOut, rows[0], key);
                if (!Double.isNaN(y)) {
                    yOut.setSafe(rows[0], y);
                }
                series.write(rows[0], s);
                rows[0]++;
            });
        }
        return rows[0];
    }
}
