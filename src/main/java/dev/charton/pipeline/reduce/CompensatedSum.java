package dev.charton.pipeline.reduce;

/**
 * Sums of many groups with Kahan compensation, the summation pandas' group-by sum and mean use, so
 * the totals agree with pandas' to the last bits rather than drifting with the row count.
 */
final class CompensatedSum {
    private double[] sums;
    private double[] compensations;

    CompensatedSum(int groups) {
        sums = new double[Math.max(groups, 1)];
        compensations = new double[sums.length];
    }

    void add(int group, double value) {
        if (group >= sums.length) {
            int size = Math.max(group + 1, sums.length * 2);
            sums = java.util.Arrays.copyOf(sums, size);
            compensations = java.util.Arrays.copyOf(compensations, size);
        }
        double sum = sums[group];
        double adjusted = value - compensations[group];
        double total = sum + adjusted;
        double compensation = total - sum - adjusted;
        // An infinite value makes the compensation NaN; pandas resets it so the total stays infinite.
        compensations[group] = Double.isNaN(compensation) ? 0.0 : compensation;
        sums[group] = total;
    }

    double get(int group) {
        return group < sums.length ? sums[group] : 0.0;
    }
}
