package dev.charton.pipeline.stats;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The value sets every statistic is checked on: shapes that trouble selection and binning. */
final class Datasets {
    private Datasets() {
    }

    static Map<String, double[]> all() {
        Random random = new Random(20261203);
        Map<String, double[]> sets = new LinkedHashMap<>();
        sets.put("one value", new double[] {3.25});
        sets.put("two values", new double[] {-1, 7.5});
        sets.put("seven values", new double[] {5, 1, 4, 1, 5, 9, 2});
        sets.put("constant", filled(5000, i -> 42.0));
        sets.put("normal", filled(100_000, i -> random.nextGaussian() * 3 + 10));
        sets.put("lognormal, skewed", filled(300_000, i -> Math.exp(random.nextGaussian() * 2.5)));
        sets.put("five values, many duplicates", filled(400_000, i -> random.nextInt(5)));
        sets.put("mostly one value with outliers",
                filled(200_000, i -> random.nextInt(100) == 0 ? random.nextGaussian() * 1e6 : 7.0));
        // A million values within a few ulps: the first grid puts them in one bucket, too big to collect.
        sets.put("a dense cluster in a wide range", filled(2_000_000, i -> i % 1000 == 0 ? random.nextDouble() * 1e9
                : 1 + Math.ulp(1.0) * random.nextInt(40)));
        sets.put("uniform, large", filled(3_000_000, i -> random.nextDouble() * 200 - 100));
        return sets;
    }

    static DoubleSpill spill(double[] values, int memoryValues) throws IOException {
        DoubleSpill spill = new DoubleSpill(memoryValues);
        for (double value : values) {
            spill.add(value);
        }
        return spill;
    }

    private static double[] filled(int size, java.util.function.IntToDoubleFunction value) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = value.applyAsDouble(i);
        }
        return values;
    }
}
