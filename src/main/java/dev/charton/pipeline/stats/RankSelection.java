package dev.charton.pipeline.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values of given ranks in the sorted order of a {@link DoubleSource}, without sorting it: a
 * pass counts the values per bucket of a grid between the least and greatest value, which locates
 * the bucket holding each rank; a bucket small enough is collected and sorted in memory, a bigger
 * one is counted again on a finer grid of its own. A bucket of equal values needs no collecting.
 */
final class RankSelection {
    static final int BUCKETS = 1 << 16;
    static final int COLLECT_LIMIT = 1 << 18;

    private RankSelection() {
    }

    /** The {@code ranks[i]}-th smallest value (0-based) at index i. */
    static double[] select(DoubleSource source, long[] ranks) throws IOException {
        double[] results = new double[ranks.length];
        for (long rank : ranks) {
            if (rank < 0 || rank >= source.count()) {
                throw new IllegalArgumentException("rank " + rank + " of " + source.count() + " values");
            }
        }
        int[] all = new int[ranks.length];
        Arrays.setAll(all, i -> i);
        List<Target> pending = List.of(new Target(List.of(), new Grid(source.min(), source.max()),
                source.count(), ranks.clone(), all));
        while (!pending.isEmpty()) {
            List<Target> targets = pending;
            source.forEachBlock((values, length) -> {
                for (Target target : targets) {
                    target.scan(values, length);
                }
            });
            List<Target> next = new ArrayList<>();
            for (Target target : targets) {
                target.resolve(results, next);
            }
            pending = next;
        }
        return results;
    }

    /** Buckets of equal width between lo and hi; values outside go to the first or last bucket. */
    record Grid(double lo, double hi) {
        int bucket(double value) {
            if (value <= lo) {
                return 0;
            }
            if (value >= hi) {
                return BUCKETS - 1;
            }
            // Monotonic in value, so the order of buckets is the order of their values.
            return Math.min(BUCKETS - 1, (int) ((value - lo) / (hi - lo) * BUCKETS));
        }

        Grid of(int bucket) {
            double width = (hi - lo) / BUCKETS;
            return new Grid(lo + bucket * width, lo + (bucket + 1) * width);
        }
    }

    /** A bucket reached through a grid per level. */
    record Step(Grid grid, int bucket) {
    }

    /**
     * The values in one bucket (those every step of {@code path} lets through), with the ranks
     * wanted among them: collected when few enough, else counted on {@code grid}.
     */
    private static final class Target {
        private final List<Step> path;
        private final Grid grid;
        private final long count;
        private final long[] ranks;
        private final int[] resultIndexes;
        private final double[] collected;
        private final long[] counts;
        private int size;
        private double least = Double.POSITIVE_INFINITY;
        private double greatest = Double.NEGATIVE_INFINITY;

        Target(List<Step> path, Grid grid, long count, long[] ranks, int[] resultIndexes) {
            this.path = path;
            this.grid = grid;
            this.count = count;
            this.ranks = ranks;
            this.resultIndexes = resultIndexes;
            this.collected = count <= COLLECT_LIMIT ? new double[(int) count] : null;
            this.counts = collected == null ? new long[BUCKETS] : null;
        }

        void scan(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                double value = values[i];
                if (!contains(value)) {
                    continue;
                }
                if (collected != null) {
                    collected[size++] = value;
                } else {
                    counts[grid.bucket(value)]++;
                    least = Math.min(least, value);
                    greatest = Math.max(greatest, value);
                }
            }
        }

        private boolean contains(double value) {
            for (Step step : path) {
                if (step.grid.bucket(value) != step.bucket) {
                    return false;
                }
            }
            return true;
        }

        void resolve(double[] results, List<Target> next) {
            if (collected != null) {
                Arrays.sort(collected, 0, size);
                for (int i = 0; i < ranks.length; i++) {
                    results[resultIndexes[i]] = collected[(int) ranks[i]];
                }
            } else if (least == greatest) {
                for (int index : resultIndexes) {
                    results[index] = least;
                }
            } else {
                split(next);
            }
        }

        /** A target per bucket holding one of the ranks (ranks are grouped by bucket). */
        private void split(List<Target> next) {
            long before = 0;
            int rank = 0;
            Integer[] order = new Integer[ranks.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(ranks[a], ranks[b]));
            for (int bucket = 0; bucket < BUCKETS && rank < order.length; bucket++) {
                long end = before + counts[bucket];
                int first = rank;
                while (rank < order.length && ranks[order[rank]] < end) {
                    rank++;
                }
                if (rank > first) {
                    long[] within = new long[rank - first];
                    int[] indexes = new int[rank - first];
                    for (int i = first; i < rank; i++) {
                        within[i - first] = ranks[order[i]] - before;
                        indexes[i - first] = resultIndexes[order[i]];
                    }
                    List<Step> deeper = new ArrayList<>(path);
                    deeper.add(new Step(grid, bucket));
                    // No progress (every value in one bucket): the next grid spans exactly these values.
                    Grid finer = counts[bucket] == count ? new Grid(least, greatest) : grid.of(bucket);
                    next.add(new Target(List.copyOf(deeper), finer, counts[bucket], within, indexes));
                }
                before = end;
            }
        }
    }
}
