package dev.charton.input.csv;

import java.util.Arrays;

/**
 * The records cut from one block of a file's bytes, with lines counted from the block's start (the
 * reader adds the lines of the blocks before), and what stopped the block early, if anything.
 */
final class ParsedBlock {
    /** Why a block's records end before its bytes do. */
    enum Stop { UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, ROW_TOO_LONG, MALFORMED }

    String[][] records = new String[256][];
    /** Per record, the line breaks from the block's start to its end, plus one when it ends without one. */
    long[] endLines = new long[256];
    int count;
    /** The line breaks in the whole block. */
    long lineBreaks;
    /** Lines skipped before the block's first byte ({@code --skip-rows}), counted in no earlier block. */
    long linesAhead;
    Stop stop;
    /** The line of {@link #stop}, counted like {@link #endLines}; the line (1-based) it is on. */
    long stopLine;
    Throwable cause;

    void add(String[] record, long endLine) {
        if (count == records.length) {
            records = Arrays.copyOf(records, count * 2);
            endLines = Arrays.copyOf(endLines, count * 2);
        }
        records[count] = record;
        endLines[count] = endLine;
        count++;
    }

    void stop(Stop why, long line, Throwable cause) {
        this.stop = why;
        this.stopLine = line;
        this.cause = cause;
    }
}
