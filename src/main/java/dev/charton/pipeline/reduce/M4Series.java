package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;

import java.util.ArrayList;
import java.util.List;

/**
 * M4 of every series at once, fed points on an x axis whose extent is known: in table order from a
 * spill, or numbered ({@link PointRows}) in any order of shares, whose partial results
 * {@link #merge} into the one table order gives.
 */
final class M4Series implements RowSpill.BlockConsumer, PointRows.RunSink {
    private final List<M4Columns> kept = new ArrayList<>();
    private final XColumn x;
    private final AxisRange range;
    private final int cells;
    private long number;
    private double[] xs = new double[0];
    private int[] columns = new int[0];
    private long[] numbers = new long[0];

    M4Series(XColumn x, AxisRange range, int cells) {
        this.x = x;
        this.range = range;
        this.cells = cells;
    }

    /** Points in table order, numbered as they come. */
    @Override
    public void accept(long[] keys, double[] ys, int[] ids, int length) {
        fit(length);
        for (int i = 0; i < length; i++) {
            numbers[i] = number++;
        }
        offer(keys, ys, ids, numbers, length);
    }

    /** Points numbered by {@link PointRows}. */
    @Override
    public void accept(long[] keys, double[] ys, int[] ids, long[] numbers, int length) {
        fit(length);
        offer(keys, ys, ids, numbers, length);
    }

    /** A run of one series straight from the batch's arrays: its points' pixel columns, then its M4 in one call. */
    @Override
    public void acceptRun(long[] keys, double[] ys, int id, long firstNumber, int from, int to) {
        fit(to);
        for (int i = from; i < to; i++) {
            numbers[i] = firstNumber + i;
        }
        x.valuesOfKeys(keys, xs, from, to);
        range.cells(xs, columns, from, to, cells);
        columnsOf(id).offer(columns, keys, numbers, ys, from, to);
    }

    private void offer(long[] keys, double[] ys, int[] ids, long[] numbers, int length) {
        x.valuesOfKeys(keys, xs, 0, length);
        range.cells(xs, columns, 0, length, cells);
        // Runs of one series (a whole batch of a single line) go to its M4 in one call.
        int start = 0;
        while (start < length) {
            int id = ids[start];
            int end = start + 1;
            while (end < length && ids[end] == id) {
                end++;
            }
            columnsOf(id).offer(columns, keys, numbers, ys, start, end);
            start = end;
        }
    }

    private void fit(int length) {
        if (xs.length < length) {
            xs = new double[length];
            columns = new int[length];
            numbers = new long[length];
        }
    }

    private M4Columns columnsOf(int id) {
        while (kept.size() <= id) {
            kept.add(null);
        }
        M4Columns columns = kept.get(id);
        if (columns == null) {
            columns = new M4Columns(cells);
            kept.set(id, columns);
        }
        return columns;
    }

    /** Takes in what {@code other} kept of other points, numbered alike, of the same series. */
    void merge(M4Series other) {
        for (int id = 0; id < other.kept.size(); id++) {
            if (other.kept.get(id) != null) {
                columnsOf(id).merge(other.kept.get(id));
            }
        }
    }

    /** By series id, the series' M4; null for an id with no values. */
    List<M4Columns> kept() {
        return kept;
    }
}
