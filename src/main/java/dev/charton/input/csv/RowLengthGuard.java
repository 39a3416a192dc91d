package dev.charton.input.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text under the CSV parser, failing once one row has taken more than a fixed number of
 * characters. The parser holds a whole field in memory, so without a bound one huge field (or a
 * quote never closed, which makes the rest of the file one field) would exhaust the heap.
 * Counting is per read, so a row may run over by one buffer (a few KiB) before it is stopped.
 */
final class RowLengthGuard extends FilterReader {
    /** Thrown through the parser when a row is too long. */
    static final class RowTooLong extends IOException {
        RowTooLong(long limit) {
            super("a row is longer than " + limit + " characters");
        }
    }

    private final long limit;
    private long sinceRowStart;

    RowLengthGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** A new row starts: the parser has just delivered the previous one. */
    void rowDelivered() {
        sinceRowStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int chars) throws RowTooLong {
        sinceRowStart += chars;
        if (sinceRowStart > limit) {
            throw new RowTooLong(limit);
        }
    }
}
