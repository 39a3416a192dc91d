package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass of Commons CSV over the text of an input: decoding (strict, so bad bytes are an error,
 * never a silent replacement character), the byte-order mark, {@code --skip-rows}, delimiter
 * detection and comments. Every failure becomes one message naming the file and line.
 */
final class RecordParser implements AutoCloseable {
    /**
     * The longest row charton reads, in characters: far beyond any real table's, and small enough
     * that the parser's copies of it fit a default Java heap (docs/inputs.md).
     */
    static final long MAX_ROW_CHARS = 64L << 20;
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line:? ([0-9][0-9,.'\u00a0\u202f ]*)");

    private final Path file;
    private final String sourceName;
    private final CsvOptions options;
    private final BufferedReader text;
    private final RowLengthGuard guarded;
    private long lastRowEnd;
    private final int skippedLines;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    /**
     * Opens {@code bytes}, the content of {@code file} (which is read again only to locate bad bytes).
     * The delimiter is {@code delimiter}, else {@code --delimiter}, else detected.
     */
    RecordParser(InputStream bytes, Path file, String sourceName, CsvOptions options, Character delimiter) {
        this.file = file;
        this.sourceName = sourceName;
        this.options = options;
        var decoder = options.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.text = new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16);
        try {
            skipByteOrderMark();
            this.skippedLines = skipLines(options.skipRows());
            this.lastRowEnd = skippedLines;
            Character chosen = delimiter != null ? delimiter : options.delimiter();
            this.delimiter = chosen != null ? chosen : sniffDelimiter();
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(this.delimiter)
                    .setCommentMarker(options.comment())
                    .setIgnoreEmptyLines(true)
                    .get();
            this.guarded = new RowLengthGuard(text, MAX_ROW_CHARS);
            this.parser = CSVParser.builder().setReader(guarded).setFormat(format).get();
            this.records = parser.iterator();
        } catch (IOException e) {
            throw failure(e, 1);
        }
    }

    char delimiter() {
        return delimiter;
    }

    /** The fields of the next record, or null at the end of the input. */
    String[] next() {
        try {
            String[] values = records.hasNext() ? records.next().values() : null;
            guarded.rowDelivered();
            lastRowEnd = line();
            return values;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof RowLengthGuard.RowTooLong) {
                // The parser's line number counts the line it is in the middle of; the row began after the last one.
                throw failure(e.getCause(), lastRowEnd + 1);
            }
            throw failure(e.getCause(), line() + 1);
        }
    }

    /** The line of the file on which the last record returned by {@link #next()} ended. */
    long line() {
        return skippedLines + parser.getCurrentLineNumber();
    }

    private void skipByteOrderMark() throws IOException {
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
    }

    /** Skips physical lines (LF, CRLF or CR), quotes or not; returns how many there were. */
    private int skipLines(int count) throws IOException {
        int skipped = 0;
        while (skipped < count) {
            int c = text.read();
            if (c < 0) {
                break;
            }
            if (c == '\n' || c == '\r') {
                skipped++;
                if (c == '\r') {
                    text.mark(1);
                    if (text.read() != '\n') {
                        text.reset();
                    }
                }
            }
        }
        return skipped;
    }

    /**
     * Detects the delimiter from the first characters, leaving them unread. Bad bytes among them are
     * refused here: the decoder cannot be read again after bytes cut off at the end of the input.
     */
    private char sniffDelimiter() throws IOException {
        char[] buffer = new char[DelimiterSniffer.SAMPLE_CHARS];
        int filled = 0;
        text.mark(buffer.length + 1);
        int n = 0;
        while (filled < buffer.length && (n = text.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += n;
        }
        boolean whole = n < 0;
        text.reset();
        return DelimiterSniffer.sniff(new String(buffer, 0, filled), whole, options.comment());
    }

    private ChartonException failure(IOException e, long fallbackLine) {
        if (e instanceof CharacterCodingException) {
            MalformedText.Location at = MalformedText.locate(file, options.encoding());
            return new ChartonException(ExitCode.DATA, sourceName + ":" + at.line() + ":" + at.column() + ": invalid "
                    + options.encoding().name() + " text at byte " + at.byteOffset()
                    + " (use --encoding to name the file's encoding)", e);
        }
        if (e instanceof RowLengthGuard.RowTooLong) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + fallbackLine + ": the row starting on this"
                    + " line is longer than " + (MAX_ROW_CHARS >> 20) + " MiB, more than charton reads (a quote that is"
                    + " never closed makes the rest of the file one field)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        long line = e instanceof CSVException ? lineIn(message, fallbackLine) : fallbackLine;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + line
                    + ": a quoted field starting on this line is never closed (unbalanced \")", e);
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + line
                    + ": text after the closing quote of a field (a \" inside a quoted field must be doubled)", e);
        }
        if (e instanceof CSVException) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + line + ": " + message, e);
        }
        return new ChartonException(ExitCode.IO, sourceName + ": cannot read: " + message, e);
    }

    /** The line number Commons CSV put in its message (formatted with grouping), counted from our start. */
    private long lineIn(String message, long fallback) {
        Matcher m = LINE_IN_MESSAGE.matcher(message);
        if (!m.find()) {
            return fallback;
        }
        String digits = m.group(1).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? fallback : skippedLines + Long.parseLong(digits);
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException ignored) {
            // Only read from: nothing to lose.
        }
    }
}
