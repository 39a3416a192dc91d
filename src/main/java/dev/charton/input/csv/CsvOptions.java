package dev.charton.input.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How to read a CSV file: a plain configuration object, built by the command line or by tests.
 *
 * @param delimiter   the field separator; {@code null} to detect it
 * @param batchRows   rows per Arrow record batch; the first batch is also the inference sample
 * @param typeOverrides column name to forced type, from {@code --type}
 */
public record CsvOptions(Character delimiter, Charset encoding, NullTokens nulls, int batchRows,
                         Map<String, CsvType> typeOverrides) {

    public static final int DEFAULT_BATCH_ROWS = 65_536;

    public static CsvOptions defaults() {
        return new CsvOptions(null, StandardCharsets.UTF_8, NullTokens.defaults(), DEFAULT_BATCH_ROWS, Map.of());
    }

    public CsvOptions withBatchRows(int rows) {
        return new CsvOptions(delimiter, encoding, nulls, rows, typeOverrides);
    }

    public CsvOptions withTypeOverrides(Map<String, CsvType> overrides) {
        return new CsvOptions(delimiter, encoding, nulls, batchRows, Map.copyOf(overrides));
    }

    public CsvOptions withDelimiter(Character d) {
        return new CsvOptions(d, encoding, nulls, batchRows, typeOverrides);
    }
}
