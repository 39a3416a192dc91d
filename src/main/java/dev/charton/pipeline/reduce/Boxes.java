package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.BoxStats;
import dev.charton.pipeline.stats.FlierThinning;
import dev.charton.pipeline.stats.GroupedDoubleSpill;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Box plots (grammar.py's {@code _box}, drawn with matplotlib's boxplot_stats): each box's values
 * (per x group, series and panel; a null x is the group {@code null}) are spilled in bounded memory,
 * then its quartiles, whiskers and fliers computed, the fliers thinned to one per pixel row of the
 * value axis. Infinite values are left out (a quartile of them is not a number to draw). From an
 * engine (pipeline/pushdown), each box's statistics arrive computed: one row of them per box, then
 * a row per kept flier.
 */
final class Boxes implements Reduction {
    private final ReduceRequest request;
    private final boolean engine;

    Boxes(ReduceRequest request, boolean engine) {
        this.request = request;
        this.engine = engine;
    }

    /** A box's statistics, by its group number. */
    private interface BoxOf {
        BoxStats of(int group) throws IOException;
    }

    @Override
    public ReducedTable reduce(BatchSource source, BufferAllocator allocator) throws IOException {
        Schema schema = source.schema();
        try (KeyColumn x = request.x() == null ? null : new KeyColumn(schema.findField(request.x()), allocator);
             SeriesColumns series = new SeriesColumns(request.y(), request.color(), request.facet(), schema, allocator);
             OutputColumns out = new OutputColumns(allocator)) {
            GroupIndex index = new GroupIndex(series);
            if (engine) {
                List<EngineGroups.BoxParts> boxes = new ArrayList<>();
                long rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                    bind(x, series, batch, dictionaries);
                    EngineGroups.BoxRows rows = new EngineGroups.BoxRows(batch);
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        int group = index.number(x == null ? KeyColumn.NULL : x.id(row), series.id(rows.column(row), row));
                        if (group == boxes.size()) {
                            boxes.add(new EngineGroups.BoxParts());
                        }
                        rows.addTo(boxes.get(group), row);
                    }
                });
                return write(index.found(), x, series, out, group -> boxes.get(group).box(), rowsRead);
            }
            try (GroupedDoubleSpill values = new GroupedDoubleSpill()) {
                double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                long rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                    bind(x, series, batch, dictionaries);
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
                FlierThinning thinning = range[1] > range[0] ? new FlierThinning(range[0], range[1], request.gridRows()) : null;
                return write(index.found(), x, series, out, group -> BoxStats.of(values.group(group), thinning), rowsRead);
            }
        }
    }

    private void bind(KeyColumn x, SeriesColumns series, VectorSchemaRoot batch, DictionaryProvider dictionaries) {
        if (x != null) {
            x.bind(batch.getVector(request.x()), dictionaries);
        }
        series.bind(batch, dictionaries);
    }

    private static ReducedTable write(List<XGroup> found, KeyColumn x, SeriesColumns series, OutputColumns out,
                                      BoxOf boxOf, long rowsRead) throws IOException {
        FieldVector xOut = x == null ? null : out.key("x", x);
        series.addColumns(out);
        Float8Vector[] stats = {out.float64("q1"), out.float64("median"), out.float64("q3"),
                out.float64("whislo"), out.float64("whishi")};
        ListVector fliers = out.float64List("fliers");
        BigIntVector n = out.int64("n");
        for (int row = 0; row < found.size(); row++) {
            XGroup group = found.get(row);
            BoxStats box = boxOf.of(row);
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
