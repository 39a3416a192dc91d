package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;

import java.util.ArrayList;
import java.util.List;

/** M4 of every series at once, fed points in table order on an x axis whose extent is known. */
final class M4Series implements RowSpill.BlockConsumer {
    private final List<M4Columns> kept = new ArrayList<>();
    private final XColumn x;
    private final AxisRange range;
    private final int cells;
    private long number;

    M4Series(XColumn x, AxisRange range, int cells) {
        this.x = x;
        this.range = range;
        this.cells = cells;
    }

    @Override
    public void accept(long[] keys, double[] ys, int[] ids, int length) {
        int lastId = -1;
        M4Columns columns = null;
        for (int i = 0; i < length; i++) {
            int id = ids[i];
            if (id != lastId) {
                columns = columnsOf(id);
                lastId = id;
            }
            columns.offer(range.cell(x.valueOfKey(keys[i]), cells), keys[i], number++, ys[i]);
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

    /** By series id, the series' M4; null for an id with no values. */
    List<M4Columns> kept() {
        return kept;
    }
}
