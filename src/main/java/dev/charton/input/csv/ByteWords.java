package dev.charton.input.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes of a byte array at a time for the bytes that matter to the CSV syntax, so
 * that the bytes between them are skipped a word at a time ({@link RecordBoundary}, {@link ByteFields}).
 */
final class ByteWords {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;
    static final long LFS = repeated((byte) '\n');
    static final long CRS = repeated((byte) '\r');

    private ByteWords() {
    }

    /** A word of eight copies of {@code b}. */
    static long repeated(byte b) {
        return (b & 0xFFL) * ONES;
    }

    /** The eight bytes at {@code i}, the first in the lowest byte. */
    static long word(byte[] bytes, int i) {
        return (long) WORDS.get(bytes, i);
    }

    /**
     * The high bit of each byte of {@code word} equal to the byte repeated in {@code pattern}. A
     * borrow can also mark a byte above a true match, never below one, so the lowest mark is exact.
     */
    static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** The position in its word of the lowest byte marked in {@code marks} (not 0). */
    static int firstMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }

    /**
     * The first byte in {@code bytes[i, to)} that is one of the ASCII bytes repeated in {@code a},
     * {@code b} or {@code c}, or beyond ASCII (high bit set), or {@code to}.
     */
    static int nextOfOrHigh(byte[] bytes, int i, int to, long a, long b, long c) {
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = word(bytes, i);
            long marks = matches(word, a) | matches(word, b) | matches(word, c) | (word & HIGHS);
            if (marks != 0) {
                return i + firstMarked(marks);
            }
        }
        byte x = (byte) a;
        byte y = (byte) b;
        byte z = (byte) c;
        for (; i < to; i++) {
            byte v = bytes[i];
            if (v == x || v == y || v == z || v < 0) {
                return i;
            }
        }
        return to;
    }
}
