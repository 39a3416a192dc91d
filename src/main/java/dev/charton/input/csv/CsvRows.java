package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data rows of one pass: the column names (from the header row, or column_1, column_2, ...),
 * then rows that all have the header's width, by the {@code --ragged} policy, up to a row limit.
 * Blank lines (or lines of spaces) are no rows, except in a table of one column, where a line between
 * two rows can only be an empty value: there they are rows of nulls, but not at the end of the file.
 */
final class CsvRows implements ChunkSource {
    private final RecordSource parser;
    private final String sourceName;
    private final Ragged ragged;
    private final List<String> names;
    private final long limit;
    private final String widthSource;
    private String[] pending;
    private long pendingLine;
    /** Blank lines of a one-column table before {@link #pending}, still to be delivered as rows. */
    private int blankRowsOwed;
    private long blankLine;
    private long delivered;

    CsvRows(RecordSource parser, String sourceName, CsvOptions options, long limit) {
        this.parser = parser;
        this.sourceName = sourceName;
        this.ragged = options.ragged();
        this.limit = limit;
        boolean header = parser.dialect().header();
        this.widthSource = header ? "header" : "first row";
        String[] first = nextRecord();
        while (first != null && isBlank(first)) {
            first = nextRecord();
        }
        if (first == null) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": the file is empty"
                    + (header ? " (expected a header row)" : ""));
        }
        if (header) {
            names = uniqueNames(first);
        } else {
            names = generatedNames(first.length);
            pending = first;
            pendingLine = parser.line();
        }
    }

    List<String> names() {
        return names;
    }

    Dialect dialect() {
        return parser.dialect();
    }

    /** See {@link RecordSource#cutAhead()}. */
    boolean cutAhead() {
        return parser.cutAhead();
    }

    /** Up to {@link ReadAhead#CHUNK_ROWS} more rows, or null at the end. */
    @Override
    public RowChunk next() {
        RowChunk chunk = new RowChunk(ReadAhead.CHUNK_ROWS);
        while (!chunk.isFull() && delivered < limit && (pending != null || fetch())) {
            if (blankRowsOwed > 0) {
                chunk.add(new String[] {""}, blankLine++);
                blankRowsOwed--;
                delivered++;
                continue;
            }
            String[] row = fitted(pending, pendingLine);
            pending = null;
            if (row != null) {
                chunk.add(row, pendingLine);
                delivered++;
            }
        }
        return chunk.size == 0 ? null : chunk;
    }

    /** Reads the next row that is not a blank line into {@link #pending}; false at the end. */
    private boolean fetch() {
        for (String[] row = nextRecord(); row != null; row = nextRecord()) {
            if (!isBlank(row)) {
                pending = row;
                pendingLine = parser.line();
                return true;
            }
            if (names.size() == 1 && blankRowsOwed++ == 0) {
                blankLine = parser.line();
            }
        }
        return false;
    }

    /** The parser's next record, without the empty field after a delimiter that ends every row. */
    private String[] nextRecord() {
        String[] row = parser.next();
        // The dialect first: the last field is still in another core's cache, and seldom needed here.
        boolean trailing = parser.dialect().trailingDelimiter() && row != null && row.length > 1
                && row[row.length - 1].isEmpty();
        return trailing ? Arrays.copyOf(row, row.length - 1) : row;
    }

    private static boolean isBlank(String[] row) {
        return row.length == 1 && row[0].isBlank();
    }

    /** The row at the header's width, or null to leave it out. */
    private String[] fitted(String[] row, long line) {
        int width = names.size();
        if (row.length == width) {
            return row;
        }
        if (ragged == Ragged.SKIP) {
            return null;
        }
        if (ragged == Ragged.PAD && row.length < width) {
            return Arrays.copyOf(row, width);
        }
        RowChunk one = new RowChunk(1);
        one.add(row, line);
        String remedy = row.length < width && ragged == Ragged.ERROR
                ? " (--ragged pad fills missing fields with nulls, --ragged skip leaves such rows out)"
                : " (--ragged skip leaves such rows out)";
        throw new ChartonException(ExitCode.DATA, sourceName + ":" + one.startLine(0) + ": expected " + width
                + (width == 1 ? " field" : " fields") + " as in the " + widthSource + ", found " + row.length + remedy);
    }

    private static List<String> uniqueNames(String[] header) {
        List<String> names = new ArrayList<>(header.length);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String unique = name;
            for (int k = 1; !seen.add(unique); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
        }
        return List.copyOf(names);
    }

    private static List<String> generatedNames(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add("column_" + i);
        }
        return List.copyOf(names);
    }

    @Override
    public void close() {
        parser.close();
    }
}
