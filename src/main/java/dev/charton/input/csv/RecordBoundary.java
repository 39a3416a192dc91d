package dev.charton.input.csv;

import static dev.charton.input.csv.ByteWords.CRS;
import static dev.charton.input.csv.ByteWords.LFS;
import static dev.charton.input.csv.ByteWords.firstMarked;
import static dev.charton.input.csv.ByteWords.matches;
import static dev.charton.input.csv.ByteWords.word;

/**
 * Finds where records end in a run of bytes that starts where a record starts, with the quoting
 * rules of {@link ByteFields}, without cutting fields: one quick pass that only follows quotes. It
 * looks at eight bytes at a time for the next byte that matters (a quote or line end outside quotes,
 * a quote inside them), so the bytes between are skipped a word at a time.
 */
final class RecordBoundary {
    private final byte delimiter;
    private final byte quote;
    private final long quotes;

    RecordBoundary(Dialect dialect) {
        this.delimiter = (byte) dialect.delimiter();
        this.quote = (byte) dialect.quote();
        this.quotes = ByteWords.repeated(quote);
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
            long word = word(bytes, i);
            long marks = matches(word, quotes) | matches(word, LFS) | matches(word, CRS);
            if (marks != 0) {
                return i + firstMarked(marks);
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
            long marks = matches(word(bytes, i), quotes);
            if (marks != 0) {
                return i + firstMarked(marks);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == quote) {
                return i;
            }
        }
        return to;
    }

    private boolean opensField(byte before) {
        return before == delimiter || before == '\n' || before == '\r';
    }
}
