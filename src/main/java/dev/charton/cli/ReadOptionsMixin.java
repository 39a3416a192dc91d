package dev.charton.cli;

import dev.charton.input.InputFormat;
import dev.charton.input.ReadOptions;
import dev.charton.input.csv.CsvOptions;
import dev.charton.input.csv.CsvType;
import dev.charton.input.csv.NullTokens;
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
            description = "CSV field delimiter (default: detected among , ; TAB |). Use '\\t' for tab.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Text encoding of a CSV file (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--null-value", paramLabel = "TEXT",
            description = "A CSV cell text meaning 'no value'; repeatable. Replaces the defaults: empty, NA, N/A, null, NULL (and NaN in float columns).")
    List<String> nullValues;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Force a CSV column's type: boolean, int64, float64, date, timestamp, timestamptz or string; repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

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
        CsvOptions csv = new CsvOptions(delimiterChar(), charset(),
                nullValues == null ? NullTokens.defaults() : NullTokens.of(nullValues),
                CsvOptions.DEFAULT_BATCH_ROWS, Map.copyOf(overrides));
        return new ReadOptions(format, csv, null, ReadOptions.NO_LIMIT);
    }

    private Character delimiterChar() {
        if (delimiter == null) {
            return null;
        }
        String d = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw usage("--delimiter must be a single character, not '" + delimiter + "'");
        }
        return d.charAt(0);
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
