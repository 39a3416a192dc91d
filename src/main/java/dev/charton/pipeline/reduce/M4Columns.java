package dev.charton.pipeline.reduce;

import java.util.Arrays;

/**
 * M4 (Jugel et al., VLDB 2014) for one series: per pixel column, the rows with the first and last x
 * and the least and greatest y, and, where the line has gaps (null y), the first and last null, so
 * the break stays where it was. Ties keep the row a stable sort by x would draw first (first x,
 * least and greatest y) or last (last x). Rows are known by their x key (see {@link XColumn#key})
 * and a number that orders them as the table does.
 */
final class M4Columns {
    private static final int FIRST = 0, LAST = 1, LEAST = 2, GREATEST = 3, GAP_FIRST = 4, GAP_LAST = 5, ROLES = 6;

    private final int columns;
    private final long[] rows;
    private final long[] xs;
    private final double[] ys;

    M4Columns(int columns) {
        this.columns = columns;
        this.rows = new long[columns * ROLES];
        this.xs = new long[columns * ROLES];
        this.ys = new double[columns * ROLES];
        Arrays.fill(rows, -1);
    }

    /** Takes row {@code number}, at x key {@code position}, in pixel column {@code column}; {@code y} is NaN for a null (a gap). */
    void offer(int column, long position, long number, double y) {
        int base = column * ROLES;
        if (Double.isNaN(y)) {
            keep(base + GAP_FIRST, rows[base + GAP_FIRST] < 0 || position < xs[base + GAP_FIRST], number, position, y);
            keep(base + GAP_LAST, rows[base + GAP_LAST] < 0 || position >= xs[base + GAP_LAST], number, position, y);
            return;
        }
        keep(base + FIRST, rows[base + FIRST] < 0 || position < xs[base + FIRST], number, position, y);
        keep(base + LAST, rows[base + LAST] < 0 || position >= xs[base + LAST], number, position, y);
        keep(base + LEAST, rows[base + LEAST] < 0 || y < ys[base + LEAST], number, position, y);
        keep(base + GREATEST, rows[base + GREATEST] < 0 || y > ys[base + GREATEST], number, position, y);
    }

    private void keep(int slot, boolean replace, long number, long position, double y) {
        if (replace) {
            rows[slot] = number;
            xs[slot] = position;
            ys[slot] = y;
        }
    }

    /** Receives the kept rows of one series in x order. */
    interface Sink {
        /** {@code y} is NaN for a gap; {@code key} is the row's x key. */
        void accept(long key, double y);
    }

    /** The kept rows, in x order (ties in table order), each once. */
    void emit(Sink sink) {
        int[] slots = new int[ROLES];
        for (int column = 0; column < columns; column++) {
            int count = 0;
            for (int slot = column * ROLES; slot < (column + 1) * ROLES; slot++) {
                if (rows[slot] >= 0 && !contains(slots, count, rows[slot])) {
                    count = insertInOrder(slots, count, slot);
                }
            }
            for (int i = 0; i < count; i++) {
                sink.accept(xs[slots[i]], ys[slots[i]]);
            }
        }
    }

    private boolean contains(int[] slots, int count, long row) {
        for (int i = 0; i < count; i++) {
            if (rows[slots[i]] == row) {
                return true;
            }
        }
        return false;
    }

    private int insertInOrder(int[] slots, int count, int slot) {
        int i = count;
        while (i > 0 && before(slot, slots[i - 1])) {
            slots[i] = slots[i - 1];
            i--;
        }
        slots[i] = slot;
        return count + 1;
    }

    private boolean before(int a, int b) {
        return xs[a] < xs[b] || (xs[a] == xs[b] && rows[a] < rows[b]);
    }
}
