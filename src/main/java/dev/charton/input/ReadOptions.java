package dev.charton.input;

import dev.charton.input.csv.CsvOptions;

import java.util.List;

/**
 * Everything that says how to read an input: the format when the bytes cannot tell (stdin), the
 * columns to keep (null for all; every reader projects them itself, so unselected columns are
 * never decoded), a row limit, and the options of each format's reader.
 */
public record ReadOptions(InputFormat format, CsvOptions csv, List<String> columns, long limit) {
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public static ReadOptions defaults() {
        return new ReadOptions(null, CsvOptions.defaults(), null, NO_LIMIT);
    }
}
