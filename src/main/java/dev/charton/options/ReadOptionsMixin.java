package dev.charton.options;

import dev.charton.input.InputFormat;
import dev.charton.input.ReadOptions;
import dev.charton.input.csv.CsvOptions;
import dev.charton.input.csv.CsvType;
import dev.charton.input.csv.NullTokens;
import dev.charton.input.csv.Ragged;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How to read the input table; shared by every command that reads one. */
public final class ReadOptionsMixin {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "csv, parquet or arrow, for standard input whose bytes do not tell (default: detected).")
    String inputFormat;

    @Option(names = {"-d", "--delimiter"}, paramLabel = "CHAR",
            description = "CSV field delimiter (default: detected among , | ; TAB). Use '\\t' for tab.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Text encoding of a CSV file (default: ${DEFAULT-VALUE}; a byte-order mark at the start"
                    + " names the encoding itself: UTF-8, UTF-16 or UTF-32).")
    String encoding;

    @Option(names = "--null-value", paramLabel = "TEXT",
            description = "A CSV cell text meaning 'no value'; repeatable. Replaces the defaults: empty, NA, N/A, null, NULL (and NaN in float columns).")
    List<String> nullValues;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Force a CSV column's type, or read a text column of Parquet, Arrow or a --sql result as one:"
                    + " boolean, int64, decimal, float64, date, timestamp, timestamptz, time, string or category"
                    + " (dictionary-encoded string); repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--header", negatable = true,
            description = "Whether the CSV file's first row names the columns; --no-header: columns are named"
                    + " column_1, column_2, ... (default: detected, see charton schema).")
    Boolean header;

    @Option(names = "--quote", paramLabel = "CHAR",
            description = "CSV quote character (default: detected among \" and ').")
    String quote;

    @Option(names = "--escape", paramLabel = "CHAR",
            description = "CSV character that escapes a quote inside a quoted field, e.g. '\\' (default: detected;"
                    + " otherwise the quote is doubled).")
    String escape;

    @Option(names = "--comment", paramLabel = "CHAR",
            description = "Ignore CSV lines that start with this character, e.g. '#'; 'none' for no comments"
                    + " (default: '#' when lines starting with it break the table).")
    String comment;

    @Option(names = "--skip-rows", paramLabel = "N", defaultValue = "0",
            description = "Skip N lines at the start of a CSV file, before the header (default: ${DEFAULT-VALUE};"
                    + " lines of free text above the table are detected and skipped).")
    int skipRows;

    @Option(names = "--ragged", paramLabel = "POLICY", defaultValue = "error",
            description = "CSV rows with a different number of fields than the header: error, pad (fill missing"
                    + " fields with nulls) or skip (default: ${DEFAULT-VALUE}).")
    String ragged;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "Layout of non-ISO dates in a CSV file, e.g. 'MMM d yyyy' for 'Jan 1 2000' or 'd/M/yyyy';"
                    + " with a time of day ('d.M.yyyy HH:mm') it reads timestamps (default: ISO, or detected among"
                    + " common layouts).")
    String dateFormat;

    @Option(names = "--timestamp-format", paramLabel = "PATTERN",
            description = "Layout of non-ISO timestamps in a CSV file, in java.time letters, e.g. 'M/d/yyyy h:mm a'"
                    + " for '3/14/2024 9:26 PM' (default: ISO, or detected among common layouts).")
    String timestampFormat;

    @Option(names = "--thousands", paramLabel = "CHAR",
            description = "Thousands separator of numbers in a CSV file, e.g. ',' for 1,234.5 or '.' with"
                    + " --decimal-comma for 1.234,5 (default: detected when every value of a column agrees).")
    String thousands;

    @Option(names = "--decimal-comma",
            description = "Numbers in a CSV file are written with a decimal comma (1,5) (default: detected when every"
                    + " value of a column agrees).")
    boolean decimalComma;

    @Option(names = "--columns", paramLabel = "COLUMN", split = ",",
            description = "Read only these columns, in this order (default: all). Unselected Parquet columns are never decoded.")
    List<String> columns;

    @Option(names = "--limit", paramLabel = "N",
            description = "Read only the first N rows (default: all).")
    Long limit;

    public ReadOptions toReadOptions() {
        InputFormat format = null;
        if (inputFormat != null) {
            try {
                format = InputFormat.fromOption(inputFormat);
            } catch (IllegalArgumentException e) {
                throw usage("--input-format: " + e.getMessage());
            }
        }
        Map<String, CsvType> overrides = new LinkedHashMap<>();
        types.forEach((column, type) -> {
            try {
                overrides.put(column, CsvType.fromName(type));
            } catch (IllegalArgumentException e) {
                throw usage("--type " + column + "=" + type + ": " + e.getMessage());
            }
        });
        CsvOptions csv = csvOptions(overrides);
        if (limit != null && limit < 0) {
            throw usage("--limit must be 0 or more, not " + limit);
        }
        return new ReadOptions(format, csv, columns == null ? null : List.copyOf(columns),
                limit == null ? ReadOptions.NO_LIMIT : limit);
    }

    private CsvOptions csvOptions(Map<String, CsvType> overrides) {
        if (skipRows < 0) {
            throw usage("--skip-rows must not be negative, not " + skipRows);
        }
        Ragged policy;
        try {
            policy = Ragged.fromName(ragged);
        } catch (IllegalArgumentException e) {
            throw usage("--ragged: " + e.getMessage());
        }
        checkFormat("--date-format", dateFormat);
        checkFormat("--timestamp-format", timestampFormat);
        Character separator = singleCharacter("--thousands", thousands);
        if (separator != null && (Character.isDigit(separator) || separator == (decimalComma ? ',' : '.'))) {
            throw usage("--thousands cannot be a digit or the decimal mark ('" + separator + "')");
        }
        return CsvOptions.builder()
                .delimiter(singleCharacter("--delimiter", delimiter))
                .encoding(charset())
                .nulls(nullValues == null ? NullTokens.defaults() : NullTokens.of(nullValues))
                .typeOverrides(overrides)
                .header(header)
                .quote(singleCharacter("--quote", quote))
                .escape(singleCharacter("--escape", escape))
                .comment(commentCharacter())
                .skipRows(skipRows)
                .ragged(policy)
                .dateFormat(dateFormat)
                .timestampFormat(timestampFormat)
                .thousands(separator)
                .decimalComma(decimalComma)
                .build();
    }

    private Character commentCharacter() {
        return "none".equals(comment) ? Character.valueOf(CsvOptions.NO_COMMENT) : singleCharacter("--comment", comment);
    }

    private void checkFormat(String option, String pattern) {
        if (pattern != null) {
            try {
                CsvOptions.checkDateFormat(pattern);
            } catch (IllegalArgumentException e) {
                throw usage(option + ": " + e.getMessage());
            }
        }
    }

    private Character singleCharacter(String option, String value) {
        if (value == null) {
            return null;
        }
        String c = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
        if (c.length() != 1) {
            throw usage(option + " must be a single character, not '" + value + "'");
        }
        return c.charAt(0);
    }

    private Charset charset() {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw usage("--encoding: unknown character set '" + encoding + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
