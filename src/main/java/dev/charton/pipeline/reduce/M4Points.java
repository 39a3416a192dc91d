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
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lines (and, through {@link AreaGrid}, areas) without --agg: M4 per series, panel and pixel column.
 * The one scan of the input spills the values and finds the x range the pixel columns divide; a
 * pass over the spill keeps the rows.
 */
final class M4Points implements Reduction {
    private final ReduceRequest request;
    private final boolean area;
    private final int lanes;

    M4Points(ReduceRequest request) {
        this(request, Lanes.COUNT);
    }

    /** @param lanes among how many partial M4s a read in one pass splits each batch ({@link Lanes}) */
    M4Points(ReduceRequest request, int lanes) {
        this.request = request;
        this.area = request.kind() == ChartKind.AREA;
        this.lanes = lanes;
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        XColumn x = new XColumn(request.x(), schema);
        int cells = request.gridColumns();
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            FieldVector xOut = out.add(x.newVector(allocator));
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            // A stacked area is drawn on the union of its series' x, so it reads its points twice: from a spill.
            ReducedTable inOnePass = area ? null : keepInOnePass(source, x, series, cells, out, xOut, yOut);
            if (inOnePass != null) {
                return inOnePass;
            }
            try (SpilledPoints points = SpilledPoints.read(source, x, series, request.y(), !area, true, request.logX(),
                    false)) {
                M4Series kept = new M4Series(x, points.xRange(), cells);
                points.rows().forEachBlock(kept);
                List<Integer> order = order(kept, series);
                int rows = area
                        ? new AreaGrid(kept.kept(), order, series).write(points.rows(), x, xOut, yOut)
                        : writeLines(kept.kept(), order, series, x, xOut, yOut);
                return finish(out, rows, points.rowsRead(), cells);
            }
        }
    }

    /** The lines kept in one pass over a source that recorded its x range; null when it did not, or wrongly. */
    private ReducedTable keepInOnePass(BatchSource source, XColumn x, SeriesColumns series, int cells,
                                       OutputColumns out, FieldVector xOut, Float8Vector yOut) throws IOException {
        Optional<RecordedAxes> axes = RecordedAxes.of(source, request.x(), request.y(), request.logX(), false);
        if (axes.isEmpty()) {
            return null;
        }
        List<M4Series> lanes = new ArrayList<>();
        for (int lane = 0; lane < this.lanes; lane++) {
            lanes.add(new M4Series(x, axes.get().x(), cells));
        }
        PointRows points = new PointRows(x, series, request.y(), true, true, request.logX(), false);
        OptionalLong rowsRead = DirectPoints.place(source, points, axes.get(), lanes);
        if (rowsRead.isEmpty()) {
            return null;
        }
        M4Series kept = lanes.get(0);
        for (M4Series lane : lanes.subList(1, lanes.size())) {
            kept.merge(lane);
        }
        int rows = writeLines(kept.kept(), order(kept, series), series, x, xOut, yOut);
        return finish(out, rows, rowsRead.getAsLong(), cells);
    }

    /** The ids of the series with values, in the order of their --y columns. */
    private static List<Integer> order(M4Series kept, SeriesColumns series) {
        List<Integer> order = new ArrayList<>();
        for (int id = 0; id < kept.kept().size(); id++) {
            if (kept.kept().get(id) != null) {
                order.add(id);
            }
        }
        order.sort(Comparator.comparingInt(id -> series.series(id).column()));
        return order;
    }

    private static ReducedTable finish(OutputColumns out, int rows, long rowsRead, int cells) {
        ObjectNode reduced = Reductions.reduced("points", rowsRead);
        reduced.put("method", "m4");
        reduced.put("pixels", cells);
        return out.finish(rows, reduced);
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
