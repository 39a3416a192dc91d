package dev.charton.input.csv;

import java.util.List;

/**
 * A run of parsed rows, all of the table's width, with the line each one ended on; once
 * classified, also how to store them and the dictionary codes of their texts.
 */
final class RowChunk {
    final String[][] rows;
    final long[] endLines;
    int size;
    /** How each selected column is to be stored, given every row up to and including these. */
    List<Storage> storages;
    /** Per selected column, each row's dictionary code (-1: none), or null when not tracked. */
    int[][] codes;
    /**
     * Per selected column, each row's value as classification parsed it ({@link TextValues#NOT_A_VALUE}:
     * not parsed), as the chunk's storage reads it: a float64's bits ({@link TextValues#parseDouble}),
     * an int64 written as digits alone ({@link Long#parseLong}), or a naive timestamp in microseconds
     * ({@link TextValues#naiveMicros}). Null when the column can no longer be a number or a naive
     * timestamp, or its storage changed within the chunk. Conversion stores these instead of parsing
     * the text again.
     */
    long[][] parsed;

    RowChunk(int capacity) {
        rows = new String[capacity][];
        endLines = new long[capacity];
    }

    void add(String[] row, long endLine) {
        rows[size] = row;
        endLines[size] = endLine;
        size++;
    }

    boolean isFull() {
        return size == rows.length;
    }

    /** The line row {@code i} started on: computed only for messages, from the line breaks inside it. */
    long startLine(int i) {
        long breaks = 0;
        for (String cell : rows[i]) {
            if (cell == null) {
                continue;
            }
            for (int k = 0; k < cell.length(); k++) {
                char c = cell.charAt(k);
                if (c == '\n' && (k == 0 || cell.charAt(k - 1) != '\r') || c == '\r') {
                    breaks++;
                }
            }
        }
        return endLines[i] - breaks;
    }
}
