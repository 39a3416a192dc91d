package dev.charton.pipeline.stats;

/** A {@link DoubleSource} that counts its values and their extent as they are added. */
abstract class CountedValues implements DoubleSource {
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Counts a value about to be added; refuses one that is not finite. */
    final void count(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite value: " + value);
        }
        count++;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    @Override
    public final long count() {
        return count;
    }

    @Override
    public final double min() {
        return min;
    }

    @Override
    public final double max() {
        return max;
    }
}
