package dev.charton.pipeline.stats;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a column has more distinct values than a limit (grammar.HEATMAP_CELLS: a heatmap axis
 * with more is binned), in memory bounded by the limit: counting stops once it is passed. Values
 * are compared as pandas' nunique does: 0.0 and -0.0 are one value.
 */
public final class DistinctCount {
    /** grammar.HEATMAP_CELLS. */
    public static final int HEATMAP_CELLS = 50;

    private final int limit;
    private final Set<Long> seen = new HashSet<>();

    public DistinctCount(int limit) {
        this.limit = limit;
    }

    public void add(double value) {
        add(Double.doubleToLongBits(value == 0 ? 0.0 : value));
    }

    /** A temporal value (epoch units) or any other value identified by a long. */
    public void add(long value) {
        if (seen.size() <= limit) {
            seen.add(value);
        }
    }

    public boolean exceedsLimit() {
        return seen.size() > limit;
    }
}
