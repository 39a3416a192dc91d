package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Scatter without --agg: per series, panel and pixel cell (pixel column by pixel row) the first row
 * that falls in it, which is the marker drawn there. Rows keep their table order. The one scan of
 * the input spills the points and measures both axes; a pass over the spill picks the rows.
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
        int columns = request.gridColumns();
        int pixelRows = request.gridRows();
        List<BitSet> taken = new ArrayList<>();  // by series id, a bit per pixel cell: an eighth of a byte per pixel
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             SpilledPoints points = SpilledPoints.read(source, x, series, request.y(), false, true, request.logX(),
                     request.logY());
             OutputColumns out = new OutputColumns(allocator)) {
            FieldVector xOut = out.add(x.newVector(allocator));
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            AxisRange xRange = points.xRange();
            AxisRange yRange = points.yRange();
            int[] rows = {0};
            points.rows().forEachBlock((keys, ys, ids, length) -> {
                for (int i = 0; i < length; i++) {
                    int id = ids[i];
                    while (taken.size() <= id) {
                        taken.add(new BitSet());
                    }
                    BitSet cells = taken.get(id);
                    int cell = xRange.cell(x.valueOfKey(keys[i]), columns) * pixelRows + yRange.cell(ys[i], pixelRows);
                    if (!cells.get(cell)) {
                        cells.set(cell);
                        x.writeKey(xOut, rows[0], keys[i]);
                        yOut.setSafe(rows[0], ys[i]);
                        series.write(rows[0], series.series(id));
                        rows[0]++;
                    }
                }
            });
            ObjectNode reduced = Reductions.reduced("points", points.rowsRead());
            reduced.put("method", "grid");
            reduced.put("pixels", columns);
            return out.finish(rows[0], reduced);
        }
    }
}
