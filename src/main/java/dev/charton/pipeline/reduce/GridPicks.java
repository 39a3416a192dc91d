package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Per series and pixel cell (pixel column by pixel row), the first point that falls in it, fed
 * points in table order on axes whose extents are known. The picks keep table order.
 */
final class GridPicks implements RowSpill.BlockConsumer {
    private final List<BitSet> taken = new ArrayList<>();  // by series id, a bit per pixel cell: an eighth of a byte per pixel
    private final XColumn x;
    private final AxisRange xRange;
    private final AxisRange yRange;
    private final int columns;
    private final int rows;
    private long[] keys = new long[256];
    private double[] ys = new double[256];
    private int[] ids = new int[256];
    private int picked;

    GridPicks(XColumn x, AxisRange xRange, AxisRange yRange, int columns, int rows) {
        this.x = x;
        this.xRange = xRange;
        this.yRange = yRange;
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public void accept(long[] pointKeys, double[] pointYs, int[] pointIds, int length) {
        for (int i = 0; i < length; i++) {
            int id = pointIds[i];
            while (taken.size() <= id) {
                taken.add(new BitSet());
            }
            BitSet cells = taken.get(id);
            int cell = xRange.cell(x.valueOfKey(pointKeys[i]), columns) * rows + yRange.cell(pointYs[i], rows);
            if (!cells.get(cell)) {
                cells.set(cell);
                pick(pointKeys[i], pointYs[i], id);
            }
        }
    }

    private void pick(long key, double y, int id) {
        if (picked == keys.length) {
            keys = Arrays.copyOf(keys, 2 * picked);
            ys = Arrays.copyOf(ys, 2 * picked);
            ids = Arrays.copyOf(ids, 2 * picked);
        }
        keys[picked] = key;
        ys[picked] = y;
        ids[picked] = id;
        picked++;
    }

    /** Receives the picks in table order. */
    interface Sink {
        void accept(long key, double y, int id);
    }

    /** Hands every pick to {@code sink}; returns their number. */
    int emit(Sink sink) {
        for (int i = 0; i < picked; i++) {
            sink.accept(keys[i], ys[i], ids[i]);
        }
        return picked;
    }
}
