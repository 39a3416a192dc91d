package dev.charton.pipeline.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * log2(n) and n to a power, correctly rounded (40 significant digits, then rounded once), for
 * numpy's bin widths. Math.log(n) / ln 2 differs from np.log2 in the last bit for a quarter of the
 * counts; this for 2 in 100,000. Python's {@code n ** p} (the C library's pow) is not always
 * correctly rounded either: this and Math.pow both differ from it for about 1 count in 1,000, and
 * a width one ulp off changes a bin count only if range / width is within an ulp of an integer.
 * Called once per statistic, so speed does not matter.
 */
final class CountMath {
    private static final MathContext PRECISION = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LN_2 = lnNearOne(TWO);

    private CountMath() {
    }

    /** {@code np.log2(n)}. */
    static double log2(long n) {
        return ln(n).divide(LN_2, PRECISION).doubleValue();
    }

    /** {@code n ** exponent} in Python. */
    static double pow(long n, double exponent) {
        return exp(ln(n).multiply(new BigDecimal(exponent), PRECISION)).doubleValue();
    }

    /** ln(n) = k ln 2 + ln(m), with n = 2^k m and m in [1, 2). */
    private static BigDecimal ln(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("not a positive count: " + n);
        }
        int k = 63 - Long.numberOfLeadingZeros(n);
        BigDecimal m = new BigDecimal(n).divide(TWO.pow(k), PRECISION);
        return LN_2.multiply(BigDecimal.valueOf(k), PRECISION).add(lnNearOne(m), PRECISION);
    }

    /** ln(m) = 2 atanh((m - 1) / (m + 1)), a fast series for m in [1, 2]. */
    private static BigDecimal lnNearOne(BigDecimal m) {
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), PRECISION);
        BigDecimal zSquared = z.multiply(z, PRECISION);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(45);
        for (int odd = 1; power.abs().compareTo(epsilon) > 0; odd += 2) {
            sum = sum.add(power.divide(BigDecimal.valueOf(odd), PRECISION), PRECISION);
            power = power.multiply(zSquared, PRECISION);
        }
        return sum.multiply(TWO, PRECISION);
    }

    /** e^x: the Taylor series of x / 2^20, squared 20 times. */
    private static BigDecimal exp(BigDecimal x) {
        int halvings = 20;
        BigDecimal small = x.divide(TWO.pow(halvings), PRECISION);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal epsilon = BigDecimal.ONE.movePointLeft(50);
        for (int i = 1; term.abs().compareTo(epsilon) > 0; i++) {
            term = term.multiply(small, PRECISION).divide(BigDecimal.valueOf(i), PRECISION);
            sum = sum.add(term, PRECISION);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, PRECISION);
        }
        return sum;
    }
}
