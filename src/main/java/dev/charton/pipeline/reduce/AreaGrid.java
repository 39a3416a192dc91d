package dev.charton.pipeline.reduce;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked areas need every series on one x grid: per panel, the union of the x values M4 kept for
 * any series. A further scan sums each series' rows at those x values (grammar.py sums repeated x
 * of an area), so the stack is drawn from the same totals as from every row.
 */
final class AreaGrid implements AutoCloseable {
    private final Map<Series, M4Columns> kept;
    private final List<Series> order;
    private final XColumn x;
    private final Map<Integer, Panel> panels = new HashMap<>();

    /** One panel's grid: the sorted distinct x keys, their exact values beside. */
    private record Panel(long[] xs, FieldVector exact) {
        int indexOf(long value) {
            int i = Arrays.binarySearch(xs, value);
            return i >= 0 ? i : -1;
        }
    }

    AreaGrid(Map<Series, M4Columns> kept, List<Series> order, XColumn x, BufferAllocator allocator) {
        this.kept = kept;
        this.order = order;
        this.x = x;
        Map<Integer, List<Series>> byPanel = new HashMap<>();
        for (Series s : order) {
            byPanel.computeIfAbsent(s.facet(), f -> new ArrayList<>()).add(s);
        }
        byPanel.forEach((facet, members) -> panels.put(facet, panel(members, allocator)));
    }

    private record Candidate(long x, FieldVector exact, int slot) {
    }

    private Panel panel(List<Series> members, BufferAllocator allocator) {
        List<Candidate> candidates = new ArrayList<>();
        for (Series s : members) {
            kept.get(s).emit((exact, slot, key, y) -> candidates.add(new Candidate(key, exact, slot)));
        }
        candidates.sort((a, b) -> Long.compare(a.x(), b.x()));
        long[] xs = new long[candidates.size()];
        FieldVector exact = x.newVector(allocator);
        int size = 0;
        for (Candidate c : candidates) {
            if (size == 0 || xs[size - 1] != c.x()) {
                xs[size] = c.x();
                exact.copyFromSafe(c.slot(), size, c.exact());
                size++;
            }
        }
        return new Panel(Arrays.copyOf(xs, size), exact);
    }

    /** Scans the source for the sums and writes one row per series and grid x it has rows at. */
    int write(BatchSource source, List<String> yNames, SeriesColumns series, FieldVector xOut, Float8Vector yOut)
            throws IOException {
        Map<Series, CompensatedSum> sums = new HashMap<>();
        Map<Series, boolean[]> present = new HashMap<>();
        for (Series s : order) {
            int size = panels.get(s.facet()).xs().length;
            sums.put(s, new CompensatedSum(size));
            present.put(s, new boolean[size]);
        }
        SeriesRows.scan(source, x, series, yNames, (row, s, xValue, y) -> {
            Panel panel = panels.get(s.facet());
            int index = panel == null || Double.isNaN(y) ? -1 : panel.indexOf(x.key(row));
            if (index >= 0 && sums.containsKey(s)) {
                sums.get(s).add(index, y);
                present.get(s)[index] = true;
            }
        });
        int rows = 0;
        for (Series s : order) {
            Panel panel = panels.get(s.facet());
            boolean[] has = present.get(s);
            for (int i = 0; i < has.length; i++) {
                if (has[i]) {
                    xOut.copyFromSafe(i, rows, panel.exact());
                    yOut.setSafe(rows, sums.get(s).get(i));
                    series.write(rows, s);
                    rows++;
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        panels.values().forEach(panel -> panel.exact().close());
    }
}
