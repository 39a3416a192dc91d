package dev.charton.input.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text of a file written more loosely than the parser takes it, rewritten to what it takes, by
 * the rules the dialect says the file follows:
 * <ul>
 * <li>spaces before an opening quote ({@code 1, "Smith, J"}) are dropped (spaces after the closing
 * quote the parser drops itself); spaces in unquoted fields stay;</li>
 * <li>a row may end in a comment ({@code 1,2 # checked twice}), which is cut off with the spaces
 * before it. A comment starts at the comment character inside a field (after some of its content,
 * outside quotes) and is words: a space or tab follows it before the line ends. So a value that
 * starts with the character ({@code #FF0000}) or holds it in one token ({@code Item #5},
 * {@code red #FF0000}) is never cut. Lines that start with it are comment lines, left to the parser.</li>
 * </ul>
 * The text is rewritten a line at a time, so line numbers stay those of the file.
 */
final class LooseSyntax extends FilterReader {
    private final Dialect dialect;
    private final StringBuilder out = new StringBuilder();
    private int emitted;
    /** Text read past a comment character that turned out to be no comment, to be read again. */
    private final StringBuilder again = new StringBuilder();
    private int againAt;
    private boolean quoted;
    private boolean fieldHasContent;
    /** Where in {@link #out} the current field starts. */
    private int fieldStart;

    LooseSyntax(Reader in, Dialect dialect) {
        super(in);
        this.dialect = dialect;
    }

    /** Whether the dialect needs any rewriting. */
    static boolean needed(Dialect dialect) {
        return dialect.trailingComments() || dialect.spacesAroundQuotes();
    }

    /**
     * Where the comment starting with the character at {@code marker} of {@code text} ends (the
     * line end, or the end of {@code text}), or -1 when it is no comment by the rule above.
     */
    static int commentEnd(CharSequence text, int marker) {
        boolean words = false;
        int i = marker + 1;
        for (; i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r'; i++) {
            words |= isSpace(text.charAt(i));
        }
        return words ? i : -1;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public int read() throws IOException {
        if (emitted == out.length() && !fill()) {
            return -1;
        }
        return out.charAt(emitted++);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (emitted == out.length() && !fill()) {
            return -1;
        }
        int count = Math.min(length, out.length() - emitted);
        out.getChars(emitted, emitted + count, buffer, offset);
        emitted += count;
        return count;
    }

    /** Reads on to the end of a line (or of the text) into {@link #out}; false at the end of the text. */
    private boolean fill() throws IOException {
        out.setLength(0);
        emitted = 0;
        fieldStart = 0;
        int c;
        while ((c = nextChar()) >= 0) {
            if (quoted) {
                out.append((char) c);
                if (dialect.escape() != null && c == dialect.escape()) {
                    int next = nextChar();
                    if (next >= 0) {
                        out.append((char) next);
                    }
                } else if (c == dialect.quote()) {
                    quoted = false;
                }
            } else if (c == dialect.quote() && !fieldHasContent) {
                if (dialect.spacesAroundQuotes()) {
                    out.setLength(fieldStart);
                }
                out.append((char) c);
                quoted = true;
                fieldHasContent = true;
            } else if (c == dialect.delimiter() || c == '\n' || c == '\r') {
                out.append((char) c);
                fieldStart = out.length();
                fieldHasContent = false;
                if (c != dialect.delimiter()) {
                    return true;
                }
            } else if (dialect.trailingComments() && c == dialect.comment() && fieldHasContent) {
                out.append((char) c);
                return cutComment();
            } else {
                out.append((char) c);
                fieldHasContent |= !isSpace(c);
            }
        }
        return out.length() > 0;
    }

    private int nextChar() throws IOException {
        if (againAt < again.length()) {
            return again.charAt(againAt++);
        }
        return in.read();
    }

    /**
     * The comment character just read starts a comment when words follow: drops it, the spaces before
     * it and the rest of the line. Otherwise the rest of the line is read again as data.
     */
    private boolean cutComment() throws IOException {
        int markerAt = out.length() - 1;
        StringBuilder rest = new StringBuilder();
        int c;
        while ((c = nextChar()) >= 0 && c != '\n' && c != '\r') {
            rest.append((char) c);
        }
        if (c >= 0) {
            rest.append((char) c);
        }
        if (commentEnd(out.append(rest), markerAt) < 0) {
            out.setLength(markerAt + 1);
            again.delete(0, againAt).insert(0, rest);
            againAt = 0;
            return true;
        }
        int start = markerAt;
        while (start > 0 && isSpace(out.charAt(start - 1))) {
            start--;
        }
        out.setLength(start);
        if (c >= 0) {
            out.append((char) c);
        }
        fieldHasContent = false;
        return true;
    }
}
