package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.Float8Vector;

import java.util.Arrays;

/**
 * Running statistics of numbered groups, in pandas' group-by semantics: {@code size} counts rows
 * (a null value too, as {@code size()} does), the others skip nulls; the sum of a group without
 * values is 0, its mean, min and max are null.
 */
final class GroupStats {
    private long[] sizes = new long[16];
    private long[] counts = new long[16];
    private double[] mins = new double[16];
    private double[] maxs = new double[16];
    private final CompensatedSum sums = new CompensatedSum(16);
    private int groups;

    /** A new group's number. */
    int open() {
        if (groups == sizes.length) {
            int size = groups * 2;
            sizes = Arrays.copyOf(sizes, size);
            counts = Arrays.copyOf(counts, size);
            mins = Arrays.copyOf(mins, size);
            maxs = Arrays.copyOf(maxs, size);
        }
        mins[groups] = Double.POSITIVE_INFINITY;
        maxs[groups] = Double.NEGATIVE_INFINITY;
        return groups++;
    }

    void addNull(int group) {
        sizes[group]++;
    }

    void add(int group, double value) {
        sizes[group]++;
        counts[group]++;
        sums.add(group, value);
        mins[group] = Math.min(mins[group], value);
        maxs[group] = Math.max(maxs[group], value);
    }

    /**
     * Adds a part of a group summed elsewhere (an engine's GROUP BY): {@code size} rows, {@code count}
     * of them with values, whose sum, least and greatest are given (ignored when count is 0).
     */
    void addPart(int group, long size, long count, double sum, double min, double max) {
        sizes[group] += size;
        counts[group] += count;
        if (count > 0) {
            sums.add(group, sum);
            mins[group] = Math.min(mins[group], min);
            maxs[group] = Math.max(maxs[group], max);
        }
    }

    /** How many groups were opened. */
    int groups() {
        return groups;
    }

    long size(int group) {
        return sizes[group];
    }

    /** Whether some group has more than one row. */
    boolean repeated() {
        for (int g = 0; g < groups; g++) {
            if (sizes[g] > 1) {
                return true;
            }
        }
        return false;
    }

    /** Writes a group's aggregate into an output row (left null where pandas gives null). */
    void write(Float8Vector out, int row, int group, String agg) {
        double value = value(group, agg);
        if (!Double.isNaN(value)) {
            out.setSafe(row, value);
        }
    }

    /** The aggregate {@code agg} of a group (null {@code agg}: the sum), NaN where pandas gives null. */
    private double value(int group, String agg) {
        boolean empty = counts[group] == 0;
        return switch (agg == null ? "sum" : agg) {
            case "count" -> sizes[group];
            case "sum" -> sums.get(group);
            case "mean" -> empty ? Double.NaN : sums.get(group) / counts[group];
            case "min" -> empty ? Double.NaN : mins[group];
            case "max" -> empty ? Double.NaN : maxs[group];
            default -> throw new IllegalArgumentException("unknown aggregation " + agg);
        };
    }
}
