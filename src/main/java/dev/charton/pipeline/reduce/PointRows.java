package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Turns a source's batches into points, one per value of the --y columns in long form (x key, y,
 * series id), in table order, measuring both axes' extents on the way. Values with a null x are
 * dropped (without --x, the row number is the key); a null y is kept as NaN when {@code keepGaps},
 * else dropped, as are infinite y unless {@code keepInfinite}. The extents are those of the values
 * with a y.
 */
final class PointRows {
    /** Where the points of each batch go: {@code [0, length)} of arrays reused for the next batch. */
    @FunctionalInterface
    interface Sink {
        void accept(long[] keys, double[] ys, int[] ids, int length) throws IOException;
    }

    private final XColumn x;
    private final SeriesColumns series;
    private final List<String> yNames;
    private final boolean keepGaps;
    private final boolean keepInfinite;
    private final AxisRange xRange;
    private final AxisRange yRange;
    private long[] xKeys = new long[0];
    private double[][] yValues;
    private long[] keys = new long[0];
    private double[] ys = new double[0];
    private int[] ids = new int[0];

    PointRows(XColumn x, SeriesColumns series, List<String> yNames, boolean keepGaps, boolean keepInfinite,
              boolean logX, boolean logY) {
        this.x = x;
        this.series = series;
        this.yNames = yNames;
        this.keepGaps = keepGaps;
        this.keepInfinite = keepInfinite;
        this.xRange = new AxisRange(logX);
        this.yRange = new AxisRange(logY);
        this.yValues = new double[yNames.size()][0];
    }

    /** Reads every batch of {@code source} into {@code sink}; returns the number of rows read. */
    long scan(BatchSource source, Sink sink) throws IOException {
        return RowScan.scan(source, (batch, dictionaries, firstRow) -> {
            x.bind(batch, firstRow);
            series.bind(batch, dictionaries);
            try {
                addBatch(batch, RowScan.numbers(batch, yNames), sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void addBatch(VectorSchemaRoot batch, NumberView[] views, Sink sink) throws IOException {
        int count = batch.getRowCount();
        fit(count);
        x.keys(xKeys, count);
        for (int c = 0; c < views.length; c++) {
            views[c].values(yValues[c], count);
        }
        boolean xHasNulls = x.hasNulls();
        int points = 0;
        for (int row = 0; row < count; row++) {
            long key = xKeys[row];
            double xValue = x.valueOfKey(key);
            if (xValue != xValue || (xHasNulls && x.isNull(row))) {
                continue;
            }
            for (int c = 0; c < views.length; c++) {
                double y = yValues[c][row];
                if (y != y) {
                    if (keepGaps) {
                        points = put(points, key, Double.NaN, series.id(c, row));
                    }
                    continue;
                }
                if (!keepInfinite && Double.isInfinite(y)) {
                    continue;
                }
                xRange.add(xValue);
                yRange.add(y);
                points = put(points, key, y, series.id(c, row));
            }
        }
        sink.accept(keys, ys, ids, points);
    }

    private int put(int point, long key, double y, int id) {
        keys[point] = key;
        ys[point] = y;
        ids[point] = id;
        return point + 1;
    }

    private void fit(int rows) {
        if (xKeys.length < rows) {
            xKeys = new long[rows];
            for (int c = 0; c < yValues.length; c++) {
                yValues[c] = new double[rows];
            }
            int points = rows * Math.max(1, yValues.length);
            keys = new long[points];
            ys = new double[points];
            ids = new int[points];
        }
    }

    AxisRange xRange() {
        return xRange;
    }

    AxisRange yRange() {
        return yRange;
    }
}
