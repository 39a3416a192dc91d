package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass of Commons CSV over the text of an input: decoding (strict, so bad bytes are an error,
 * never a silent replacement character), the byte-order mark (which names the encoding),
 * {@code --skip-rows}, the dialect ({@link DialectSniffer}) and comments. Every failure becomes one
 * message naming the file and line.
 */
final class RecordParser implements RecordSource {
    /**
     * The longest row charton reads, in characters: far beyond any real table's, and small enough
     * that the parser's copies of it fit a default Java heap (docs/inputs.md).
     */
    static final long MAX_ROW_CHARS = 64L << 20;
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line:? ([0-9][0-9,.'\u00a0\u202f ]*)");

    private final Path file;
    private final String sourceName;
    private final Charset charset;
    private final BufferedReader text;
    private final RowLengthGuard guarded;
    private long lastRowEnd;
    private final int skippedLines;
    private final Dialect dialect;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    /**
     * Opens {@code bytes}, the content of {@code file} (which is read again only to locate bad bytes).
     * The dialect is {@code known} (a second pass), else the options' and what is detected.
     */
    RecordParser(InputStream bytes, Path file, String sourceName, CsvOptions options, Dialect known) {
        this.file = file;
        this.sourceName = sourceName;
        BufferedInputStream buffered = new BufferedInputStream(bytes, 1 << 16);
        try {
            ByteOrderMark mark = ByteOrderMark.skip(buffered);
            this.charset = mark != null ? mark.charset() : options.encoding();
            var decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.text = new BufferedReader(new InputStreamReader(buffered, decoder), 1 << 16);
            int skipped = skipLines(options.skipRows());
            this.dialect = known != null ? known : sniffDialect(options);
            skipped += skipLines(dialect.skipLines());
            this.skippedLines = skipped;
            this.lastRowEnd = skippedLines;
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(dialect.delimiter())
                    .setQuote(dialect.quote())
                    .setEscape(dialect.escape())
                    .setCommentMarker(dialect.comment())
                    .setIgnoreEmptyLines(false)
                    .get();
            this.guarded = new RowLengthGuard(text, MAX_ROW_CHARS);
            Reader rows = LooseSyntax.needed(dialect) ? new LooseSyntax(guarded, dialect) : guarded;
            this.parser = CSVParser.builder().setReader(rows).setFormat(format).get();
            this.records = parser.iterator();
        } catch (IOException e) {
            throw failure(e, 1, options.encoding());
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** The encoding the text is read in: the byte-order mark's, else the options'. */
    Charset charset() {
        return charset;
    }

    @Override
    public String[] next() {
        try {
            String[] values = records.hasNext() ? records.next().values() : null;
            guarded.rowDelivered();
            lastRowEnd = line();
            return values;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof RowLengthGuard.RowTooLong) {
                // The parser's line number counts the line it is in the middle of; the row began after the last one.
                throw failure(e.getCause(), lastRowEnd + 1, charset);
            }
            throw failure(e.getCause(), line() + 1, charset);
        }
    }

    @Override
    public long line() {
        return skippedLines + parser.getCurrentLineNumber();
    }

    @Override
    public boolean cutAhead() {
        return false;
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
     * Detects the dialect from the first characters, leaving them unread. Bad bytes among them are
     * refused here: the decoder cannot be read again after bytes cut off at the end of the input.
     */
    private Dialect sniffDialect(CsvOptions options) throws IOException {
        char[] buffer = new char[DialectSniffer.SAMPLE_CHARS];
        int filled = 0;
        text.mark(buffer.length + 1);
        int n = 0;
        while (filled < buffer.length && (n = text.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += n;
        }
        boolean whole = n < 0;
        text.reset();
        return DialectSniffer.sniff(new String(buffer, 0, filled), whole, options);
    }

    private ChartonException failure(IOException e, long fallbackLine, Charset encoding) {
        if (e instanceof CharacterCodingException) {
            return ReadFailure.malformed(file, encoding, sourceName, e);
        }
        if (e instanceof RowLengthGuard.RowTooLong) {
            return ReadFailure.rowTooLong(sourceName, fallbackLine, e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        long line = e instanceof CSVException ? lineIn(message, fallbackLine) : fallbackLine;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return ReadFailure.unclosedQuote(sourceName, line, e);
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return ReadFailure.textAfterQuote(sourceName, line, e);
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
