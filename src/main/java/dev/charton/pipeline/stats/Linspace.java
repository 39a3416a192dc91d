package dev.charton.pipeline.stats;

/** {@code np.linspace(start, stop, num)} (endpoint included), to the bit. */
final class Linspace {
    private Linspace() {
    }

    static double[] of(double start, double stop, int num) {
        double[] points = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        for (int i = 0; i < num; i++) {
            double point;
            if (div <= 0) {
                point = i * delta;
            } else if (step == 0) {
                // numpy's way around a step that underflows: divide first, then scale
                point = ((double) i / div) * delta;
            } else {
                point = i * step;
            }
            points[i] = point + start;
        }
        if (num > 1) {
            points[num - 1] = stop;
        }
        return points;
    }
}
