package dev.charton.input.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where records end in a run of bytes that starts where a record starts, with the quoting
 * rules of {@link ByteFields}, without cutting fields: one quick pass that only follows quotes. It
 * looks at eight bytes at a time for the next byte that matters (a quote or line end outside quotes,
 * a quote inside them), so the bytes between are skipped a word at a time.
 */
final class RecordBoundary {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = '\n' * ONES;
    private static final long CRS = '\r' * ONES;

    private final byte delimiter;
    private final byte quote;
    private final long quotes;

    RecordBoundary(Dialect dialect) {
        this.delimiter = (byte) dialect.delimiter();
        this.quote = (byte) dialect.quote();
        this.quotes = (quote & 0xFFL) * ONES;
    }

    /**
     * The position just after the last line end outside quotes in {@code bytes[from, to)}, or -1.
     * A CR or quote in the last byte could belong with the byte after it, so it ends the search.
     */
    int last(byte[] bytes, int from, int to) {
        int last = -1;
        int i = from;
        while ((i = nextMark(bytes, i, to)) < to) {
            byte b = bytes[i];
            if (b == quote) {
                if (i == from || opensField(bytes[i - 1])) {
                    i = afterQuoted(bytes, i + 1, to);
                    if (i < 0) {
                        return last;
                    }
                    continue;
                }
            } else if (b == '\n') {
                last = i + 1;
            } else {
                if (i + 1 >= to) {
                    return last;
                }
                if (bytes[i + 1] != '\n') {
                    last = i + 1;
                }
            }
            i++;
        }
        return last;
    }

    /**
     * Where the quoted text from {@code i} ends, just after its closing quote; -1 when it does not end
     * before {@code to} or its last quote is the last byte (it could be the first of a doubled one).
     */
    private int afterQuoted(byte[] bytes, int i, int to) {
        while (true) {
            i = nextQuote(bytes, i, to);
            if (i + 1 >= to) {
                return -1;
            }
            if (bytes[i + 1] != quote) {
                return i + 1;
            }
            i += 2;
        }
    }

    /** The first quote, LF or CR in {@code bytes[i, to)}, or {@code to}. */
    private int nextMark(byte[] bytes, int i, int to) {
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            long marks = matches(word, quotes) | matches(word, LFS) | matches(word, CRS);
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == quote || b == '\n' || b == '\r') {
                return i;
            }
        }
        return to;
    }

    /** The first quote in {@code bytes[i, to)}, or {@code to}. */
    private int nextQuote(byte[] bytes, int i, int to) {
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long marks = matches((long) WORDS.get(bytes, i), quotes);
            if (marks != 0) {
                return i + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == quote) {
                return i;
            }
        }
        return to;
    }

    /**
     * The high bit of each byte of {@code word} equal to the byte repeated in {@code pattern}. A
     * borrow can also mark a byte above a true match, never below one, so the lowest mark is exact.
     */
    private static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    private boolean opensField(byte before) {
        return before == delimiter || before == '\n' || before == '\r';
    }
}
