package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a source's batches into points, one per value of the --y columns in long form (x key, y,
 * series id, number), in table order, measuring both axes' extents on the way. Values with a null x
 * are dropped (without --x, the row number is the key); a null y is kept as NaN when
 * {@code keepGaps}, else dropped, as are infinite y unless {@code keepInfinite}. The extents are
 * those of the values with a y. A point's number, row times the number of --y columns plus its
 * column, orders points as the table does.
 *
 * <p>With several sinks, each batch's rows are split among them ({@link Lanes}): each sink receives
 * the points of its share of every batch, in table order. Series ids are given out on the calling
 * thread, in the order of the points, so they are the ids one sink alone would see.
 */
final class PointRows {
    /** Where the points of a batch (or of a lane's share of it) go: {@code [0, length)} of arrays reused for the next. */
    @FunctionalInterface
    interface Sink {
        void accept(long[] keys, double[] ys, int[] ids, long[] numbers, int length) throws IOException;
    }

    /**
     * A sink that also takes the points of one series as a run of the batch's rows, without copying
     * them into points first (a line of one --y column without --color or --facet).
     */
    interface RunSink extends Sink {
        /** Rows {@code [from, to)} of {@code keys} and {@code ys}, all of series {@code id}, row i numbered {@code firstNumber + i}. */
        void acceptRun(long[] keys, double[] ys, int id, long firstNumber, int from, int to) throws IOException;
    }

