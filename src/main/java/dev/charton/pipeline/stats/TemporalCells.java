package dev.charton.pipeline.stats;

/**
 * A binned temporal heatmap axis as grammar._cells makes it: {@code pd.cut(values, count)} on the
 * epoch values in the column's own unit (the unit pandas holds the column in): equal-width edges
 * from the least to the greatest value ({@code np.linspace} in floating point, floored to whole
 * units), the first edge moved down by 0.1% of the range, intervals closed on the right.
 * <p>
 * Like pandas, the last edge is the range converted to a double and back, so beyond 2^53 units
 * it can fall short of the greatest value, which then lies in no interval.
 */
public final class TemporalCells {
    private final long[] edges;

    private TemporalCells(long[] edges) {
        this.edges = edges;
    }

    /** The axis for values from {@code least} to {@code greatest} (least < greatest). */
    public static TemporalCells of(long least, long greatest, int count) {
        if (!(greatest > least) || count < 1) {
            throw new IllegalArgumentException("cannot bin [" + least + ", " + greatest + "] into " + count + " intervals");
        }
        long range = greatest - least;
        double[] offsets = Linspace.of(0, range, count + 1);
        long[] edges = new long[count + 1];
        for (int i = 0; i <= count; i++) {
            edges[i] = (long) Math.floor(offsets[i]) + least;
        }
        edges[0] -= (long) (range * 0.001);
        return new TemporalCells(edges);
    }

    public long[] edges() {
        return edges.clone();
    }

    /** The interval i with edges[i] < value <= edges[i + 1]; -1 outside every interval (pandas' NaN). */
    public int binOf(long value) {
        int insertion = java.util.Arrays.binarySearch(edges, value);
        // An exact edge ends its interval; between edges, the insertion point is the interval's end.
        int end = insertion >= 0 ? insertion : -insertion - 1;
        return end >= 1 && end < edges.length ? end - 1 : -1;
    }
}
