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
        Grid first = Grid.between(source.min(), source.max());
        List<Target> pending = List.of(new Target(new Step[0], first, source.count(), ranks.clone(), all));
        FirstLevel scratch = new FirstLevel(first);
        while (!pending.isEmpty()) {
            List<Target> targets = pending;
            scratch.want(targets);
            source.forEachBlock((values, length) -> {
                int hits = scratch.locate(values, length);
                for (Target target : targets) {
                    target.scan(values, scratch.buckets, scratch.hits, hits);
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

    /**
     * Buckets of equal width between lo and hi; values outside go to the first or last bucket. A
     * range too wide for a double (hi - lo overflows) is measured in halves.
     */
    record Grid(double lo, double hi, double scale, boolean halved) {
        static Grid between(double lo, double hi) {
            boolean halved = Double.isInfinite(hi - lo);
            return new Grid(lo, hi, BUCKETS / (halved ? hi * 0.5 - lo * 0.5 : hi - lo), halved);
        }

        int bucket(double value) {
            if (value <= lo) {
                return 0;
            }
            if (value >= hi) {
                return BUCKETS - 1;
            }
            double offset = halved ? value * 0.5 - lo * 0.5 : value - lo;
            // Monotonic in value, so the order of buckets is the order of their values.
            return Math.min(BUCKETS - 1, (int) (offset * scale));
        }

        Grid of(int bucket) {
            double width = 1 / scale;
            double start = halved ? lo * 0.5 + bucket * width : lo + bucket * width;
            double end = halved ? lo * 0.5 + (bucket + 1) * width : lo + (bucket + 1) * width;
            return halved ? between(Math.max(-Double.MAX_VALUE, start * 2), Math.min(Double.MAX_VALUE, end * 2))
                    : between(start, end);
        }
    }

    /**
     * Each value's bucket in the first grid, which every target's path starts with, computed once
     * per value; and the positions of the values in a bucket some target wants, so that targets
     * deeper down look at those only.
     */
    private static final class FirstLevel {
        private final Grid grid;
        private final boolean[] wanted = new boolean[BUCKETS];
        private int[] buckets = new int[0];
        private int[] hits = new int[0];

        FirstLevel(Grid grid) {
            this.grid = grid;
        }

        void want(List<Target> targets) {
            Arrays.fill(wanted, false);
            for (Target target : targets) {
                if (target.path.length == 0) {
                    Arrays.fill(wanted, true);
                } else {
                    wanted[target.path[0].bucket] = true;
                }
            }
        }

        /** Fills buckets and hits for a block; returns the number of hits. */
        int locate(double[] values, int length) {
            if (buckets.length < length) {
                buckets = new int[length];
                hits = new int[length];
            }
            int count = 0;
            for (int i = 0; i < length; i++) {
                int bucket = grid.bucket(values[i]);
                buckets[i] = bucket;
                if (wanted[bucket]) {
                    hits[count++] = i;
                }
            }
            return count;
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
        private final Step[] path;
        private final Grid grid;
        private final long count;
        private final long[] ranks;
        private final int[] resultIndexes;
        private final double[] collected;
        private final long[] counts;
        private int size;
        private double least = Double.POSITIVE_INFINITY;
        private double greatest = Double.NEGATIVE_INFINITY;

        Target(Step[] path, Grid grid, long count, long[] ranks, int[] resultIndexes) {
            this.path = path;
            this.grid = grid;
            this.count = count;
            this.ranks = ranks;
            this.resultIndexes = resultIndexes;
            this.collected = count <= COLLECT_LIMIT ? new double[(int) count] : null;
            this.counts = collected == null ? new long[BUCKETS] : null;
        }

        /** @param firstBuckets each value's bucket in the first grid; hits the positions worth a look */
        void scan(double[] values, int[] firstBuckets, int[] hits, int hitCount) {
            for (int h = 0; h < hitCount; h++) {
                int i = hits[h];
                double value = values[i];
                if (path.length > 0 && (firstBuckets[i] != path[0].bucket || !contains(value))) {
                    continue;
                }
                if (collected != null) {
                    collected[size++] = value;
                } else {
                    counts[path.length == 0 ? firstBuckets[i] : grid.bucket(value)]++;
                    least = Math.min(least, value);
                    greatest = Math.max(greatest, value);
                }
            }
        }

        /** Whether the value is in this target's bucket at every level but the first. */
        private boolean contains(double value) {
            for (int level = 1; level < path.length; level++) {
                Step step = path[level];
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
                    Step[] deeper = Arrays.copyOf(path, path.length + 1);
                    deeper[path.length] = new Step(grid, bucket);
                    // No progress (every value in one bucket): the next grid spans exactly these values.
                    Grid finer = counts[bucket] == count ? Grid.between(least, greatest) : grid.of(bucket);
                    next.add(new Target(deeper, finer, counts[bucket], within, indexes));
                }
                before = end;
            }
        }
    }
}
