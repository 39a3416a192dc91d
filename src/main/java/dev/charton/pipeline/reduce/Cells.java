package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heatmaps (grammar.py's {@code _heatmap}): one cell per x cell, y cell and panel, holding the
 * --agg of the --color value (mean by default) or the row count. The first scan decides whether
 * each axis is binned, the second aggregates.
 */
final class Cells implements Reduction {
    private final ReduceRequest request;
    /** The engine's decision for each axis (pushed down), or null: the first scan decides. */
    private final EngineGroups.AxisCounts[] engineAxes;

    Cells(ReduceRequest request) {
        this(request, null);
    }

    /**
     * @param engineAxes the x and y axes' counts from an engine whose rows are cells with their
     *                   partial statistics (EngineGroups), or null to reduce every row
     */
    Cells(ReduceRequest request, EngineGroups.AxisCounts[] engineAxes) {
        this.request = request;
        this.engineAxes = engineAxes;
    }

    private record Cell(int x, int y, Series panel) {
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        String yName = request.y().get(0);
        String valueName = request.color();
        String agg = request.agg() != null ? request.agg() : valueName != null ? "mean" : "count";
        Map<Cell, Integer> numbers = new HashMap<>();
        List<Cell> found = new ArrayList<>();
        GroupStats stats = new GroupStats();
        try (HeatmapAxis x = new HeatmapAxis(schema.findField(request.x()), request.bins(), allocator);
             HeatmapAxis y = new HeatmapAxis(schema.findField(yName), request.bins(), allocator);
             SeriesColumns panels = new SeriesColumns(List.of(yName), null, request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            if (engineAxes == null) {
                RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                    x.observe(batch.getVector(request.x()));
                    y.observe(batch.getVector(yName));
                });
                x.decide();
                y.decide();
            } else {
                engineAxes[0].decide(x);
                engineAxes[1].decide(y);
            }
            long rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                x.bind(batch.getVector(request.x()), dictionaries);
                y.bind(batch.getVector(yName), dictionaries);
                panels.bind(batch, dictionaries);
                NumberView value = valueName == null || engineAxes != null ? null : NumberView.of(batch.getVector(valueName));
                EngineGroups.Parts parts = engineAxes == null ? null : new EngineGroups.Parts(batch);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    Cell cell = new Cell(x.cell(row), y.cell(row), panels.of(0, row));
                    int number = numbers.computeIfAbsent(cell, c -> {
                        found.add(c);
                        return stats.open();
                    });
                    if (parts != null) {
                        parts.addTo(stats, number, row);
                    } else if (value == null || value.isNull(row)) {
                        stats.addNull(number);
                    } else {
                        stats.add(number, value.get(row));
                    }
                }
            });
            FieldVector xOut = x.column(out, "x");
            FieldVector yOut = y.column(out, "y");
            panels.addColumns(out);
            Float8Vector valueOut = out.float64("value");
            for (int row = 0; row < found.size(); row++) {
                Cell cell = found.get(row);
                x.write(xOut, row, cell.x());
                y.write(yOut, row, cell.y());
                panels.write(row, cell.panel());
                stats.write(valueOut, row, numbers.get(cell), agg);
            }
            ObjectNode reduced = Reductions.reduced("cells", rowsRead);
            reduced.put("agg", agg);
            x.putEdges(reduced, "x");
            y.putEdges(reduced, "y");
            return out.finish(found.size(), reduced);
        }
    }
}
