package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one decoding scan of a statistic that needs the data's extent before it can place values
 * (pixel columns, pixel rows, bin edges): each value of the --y columns is kept in long form as
 * (x key, y, series id) in a {@link RowSpill}, in table order, and the extents are measured on the
 * way, so the later passes read the spill instead of the input.
 */
final class SpilledPoints implements AutoCloseable {
    private final RowSpill rows = new RowSpill();
    private final AxisRange xRange;
    private final AxisRange yRange;
    private long rowsRead;

    private SpilledPoints(boolean logX, boolean logY) {
        this.xRange = new AxisRange(logX);
        this.yRange = new AxisRange(logY);
    }

    /**
     * Reads {@code source}: values with a null x are dropped (without {@code x}, the row number is
     * the key); a null y is kept as NaN when {@code keepGaps}, else dropped, as are infinite y
     * unless {@code keepInfinite}. The extents are those of the values with a y.
     */
    static SpilledPoints read(BatchSource source, XColumn x, SeriesColumns series, List<String> yNames,
                              boolean keepGaps, boolean keepInfinite, boolean logX, boolean logY)
            throws IOException {
        SpilledPoints points = new SpilledPoints(logX, logY);
        try {
            points.rowsRead = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
                x.bind(batch, firstRow);
                series.bind(batch, dictionaries);
                points.addBatch(batch, x, series, RowScan.numbers(batch, yNames), keepGaps, keepInfinite);
            });
            return points;
        } catch (IOException | RuntimeException e) {
            points.close();
            throw e;
        }
    }

    private void addBatch(VectorSchemaRoot batch, XColumn x, SeriesColumns series, NumberView[] ys,
                          boolean keepGaps, boolean keepInfinite) {
        int count = batch.getRowCount();
        try {
            for (int row = 0; row < count; row++) {
                if (x.isNull(row)) {
                    continue;
                }
                long key = x.key(row);
                for (int c = 0; c < ys.length; c++) {
                    NumberView view = ys[c];
                    if (view.isNull(row)) {
                        if (keepGaps) {
                            rows.add(key, Double.NaN, series.id(c, row));
                        }
                        continue;
                    }
                    double y = view.get(row);
                    if (!keepInfinite && Double.isInfinite(y)) {
                        continue;
                    }
                    xRange.add(x.valueOfKey(key));
                    yRange.add(y);
                    rows.add(key, y, series.id(c, row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RowSpill rows() {
        return rows;
    }

    AxisRange xRange() {
        return xRange;
    }

    AxisRange yRange() {
        return yRange;
    }

    long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