    private final XColumn x;
    private final SeriesColumns series;
    private final List<String> yNames;
    private final boolean keepGaps;
    private final boolean keepInfinite;
    private final AxisRange xRange;
    private final AxisRange yRange;
    private long[] xKeys = new long[0];
    private final double[][] yValues;
    /** By --y column and row, the point's series id; only with --color or --facet, else {@link #columnIds}. */
    private int[][] rowIds;
    private int rowIdsCapacity;
    /** Without --color and --facet, each --y column is one series: its id, or -1 before its first point. */
    private final int[] columnIds;
    private int columnIdsGiven;
    private long firstRow;
    private boolean xHasNulls;

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
        this.columnIds = new int[yNames.size()];
        Arrays.fill(columnIds, -1);
    }

    /** Reads every batch of {@code source} into {@code sink}; returns the number of rows read. */
    long scan(BatchSource source, Sink sink) throws IOException {
        return scan(source, List.of(sink));
    }

    /** Reads every batch of {@code source}, its rows split among {@code sinks}; returns the number of rows read. */
    long scan(BatchSource source, List<? extends Sink> sinks) throws IOException {
        Lane[] lanes = new Lane[sinks.size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(sinks.get(i));
        }
        long rows = RowScan.scan(source, (batch, dictionaries, firstRow) -> {
            x.bind(batch, firstRow);
            series.bind(batch, dictionaries);
            try {
                int count = bind(batch, firstRow);
                Lanes.split(count, lanes.length, (lane, from, to) -> lanes[lane].add(from, to));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (Lane lane : lanes) {
            lane.measured();
        }
        return rows;
    }

    /** Reads a batch's x keys, y values and series ids into arrays the lanes share; its row count. */
    private int bind(VectorSchemaRoot batch, long firstRow) {
        int count = batch.getRowCount();
        this.firstRow = firstRow;
        if (xKeys.length < count) {
            xKeys = new long[count];
            for (int c = 0; c < yValues.length; c++) {
                yValues[c] = new double[count];
            }
        }
        x.keys(xKeys, count);
        NumberView[] views = RowScan.numbers(batch, yNames);
        for (int c = 0; c < views.length; c++) {
            views[c].values(yValues[c], count);
        }
        xHasNulls = x.hasNulls();
        giveIds(count);
        return count;
    }

    /**
     * Numbers the series of the batch's points in table order, as {@link SeriesColumns#id} wants: row
     * by row with --color or --facet; otherwise only until every --y column has its one id.
     */
    private void giveIds(int count) {
        boolean keyed = series.keyed();
        if (!keyed && columnIdsGiven == columnIds.length) {
            return;
        }
        if (keyed && rowIdsCapacity < count) {
            rowIds = new int[yValues.length][xKeys.length];
            rowIdsCapacity = xKeys.length;
        }
        for (int row = 0; row < count && (keyed || columnIdsGiven < columnIds.length); row++) {
            if (!xDrawn(row)) {
                continue;
            }
            for (int c = 0; c < yValues.length; c++) {
                if (!yKept(yValues[c][row])) {
                    continue;
                }
                int id = series.id(c, row);
                if (keyed) {
                    rowIds[c][row] = id;
                } else if (columnIds[c] < 0) {
                    columnIds[c] = id;
                    columnIdsGiven++;
                }
            }
        }
    }

    private boolean xDrawn(int row) {
        double xValue = x.valueOfKey(xKeys[row]);
        return xValue == xValue && !(xHasNulls && x.isNull(row));
    }

    private boolean yKept(double y) {
        return y != y ? keepGaps : keepInfinite || !Double.isInfinite(y);
    }

    AxisRange xRange() {
        return xRange;
    }

    AxisRange yRange() {
        return yRange;
    }

    /** One sink's points and the extents of its share of the rows. */
    private final class Lane {
        private final Sink sink;
        private long[] keys = new long[0];
        private double[] ys = new double[0];
        private int[] ids = new int[0];
        private long[] numbers = new long[0];
        private double xLow = Double.POSITIVE_INFINITY;
        private double xHigh = Double.NEGATIVE_INFINITY;
        private double yLow = Double.POSITIVE_INFINITY;
        private double yHigh = Double.NEGATIVE_INFINITY;

        Lane(Sink sink) {
            this.sink = sink;
        }

        void add(int from, int to) throws IOException {
            int columns = yValues.length;
            fit((to - from) * Math.max(1, columns));
            boolean keyed = series.keyed();
            // A line's points: x counts (times, integers) without nulls and every y kept need no checks.
            boolean everyX = x.keysAreCounts() && !xHasNulls;
            boolean everyY = keepGaps && keepInfinite;
            if (everyX && everyY && columns == 1 && !keyed && sink instanceof RunSink run) {
                addRun(run, from, to);
                return;
            }
            int points = 0;
            for (int row = from; row < to; row++) {
                if (!everyX && !xDrawn(row)) {
                    continue;
                }
                long key = xKeys[row];
                long number = (firstRow + row) * columns;
                boolean drawn = false;
                for (int c = 0; c < columns; c++) {
                    double y = yValues[c][row];
                    if (!everyY && !yKept(y)) {
                        continue;
                    }
                    if (y == y) {
                        drawn = true;
                        if (yRange.placeable(y)) {
                            yLow = y < yLow ? y : yLow;
                            yHigh = y > yHigh ? y : yHigh;
                        }
                    }
                    keys[points] = key;
                    ys[points] = y;
                    ids[points] = keyed ? rowIds[c][row] : columnIds[c];
                    numbers[points] = number + c;
                    points++;
                }
                if (drawn) {
                    double xValue = x.valueOfKey(key);
                    if (xRange.placeable(xValue)) {
                        xLow = xValue < xLow ? xValue : xLow;
                        xHigh = xValue > xHigh ? xValue : xHigh;
                    }
                }
            }
            sink.accept(keys, ys, ids, numbers, points);
        }

        /** Every row a point of the one series: the extents here, the points to the sink as they lie in the batch. */
        private void addRun(RunSink run, int from, int to) throws IOException {
            double[] values = yValues[0];
            for (int row = from; row < to; row++) {
                double y = values[row];
                if (y == y) {
                    if (yRange.placeable(y)) {
                        yLow = y < yLow ? y : yLow;
                        yHigh = y > yHigh ? y : yHigh;
                    }
                    double xValue = x.valueOfKey(xKeys[row]);
                    if (xRange.placeable(xValue)) {
                        xLow = xValue < xLow ? xValue : xLow;
                        xHigh = xValue > xHigh ? xValue : xHigh;
                    }
                }
            }
            if (from < to) {
                run.acceptRun(xKeys, values, columnIds[0], firstRow, from, to);
            }
        }

        private void fit(int points) {
            if (keys.length < points) {
                keys = new long[points];
                ys = new double[points];
                ids = new int[points];
                numbers = new long[points];
            }
        }

        /** Takes this lane's extents into the scan's. */
        void measured() {
            if (xLow <= xHigh) {
                xRange.add(xLow);
                xRange.add(xHigh);
            }
            if (yLow <= yHigh) {
                yRange.add(yLow);
                yRange.add(yHigh);
            }
        }
    }
}
