package dev.charton.input.csv;

import java.math.BigInteger;

/**
 * Converts decimal text to the correctly rounded double without {@link Double#parseDouble}'s
 * big-integer arithmetic, which dominated CSV conversion for 17-digit values. Two exact methods:
 * Clinger's (a significand below 2^53 times a power of ten up to 10^22, both exact doubles, so one
 * rounding) and Eisel and Lemire's (the significand times a 128-bit approximation of the power of
 * five, which decides the rounding except in rare cases that go to Double.parseDouble).
 * References: W. D. Clinger, "How to read floating point numbers accurately" (PLDI 1990);
 * D. Lemire, "Number parsing at a gigabyte per second" (Software: Practice and Experience, 2021).
 */
final class DecimalToDouble {
    private static final int MAX_DIGITS = 19;
    private static final int SMALLEST_POWER = -342;
    private static final int LARGEST_POWER = 308;
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static {
        EXACT_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < EXACT_POWERS_OF_TEN.length; i++) {
            EXACT_POWERS_OF_TEN[i] = EXACT_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private DecimalToDouble() {
    }

    /** The double nearest to {@code s}, a decimal [sign] digits [. digits] [e [sign] digits], or inf/nan. */
    static double parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long significand = 0;
        int digits = 0;
        int exponent = 0;
        boolean fraction = false;
        boolean anyDigit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (significand != 0 || c != '0') {
                    if (digits == MAX_DIGITS) {
                        return Double.parseDouble(s); // more digits than 64 bits hold
                    }
                    significand = significand * 10 + (c - '0');
                    digits++;
                }
                if (fraction) {
                    exponent--;
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return special(s, negative);
        }
        if (i < n) {
            char e = s.charAt(i);
            if ((e != 'e' && e != 'E') || i + 1 == n) {
                return Double.parseDouble(s);
            }
            int written = TextValues.digitsWithSign(s, i + 1);
            if (written == Integer.MIN_VALUE) {
                return Double.parseDouble(s);
            }
            exponent += written;
        }
        double magnitude = significand == 0 ? 0.0 : magnitude(significand, exponent, s);
        return negative ? -magnitude : magnitude;
    }

    private static double special(String s, boolean negative) {
        int start = s.length() > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        char c = start < s.length() ? Character.toLowerCase(s.charAt(start)) : ' ';
        if (c == 'n') {
            return Double.NaN;
        }
        if (c == 'i') {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s); // throws: not a number
    }

    /** {@code w * 10^q} for a non-zero w (as an unsigned 64-bit integer). */
    private static double magnitude(long w, int q, String text) {
        if (w > 0 && w < (1L << 53) && q >= -22 && q <= 22) {
            return q < 0 ? w / EXACT_POWERS_OF_TEN[-q] : w * EXACT_POWERS_OF_TEN[q];
        }
        if (q < SMALLEST_POWER || q > LARGEST_POWER) {
            return Double.parseDouble(text);
        }
        int leadingZeros = Long.numberOfLeadingZeros(w);
        long shifted = w << leadingZeros;
        int index = 2 * (q - SMALLEST_POWER);
        long high = unsignedMultiplyHigh(shifted, PowersOfFive.TABLE[index]);
        long low = shifted * PowersOfFive.TABLE[index];
        if ((high & 0x1FF) == 0x1FF) {
            // The low bits may be off by the truncated part of the power: refine with the next 64 bits.
            long secondHigh = unsignedMultiplyHigh(shifted, PowersOfFive.TABLE[index + 1]);
            long sum = low + secondHigh;
            if (Long.compareUnsigned(sum, low) < 0) {
                high++;
            }
            low = sum;
            if ((high & 0x1FF) == 0x1FF && low == -1L) {
                return Double.parseDouble(text); // still undecided: let the exact method decide
            }
        }
        int upperBit = (int) (high >>> 63);
        int shift = upperBit + 9;
        long mantissa = high >>> shift;
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power2 <= 0) {
            return Double.parseDouble(text); // subnormal
        }
        if ((low == 0 || low == 1) && q >= -4 && q <= 23 && (mantissa & 3) == 1 && (mantissa << shift) == high) {
            mantissa &= ~1L; // exactly halfway: round to even, down
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 2047) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.longBitsToDouble(mantissa | ((long) power2 << 52));
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * 128-bit approximations of 5^q for q from -342 to 308, two longs each (high, low): for q >= 0
     * 5^q shifted so its top bit is bit 127 and truncated; for q < 0 the quotient of a power of two
     * by 5^-q, plus one, truncated to 128 bits. Computed once, on first use.
     */
    private static final class PowersOfFive {
        static final long[] TABLE = build();

        private static long[] build() {
            long[] table = new long[2 * (LARGEST_POWER - SMALLEST_POWER + 1)];
            BigInteger five = BigInteger.valueOf(5);
            BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
            for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
                BigInteger value;
                if (q >= 0) {
                    BigInteger power = five.pow(q);
                    int bits = power.bitLength();
                    value = bits <= 128 ? power.shiftLeft(128 - bits) : power.shiftRight(bits - 128);
                } else {
                    BigInteger power = five.pow(-q);
                    int z = power.subtract(BigInteger.ONE).bitLength(); // smallest z with 2^z >= 5^-q
                    int b = q >= -27 ? z + 127 : 2 * z + 128;
                    value = BigInteger.ONE.shiftLeft(b).divide(power).add(BigInteger.ONE);
                    int excess = value.bitLength() - 128;
                    if (excess > 0) {
                        value = value.shiftRight(excess);
                    }
                }
                int index = 2 * (q - SMALLEST_POWER);
                table[index] = value.shiftRight(64).longValue();
                table[index + 1] = value.and(mask).longValue();
            }
            return table;
        }
    }
}
