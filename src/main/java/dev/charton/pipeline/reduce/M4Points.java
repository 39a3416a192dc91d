package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines (and, through {@link AreaGrid}, areas) without --agg: M4 per series, panel and pixel column.
 * The first scan finds the x range the pixel columns divide, the second keeps the rows.
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
        AxisRange range = xRange(source, x);
        int cells = request.gridColumns();
        Map<Series, M4Columns> kept = new LinkedHashMap<>();
        try (SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            long rowsRead = SeriesRows.scan(source, x, series, request.y(), (row, s, xValue, y) -> {
                if (!(area && Double.isNaN(y))) {
                    kept.computeIfAbsent(s, k -> new M4Columns(cells, x, allocator))
                            .offer(range.cell(xValue, cells), x, row, y);
                }
            });
            List<Series> order = new ArrayList<>(kept.keySet());
            order.sort(Comparator.comparingInt(Series::column));
            FieldVector xOut = out.add(x.newVector(allocator));
            series.addColumns(out);
            Float8Vector yOut = out.float64("y");
            int rows;
            if (area) {
                try (AreaGrid grid = new AreaGrid(kept, order, x, allocator)) {
                    rows = grid.write(source, request.y(), series, xOut, yOut);
                }
            } else {
                rows = writeLines(kept, order, series, xOut, yOut);
            }
            ObjectNode reduced = Reductions.reduced("points", rowsRead);
            reduced.put("method", "m4");
            reduced.put("pixels", cells);
            return out.finish(rows, reduced);
        } finally {
            kept.values().forEach(M4Columns::close);
        }
    }

    private AxisRange xRange(BatchSource source, XColumn x) throws IOException {
        AxisRange range = new AxisRange(request.logX());
        RowScan.scan(source, (batch, dictionaries, firstRow) -> {
            x.bind(batch, firstRow);
            NumberView[] ys = RowScan.numbers(batch, request.y());
            for (int row = 0; row < batch.getRowCount(); row++) {
                if (!x.isNull(row) && anyValue(ys, row)) {
                    range.add(x.value(row));
                }
            }
        });
        return range;
    }

    private static boolean anyValue(NumberView[] ys, int row) {
        for (NumberView y : ys) {
            if (!y.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static int writeLines(Map<Series, M4Columns> kept, List<Series> order, SeriesColumns series,
                                  FieldVector xOut, Float8Vector yOut) {
        int[] rows = {0};
        for (Series s : order) {
            kept.get(s).emit((exactX, slot, key, y) -> {
                xOut.copyFromSafe(slot, rows[0], exactX);
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
