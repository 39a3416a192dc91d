package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Scatter without --agg: per series, panel and pixel cell (pixel column by pixel row) the first row
 * that falls in it, which is the marker drawn there. Rows keep their table order.
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
        AxisRange xRange = new AxisRange(request.logX());
        AxisRange yRange = new AxisRange(request.logY());
        RowScan.scan(source, (batch, dictionaries, firstRow) -> {
            x.bind(batch, firstRow);
            NumberView[] ys = RowScan.numbers(batch, request.y());
            for (int row = 0; row < batch.getRowCount(); row++) {
                for (NumberView y : ys) {
                    if (!x.isNull(row) && !y.isNull(row)) {
                        xRange.add(x.value(row));
                        yRange.add(y.get(row));
                    }
                }
            }
        });
        int columns = request.gridColumns();
        int pixelRows = request.gridRows();
        Map<Series, BitSet> taken = new HashMap<>();  // a bit per pixel cell: an eighth of a byte per pixel
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            FieldVector xOut = out.add(x.newVector(allocator));
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            int[] rows = {0};
            long rowsRead = SeriesRows.scan(source, x, series, request.y(), (row, s, xValue, y) -> {
                if (Double.isNaN(y)) {
                    return;
                }
                int cell = xRange.cell(xValue, columns) * pixelRows + yRange.cell(y, pixelRows);
                BitSet cells = taken.computeIfAbsent(s, k -> new BitSet());
                if (!cells.get(cell)) {
                    cells.set(cell);
                    x.copy(row, xOut, rows[0]);
                    yOut.setSafe(rows[0], y);
                    series.write(rows[0], s);
                    rows[0]++;
                }
            });
            ObjectNode reduced = Reductions.reduced("points", rowsRead);
            reduced.put("method", "grid");
            reduced.put("pixels", columns);
            return out.finish(rows[0], reduced);
        }
    }
}
