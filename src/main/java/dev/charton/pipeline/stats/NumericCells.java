package dev.charton.pipeline.stats;

import java.util.Arrays;

/**
 * A binned numeric heatmap axis as grammar._cells makes it: about {@code count} intervals of a round
 * width (1, 2, 2.5 or 5 times a power of ten) covering [low, high] (grammar._round_edges), each
 * closed on the left ({@code pd.cut(values, edges, right=False)}).
 */
public final class NumericCells {
    private static final double[] ROUND_FACTORS = {1, 2, 2.5, 5, 10};

    private final double[] edges;

    private NumericCells(double[] edges) {
        this.edges = edges;
    }

    /** The axis for values from {@code low} to {@code high} (low < high: an axis is binned only with many values). */
    public static NumericCells of(double low, double high, int count) {
        if (!(high > low) || count < 1) {
            throw new IllegalArgumentException("cannot bin [" + low + ", " + high + "] into " + count + " intervals");
        }
        double raw = (high - low) / count;
        // Math.pow matches the C library's pow(10, k) (which Python's ** calls) but for k = 23.
        double magnitude = Math.pow(10.0, Math.floor(StrictMath.log10(raw)));
        double step = 0;
        for (double factor : ROUND_FACTORS) {
            step = factor * magnitude;
            if (step >= raw) {
                break;
            }
        }
        // + 0.0: Python's math.floor gives the integer 0 where Math.floor gives -0.0
        double start = (Math.floor(low / step) + 0.0) * step;
        int edgeCount = (int) Math.floor((high - start) / step) + 2;
        double[] edges = new double[edgeCount];
        for (int i = 0; i < edgeCount; i++) {
            edges[i] = start + step * i;
        }
        return new NumericCells(edges);
    }

    public double[] edges() {
        return edges.clone();
    }

    /** The interval i with edges[i] <= value < edges[i + 1]; -1 outside every interval (pandas' NaN). */
    public int binOf(double value) {
        // pandas compares -0.0 and 0.0 as equal, binarySearch does not (no edge is -0.0)
        int insertion = Arrays.binarySearch(edges, value == 0 ? 0.0 : value);
        // An exact edge starts its interval; between edges, the insertion point is the interval's end.
        int bin = insertion >= 0 ? insertion : -insertion - 2;
        return bin >= 0 && bin < edges.length - 1 ? bin : -1;
    }
}
