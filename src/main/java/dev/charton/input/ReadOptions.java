package dev.charton.input;

import dev.charton.input.csv.CsvOptions;

/**
 * Everything that says how to read an input: the format when the bytes cannot tell (stdin), and
 * the options of each format's reader.
 */
public record ReadOptions(InputFormat format, CsvOptions csv) {

    public static ReadOptions defaults() {
        return new ReadOptions(null, CsvOptions.defaults());
    }
}
