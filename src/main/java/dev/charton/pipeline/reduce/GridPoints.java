package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Scatter without --agg: per series, panel and pixel cell (pixel column by pixel row) the first row
 * that falls in it, which is the marker drawn there. Rows keep their table order. When the source
 * recorded both axes' extents (Parquet statistics) the input is read once; otherwise its one scan
 * spills the points and measures both axes, and a pass over the spill picks the rows.
 */
final class GridPoints implements Reduction {
    private final ReduceRequest request;

    GridPoints(ReduceRequest request) {
        this.request = request;
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        XColumn x = new XColumn(request.x(), schema);
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            Optional<RecordedAxes> axes = RecordedAxes.of(source, request.x(), request.y(), request.logX(),
                    request.logY());
            if (axes.isPresent()) {
                GridPicks picks = picks(x, axes.get().x(), axes.get().y());
                PointRows points = new PointRows(x, series, request.y(), false, true, request.logX(), request.logY());
                // Picks keep the first row per cell in table order: one lane, fed in that order.
                OptionalLong rowsRead = DirectPoints.place(source, points, axes.get(),
                        List.of((keys, ys, ids, numbers, length) -> picks.accept(keys, ys, ids, length)));
                if (rowsRead.isPresent()) {
                    return write(picks, rowsRead.getAsLong(), x, series, out, allocator);
                }
            }
            try (SpilledPoints points = SpilledPoints.read(source, x, series, request.y(), false, true, request.logX(),
                    request.logY())) {
                GridPicks picks = picks(x, points.xRange(), points.yRange());
                points.rows().forEachBlock(picks);
                return write(picks, points.rowsRead(), x, series, out, allocator);
            }
        }
    }

    private GridPicks picks(XColumn x, AxisRange xRange, AxisRange yRange) {
        return new GridPicks(x, xRange, yRange, request.gridColumns(), request.gridRows());
    }

    private ReducedTable write(GridPicks picks, long rowsRead, XColumn x, SeriesColumns series, OutputColumns out,
                               BufferAllocator allocator) {
        FieldVector xOut = out.add(x.newVector(allocator));
        series.addColumns(out);
        Float8Vector yOut = out.float64("y");
        int[] row = {0};
        int rows = picks.emit((key, y, id) -> {
            x.writeKey(xOut, row[0], key);
            yOut.setSafe(row[0], y);
            series.write(row[0], series.series(id));
            row[0]++;
        });
        ObjectNode reduced = Reductions.reduced("points", rowsRead);
        reduced.put("method", "grid");
        reduced.put("pixels", request.gridColumns());
        return out.finish(rows, reduced);
    }
}
