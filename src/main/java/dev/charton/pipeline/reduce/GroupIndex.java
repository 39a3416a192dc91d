package dev.charton.pipeline.reduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers the groups of rows sharing an x key and a series (both dense ids) 0, 1, 2, ... in order
 * of first appearance, through a table per series indexed by x id: no hashing or object per row.
 */
final class GroupIndex {
    private final SeriesColumns series;
    private final List<XGroup> found = new ArrayList<>();
    /** By series id, by x id + 1 (a null x is 0): the group's number + 1, 0 when not seen. */
    private int[][] numbers = new int[1][];

    GroupIndex(SeriesColumns series) {
        this.series = series;
    }

    /** The number of the group of {@code x} ({@link KeyColumn#NULL} too) and the series {@code seriesId}. */
    int number(int x, int seriesId) {
        if (seriesId >= numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(seriesId + 1, numbers.length * 2));
        }
        int[] byX = numbers[seriesId];
        int slot = x + 1;
        if (byX == null || slot >= byX.length) {
            byX = byX == null ? new int[Math.max(16, slot + 1)] : Arrays.copyOf(byX, Math.max(slot + 1, byX.length * 2));
            numbers[seriesId] = byX;
        }
        if (byX[slot] == 0) {
            found.add(new XGroup(x, series.series(seriesId)));
            byX[slot] = found.size();
        }
        return byX[slot] - 1;
    }

    /** The groups by number. */
    List<XGroup> found() {
        return found;
    }
}
