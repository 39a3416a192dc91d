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

    /**
     * Takes points {@code [from, to)} of the arrays: point {@code i} is row {@code numbers[i]}, at x key
     * {@code positions[i]}, in pixel column {@code columns[i]}; {@code values[i]}, its y, is NaN for a
     * null (a gap).
     */
    void offer(int[] columns, long[] positions, long[] numbers, double[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            int base = columns[i] * ROLES;
            long position = positions[i];
            long number = numbers[i];
            double y = values[i];
            if (y != y) {
                if (rows[base + GAP_FIRST] < 0 || position < xs[base + GAP_FIRST]) {
                    keep(base + GAP_FIRST, number, position, y);
                }
                if (rows[base + GAP_LAST] < 0 || position >= xs[base + GAP_LAST]) {
                    keep(base + GAP_LAST, number, position, y);
                }
                continue;
            }
            // The four roles are first taken together, so one empty means all are.
            if (rows[base + FIRST] < 0) {
                for (int slot = base + FIRST; slot <= base + GREATEST; slot++) {
                    keep(slot, number, position, y);
                }
                continue;
            }
            if (position < xs[base + FIRST]) {
                keep(base + FIRST, number, position, y);
            }
            if (position >= xs[base + LAST]) {
                keep(base + LAST, number, position, y);
            }
            if (y < ys[base + LEAST]) {
                keep(base + LEAST, number, position, y);
            } else if (y > ys[base + GREATEST]) {
                keep(base + GREATEST, number, position, y);
            }
        }
    }

    private void keep(int slot, long number, long position, double y) {
        rows[slot] = number;
        xs[slot] = position;
        ys[slot] = y;
    }

    /**
     * Takes in the rows {@code other} kept of other rows of the same series (numbered alike): each role
     * then holds the row it would hold had it been offered every row, whatever the order, since ties
     * go by row number as {@link #offer} in table order resolves them.
     */
    void merge(M4Columns other) {
        for (int column = 0; column < columns; column++) {
            int base = column * ROLES;
            for (int role = 0; role < ROLES; role++) {
                int slot = base + role;
                if (other.rows[slot] >= 0 && (rows[slot] < 0 || replacedBy(role, slot, other))) {
                    keep(slot, other.rows[slot], other.xs[slot], other.ys[slot]);
                }
            }
        }
    }

    private boolean replacedBy(int role, int slot, M4Columns other) {
        boolean earlier = other.rows[slot] < rows[slot];
        return switch (role) {
            case FIRST, GAP_FIRST -> other.xs[slot] < xs[slot] || other.xs[slot] == xs[slot] && earlier;
            case LAST, GAP_LAST -> other.xs[slot] > xs[slot] || other.xs[slot] == xs[slot] && !earlier;
            case LEAST -> other.ys[slot] < ys[slot] || other.ys[slot] == ys[slot] && earlier;
            default -> other.ys[slot] > ys[slot] || other.ys[slot] == ys[slot] && earlier;
        };
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
