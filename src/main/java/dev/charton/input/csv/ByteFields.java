package dev.charton.input.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts records out of a block of a file's bytes that starts where a record starts, by the rules
 * Commons CSV applies to the decoded text (RFC 4180 quotes, no escape character, no comments; see
 * {@link ParallelRecords#suits}): a field is quoted only when the quote is its first character, a
 * doubled quote inside is one quote, white space after a closing quote is dropped and anything else
 * there is an error; LF, CR and CRLF end a record; an empty line is a record of one empty field.
 * The encoding keeps every ASCII byte a character of its own, so the bytes of a delimiter, quote
 * or line end are never part of another character; fields with other bytes are decoded strictly.
 */
final class ByteFields {
    private final byte delimiter;
    private final byte quote;
    private final long delimiters;
    private final long quotes;
    private final CharsetDecoder strict;
    private final boolean utf8;
    /** The fields of the record being cut, {@link #count} of them: copied out once it ends. */
    private String[] fields = new String[16];
    private int count;
    private byte[] unquoted = new byte[256];

    ByteFields(Dialect dialect, Charset charset) {
        this.delimiter = (byte) dialect.delimiter();
        this.quote = (byte) dialect.quote();
        this.delimiters = ByteWords.repeated(delimiter);
        this.quotes = ByteWords.repeated(quote);
        this.strict = charset.equals(StandardCharsets.ISO_8859_1) ? null : charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
    }

    /**
     * The records of {@code bytes[from, to)}. Unless {@code last}, {@code to} is just after a line end
     * outside quotes (or the block holds no line end at all: its one record is too long).
     */
    ParsedBlock parse(byte[] bytes, int from, int to, boolean last) {
        ParsedBlock block = new ParsedBlock();
        long breaks = 0;
        int i = from;
        records:
        while (i < to) {
            long recordLine = breaks + 1;
            count = 0;
            while (true) {
                int end;
                String value;
                try {
                    if (i < to && bytes[i] == quote) {
                        long quoteLine = breaks + 1;
                        int n = 0;
                        boolean high = false;
                        int k = i + 1;
                        // Most quoted texts hold no quote, line end or byte beyond ASCII: taken as they are.
                        int close = ByteWords.nextOfOrHigh(bytes, k, to, quotes, ByteWords.LFS, ByteWords.CRS);
                        boolean plain = close < to && bytes[close] == quote
                                && (close + 1 >= to || bytes[close + 1] != quote);
                        while (!plain) {
                            if (k >= to) {
                                block.stop(last ? ParsedBlock.Stop.UNCLOSED_QUOTE : ParsedBlock.Stop.ROW_TOO_LONG,
                                        last ? quoteLine : recordLine, null);
                                break records;
                            }
                            byte b = bytes[k];
                            if (b == quote) {
                                if (k + 1 < to && bytes[k + 1] == quote) {
                                    n = append(n, quote);
                                    k += 2;
                                    continue;
                                }
                                k++;
                                break;
                            }
                            if (b == '\n' || b == '\r' && (k + 1 >= to || bytes[k + 1] != '\n')) {
                                breaks++;
                            }
                            high |= b < 0;
                            n = append(n, b);
                            k++;
                        }
                        if (plain) {
                            value = new String(bytes, k, close - k, StandardCharsets.ISO_8859_1);
                            k = close + 1;
                        } else {
                            value = text(unquoted, 0, n, high);
                        }
                        end = afterClosingQuote(bytes, k, to);
                        if (end < 0) {
                            block.stop(ParsedBlock.Stop.TEXT_AFTER_QUOTE, breaks + 1, null);
                            break records;
                        }
                    } else {
                        boolean high = false;
                        int k = ByteWords.nextOfOrHigh(bytes, i, to, delimiters, ByteWords.LFS, ByteWords.CRS);
                        byte b;
                        while (k < to && (b = bytes[k]) != delimiter && b != '\n' && b != '\r') {
                            high |= b < 0;
                            k++;
                        }
                        value = text(bytes, i, k, high);
                        end = k;
                    }
                } catch (CharacterCodingException e) {
                    block.stop(ParsedBlock.Stop.MALFORMED, breaks + 1, e);
                    break records;
                }
                add(value);
                if (end >= to) {
                    i = end;
                    if (!last) {
                        block.stop(ParsedBlock.Stop.ROW_TOO_LONG, recordLine, null);
                        break records;
                    }
                    block.add(Arrays.copyOf(fields, count), breaks + 1);
                    break records;
                }
                byte b = bytes[end];
                i = end + 1;
                if (b == delimiter) {
                    continue;
                }
                breaks++;
                if (b == '\r' && i < to && bytes[i] == '\n') {
                    i++;
                }
                block.add(Arrays.copyOf(fields, count), breaks);
                continue records;
            }
        }
        block.lineBreaks = breaks;
        return block;
    }

    /**
     * Where the delimiter or line end after a closing quote at {@code k} is ({@code to} at the end of
     * the input), past any white space ({@link Character#isWhitespace}, as Commons CSV skips it); -1
     * when something else comes first.
     */
    private int afterClosingQuote(byte[] bytes, int k, int to) {
        while (k < to) {
            byte b = bytes[k];
            if (b == delimiter || b == '\n' || b == '\r') {
                return k;
            }
            int width = whitespaceWidth(bytes, k, to);
            if (width == 0) {
                return -1;
            }
            k += width;
        }
        return k;
    }

    /** The bytes of the white space character at {@code k}, or 0. */
    private int whitespaceWidth(byte[] bytes, int k, int to) {
        byte b = bytes[k];
        if (b >= 0) {
            return Character.isWhitespace((char) b) ? 1 : 0;
        }
        // The white space beyond ASCII is three bytes in UTF-8 (U+1680, U+2000..U+205F, U+3000).
        if (utf8 && (b & 0xF0) == 0xE0 && k + 2 < to) {
            int c = (b & 0x0F) << 12 | (bytes[k + 1] & 0x3F) << 6 | (bytes[k + 2] & 0x3F);
            return Character.isWhitespace(c) ? 3 : 0;
        }
        return 0;
    }

    private void add(String value) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = value;
    }

    private int append(int n, byte b) {
        if (n == unquoted.length) {
            unquoted = Arrays.copyOf(unquoted, n * 2);
        }
        unquoted[n] = b;
        return n + 1;
    }

    private String text(byte[] bytes, int from, int to, boolean high) throws CharacterCodingException {
        if (!high || strict == null) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return strict.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    }
}
