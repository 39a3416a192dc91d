package dev.charton.input.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How to read a CSV file: a plain configuration object, built by the command line or by tests.
 *
 * @param delimiter     the field separator; {@code null} to detect it among {@code , ; TAB |}
 * @param encoding      the text encoding of the bytes
 * @param nulls         the cell texts that mean "no value"
 * @param batchRows     the most rows per Arrow record batch (fewer for very wide tables)
 * @param typeOverrides column name to forced type, from {@code --type}
 * @param header        whether the first row names the columns ({@code false}: column_1, column_2, ...);
 *                      {@code null} to detect it (see {@link HeaderSniffer})
 * @param comment       lines starting with this character are ignored; {@code null} to detect {@code #},
 *                      {@link #NO_COMMENT} for none
 * @param skipRows      physical lines to skip before the header (or the first row); free text lines
 *                      after them are detected and skipped too
 * @param quote         the quote character; {@code null} to detect among {@code " '}
 * @param escape        the character escaping a quote inside quotes; {@code null} to detect (a doubled
 *                      quote, or a backslash)
 * @param thousands     the thousands separator of numbers; {@code null} to detect (see {@link NumberReading})
 * @param blockBytes    the bytes of a file cut into records at a time, on every core ({@link ParallelRecords})
 * @param decimalComma  whether numbers are written with a decimal comma ({@code false}: detect)
 * @param ragged        what to do with rows whose field count differs from the header's
 * @param dateFormat    a pattern such as {@code MMM d yyyy} for non-ISO dates; {@code null} to detect
 *                      among the common ones (see {@link DatePattern}); one with a time of day reads
 *                      timestamps
 * @param timestampFormat a java.time pattern such as {@code dd.MM.yyyy HH:mm} for non-ISO timestamps;
 *                      {@code null} to detect among the common ones
 */
public record CsvOptions(Character delimiter, Charset encoding, NullTokens nulls, int batchRows,
                         Map<String, CsvType> typeOverrides, Boolean header, Character comment, int skipRows,
                         Ragged ragged, String dateFormat, String timestampFormat, Character quote,
                         Character escape, Character thousands, boolean decimalComma,
                         int blockBytes) {

    public static final int DEFAULT_BATCH_ROWS = 65_536;
    /**
     * Big enough that cutting a block is far more work than handing it over. Small, because a block's
     * cut records (about five objects a row) live until the block is classified and converted: with a
     * few 1 MiB blocks in flight they outlived the young generation, and full collections took a
     * quarter of the wall time (docs/benchmarks.md, "CSV convert at pyarrow's speed").
     */
    public static final int DEFAULT_BLOCK_BYTES = 1 << 16;
    /** The {@code comment} that turns comment detection off. */
    public static final char NO_COMMENT = '\0';

    public CsvOptions {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be positive");
        }
        if (blockBytes < 1) {
            throw new IllegalArgumentException("blockBytes must be positive");
        }
        if (skipRows < 0) {
            throw new IllegalArgumentException("skipRows must not be negative");
        }
        typeOverrides = Map.copyOf(typeOverrides);
        if (dateFormat != null) {
            checkDateFormat(dateFormat);
        }
        if (timestampFormat != null) {
            checkDateFormat(timestampFormat);
        }
        if (thousands != null && (Character.isDigit(thousands) || thousands == (decimalComma ? ',' : '.'))) {
            throw new IllegalArgumentException("the thousands separator cannot be a digit or the decimal mark");
        }
    }

    /** Throws IllegalArgumentException, saying why, when {@code pattern} is not a usable date or timestamp layout. */
    public static void checkDateFormat(String pattern) {
        DatePattern.compile(pattern);
    }

    public static CsvOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.encoding = encoding;
        b.nulls = nulls;
        b.batchRows = batchRows;
        b.typeOverrides = typeOverrides;
        b.header = header;
        b.comment = comment;
        b.skipRows = skipRows;
        b.ragged = ragged;
        b.dateFormat = dateFormat;
        b.timestampFormat = timestampFormat;
        b.quote = quote;
        b.escape = escape;
        b.thousands = thousands;
        b.decimalComma = decimalComma;
        b.blockBytes = blockBytes;
        return b;
    }

    public CsvOptions withBatchRows(int rows) {
        return toBuilder().batchRows(rows).build();
    }

    public CsvOptions withTypeOverrides(Map<String, CsvType> overrides) {
        return toBuilder().typeOverrides(overrides).build();
    }

    public CsvOptions withDelimiter(Character d) {
        return toBuilder().delimiter(d).build();
    }

    /** Collects options one at a time; unset ones keep their defaults. */
    public static final class Builder {
        private Character delimiter;
        private Charset encoding = StandardCharsets.UTF_8;
        private NullTokens nulls = NullTokens.defaults();
        private int batchRows = DEFAULT_BATCH_ROWS;
        private int blockBytes = DEFAULT_BLOCK_BYTES;
        private Map<String, CsvType> typeOverrides = Map.of();
        private Boolean header;
        private Character comment;
        private int skipRows;
        private Ragged ragged = Ragged.ERROR;
        private String dateFormat;
        private String timestampFormat;
        private Character quote;
        private Character escape;
        private Character thousands;
        private boolean decimalComma;

        private Builder() {
        }

        public Builder delimiter(Character value) {
            delimiter = value;
            return this;
        }

        public Builder encoding(Charset value) {
            encoding = value;
            return this;
        }

        public Builder nulls(NullTokens value) {
            nulls = value;
            return this;
        }

        public Builder blockBytes(int value) {
            blockBytes = value;
            return this;
        }

        public Builder batchRows(int value) {
            batchRows = value;
            return this;
        }

        public Builder typeOverrides(Map<String, CsvType> value) {
            typeOverrides = value;
            return this;
        }

        public Builder header(Boolean value) {
            header = value;
            return this;
        }

        public Builder comment(Character value) {
            comment = value;
            return this;
        }

        public Builder skipRows(int value) {
            skipRows = value;
            return this;
        }

        public Builder ragged(Ragged value) {
            ragged = value;
            return this;
        }

        public Builder dateFormat(String value) {
            dateFormat = value;
            return this;
        }

        public Builder timestampFormat(String value) {
            timestampFormat = value;
            return this;
        }

        public Builder quote(Character value) {
            quote = value;
            return this;
        }

        public Builder escape(Character value) {
            escape = value;
            return this;
        }

        public Builder thousands(Character value) {
            thousands = value;
            return this;
        }

        public Builder decimalComma(boolean value) {
            decimalComma = value;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(delimiter, encoding, nulls, batchRows, typeOverrides, header, comment, skipRows,
                    ragged, dateFormat, timestampFormat, quote, escape, thousands, decimalComma, blockBytes);
        }
    }
}
