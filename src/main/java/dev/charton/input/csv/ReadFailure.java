package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.nio.charset.Charset;
import java.nio.file.Path;

/** The messages for text that cannot be cut into records, whichever parser found it. */
final class ReadFailure {
    private ReadFailure() {
    }

    static ChartonException unclosedQuote(String sourceName, long line, Throwable cause) {
        return new ChartonException(ExitCode.DATA, sourceName + ":" + line
                + ": a quoted field starting on this line is never closed (unbalanced \")", cause);
    }

    static ChartonException textAfterQuote(String sourceName, long line, Throwable cause) {
        return new ChartonException(ExitCode.DATA, sourceName + ":" + line
                + ": text after the closing quote of a field (a \" inside a quoted field must be doubled)", cause);
    }

    static ChartonException rowTooLong(String sourceName, long line, Throwable cause) {
        return new ChartonException(ExitCode.DATA, sourceName + ":" + line + ": the row starting on this"
                + " line is longer than " + (RecordParser.MAX_ROW_CHARS >> 20) + " MiB, more than charton reads (a quote"
                + " that is never closed makes the rest of the file one field)", cause);
    }

    /** Bad bytes for {@code encoding}: located by reading {@code file} from the start. */
    static ChartonException malformed(Path file, Charset encoding, String sourceName, Throwable cause) {
        MalformedText.Location at = MalformedText.locate(file, encoding);
        return new ChartonException(ExitCode.DATA, sourceName + ":" + at.line() + ":" + at.column() + ": invalid "
                + encoding.name() + " text at byte " + at.byteOffset()
                + " (use --encoding to name the file's encoding)", cause);
    }
}
