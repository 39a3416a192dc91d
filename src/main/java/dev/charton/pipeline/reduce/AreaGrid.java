package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked areas need every series on one x grid: per panel, the union of the x values M4 kept for
 * any series. A further pass over the spilled values sums each series' rows at those x values
 * (grammar.py sums repeated x of an area), so the stack is drawn from the same totals as from
 * every row.
 */
final class AreaGrid {
    private final List<Integer> order;
    private final SeriesColumns series;
    /** Per series id, its panel's sorted distinct x keys (null for an id not drawn). */
    private final long[][] gridOf;

    AreaGrid(List<M4Columns> kept, List<Integer> order, SeriesColumns series) {
        this.order = order;
        this.series = series;
        this.gridOf = new long[kept.size()][];
        Map<Integer, long[]> panels = new HashMap<>();
        for (int id : order) {
            int facet = series.series(id).facet();
            gridOf[id] = panels.computeIfAbsent(facet, f -> panelGrid(kept, facet));
        }
    }

    private long[] panelGrid(List<M4Columns> kept, int facet) {
        long[][] keys = {new long[64]};
        int[] size = {0};
        for (int id : order) {
            if (series.series(id).facet() == facet) {
                kept.get(id).emit((key, y) -> {
                    if (size[0] == keys[0].length) {
                        keys[0] = Arrays.copyOf(keys[0], size[0] * 2);
                    }
                    keys[0][size[0]++] = key;
                });
            }
        }
        long[] sorted = Arrays.copyOf(keys[0], size[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (long key : sorted) {
            if (distinct == 0 || sorted[distinct - 1] != key) {
                sorted[distinct++] = key;
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** Sums the spilled values on the grid and writes one row per series and grid x it has rows at. */
    int write(RowSpill values, XColumn x, FieldVector xOut, Float8Vector yOut) throws IOException {
        CompensatedSum[] sums = new CompensatedSum[gridOf.length];
        boolean[][] present = new boolean[gridOf.length][];
        for (int id : order) {
            sums[id] = new CompensatedSum(gridOf[id].length);
            present[id] = new boolean[gridOf[id].length];
        }
        values.forEachBlock((keys, ys, ids, length) -> {
            for (int i = 0; i < length; i++) {
                int id = ids[i];
                if (id < gridOf.length && gridOf[id] != null && !Double.isNaN(ys[i])) {
                    int index = Arrays.binarySearch(gridOf[id], keys[i]);
                    if (index >= 0) {
                        sums[id].add(index, ys[i]);
                        present[id][index] = true;
                    }
                }
            }
        });
        int rows = 0;
        for (int id : order) {
            Series s = series.series(id);
            for (int i = 0; i < present[id].length; i++) {
                if (present[id][i]) {
                    x.writeKey(xOut, rows, gridOf[id][i]);
                    yOut.setSafe(rows, sums[id].get(i));
                    series.write(rows, s);
                    rows++;
                }
            }
        }
        return rows;
    }
}
