package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.BoxStats;
import dev.charton.pipeline.stats.FlierThinning;
import dev.charton.pipeline.stats.GroupedDoubleSpill;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Box plots (grammar.py's {@code _box}, drawn with matplotlib's boxplot_stats): each box's values
 * (per x group, series and panel; a null x is the group {@code null}) are spilled in bounded memory,
 * then its quartiles, whiskers and fliers computed, the fliers thinned to one per pixel row of the
 * value axis. Infinite values are left out (a quartile of them is not a number to draw).
 */
final class Boxes implements Reduction {
    private final ReduceRequest request;

    Boxes(ReduceRequest request) {
        this.request = request;
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        try (KeyColumn x = request.x() == null ? null : new KeyColumn(schema.findField(request.x()), allocator);
             SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             GroupedDoubleSpill values = new GroupedDoubleSpill();
             OutputColumns out = new OutputColumns(allocator)) {
            GroupIndex index = new GroupIndex(series);
            long rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                if (x != null) {
                    x.bind(batch.getVector(request.x()), dictionaries);
                }
                series.bind(batch, dictionaries);
                NumberView[] ys = RowScan.numbers(batch, request.y());
                for (int row = 0; row < batch.getRowCount(); row++) {
                    int xId = x == null ? KeyColumn.NULL : x.id(row);
                    for (int c = 0; c < ys.length; c++) {
                        if (ys[c].isNull(row) || !Double.isFinite(ys[c].get(row))) {
                            continue;
                        }
                        double value = ys[c].get(row);
                        add(values, index.number(xId, series.id(c, row)), value);
                        range[0] = Math.min(range[0], value);
                        range[1] = Math.max(range[1], value);
                    }
                }
            });
            List<XGroup> found = index.found();
            FlierThinning thinning = range[1] > range[0] ? new FlierThinning(range[0], range[1], request.gridRows()) : null;
            FieldVector xOut = x == null ? null : out.key("x", x);
            series.addColumns(out);
            Float8Vector[] stats = {out.float64("q1"), out.float64("median"), out.float64("q3"),
                    out.float64("whislo"), out.float64("whishi")};
            ListVector fliers = out.float64List("fliers");
            BigIntVector n = out.int64("n");
            for (int row = 0; row < found.size(); row++) {
                XGroup group = found.get(row);
                BoxStats box = BoxStats.of(values.group(row), thinning);
                if (xOut != null) {
                    x.write(xOut, row, group.x());
                }
                series.write(row, group.series());
                double[] numbersOfBox = {box.q1(), box.median(), box.q3(), box.whislo(), box.whishi()};
                for (int i = 0; i < stats.length; i++) {
                    stats[i].setSafe(row, numbersOfBox[i]);
                }
                writeList(fliers, row, box.fliers());
                n.setSafe(row, box.n());
            }
            return out.finish(found.size(), Reductions.reduced("box", rowsRead));
        }
    }

    private static void writeList(ListVector list, int row, double[] values) {
        int offset = list.startNewValue(row);
        Float8Vector items = (Float8Vector) list.getDataVector();
        for (int i = 0; i < values.length; i++) {
            items.setSafe(offset + i, values[i]);
        }
        list.endValue(row, values.length);
    }

    private static void add(GroupedDoubleSpill values, int group, double value) {
        try {
            values.add(group, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
