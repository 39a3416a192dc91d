package dev.charton.input.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link RecordBoundary} looks at eight bytes at a time; it must find the same record ends as
 * following the quotes one byte at a time, wherever the quotes and line ends fall in the words.
 */
class RecordBoundaryTest {
    private static final Dialect COMMA = new Dialect(',', '"', null, null, false, false, false, 0, true, "");

    @Test
    void endsAfterTheLastLineEndOutsideQuotes() {
        assertEquals(8, last("a,b\nc,d\ne,f"));
        assertEquals(4, last("a,b\n\"c\nd\",e"), "the line end inside quotes is no record end");
        assertEquals(14, last("x\n\"a\nb\"\"\nc\",d\ne"), "a doubled quote does not close the field");
        assertEquals(-1, last("abcdefghijklmnop"));
    }

    @Test
    void aQuoteOrLineEndStraddlingTwoWordsIsFound() {
        for (int pad = 0; pad < 20; pad++) {
            String before = "x".repeat(pad);
            assertEquals(pad + 1, last(before + "\nyyyyyyyyyyyy"), "LF at " + pad);
            assertEquals(pad + 2, last(before + "\r\nyyyyyyyyyyyy"), "CRLF at " + pad);
            assertEquals(pad + 1, last(before + "\ryyyyyyyyyyyy"), "CR at " + pad);
            String quoted = before + ",\"" + "q".repeat(pad) + "\"\"\n\"\"" + "q".repeat(20 - pad) + "\"\n" + "tail";
            assertEquals(quoted.length() - 4, last(quoted), "quoted field with a doubled quote, padded by " + pad);
            assertEquals(pad + 1, last(before + "\n\"" + "q\n".repeat(pad) + "\""), "quotes open to the end");
        }
    }

    @Test
    void aQuoteOrCrInTheLastByteEndsTheSearch() {
        assertEquals(4, last("a,b\nc,d\r"), "a CR in the last byte may be the first of a CRLF");
        assertEquals(4, last("a,b\n\"c\"\"d\""), "a quote in the last byte may be the first of a doubled one");
        assertEquals(-1, last("\"abcdefghijklmnopqrs\n"), "still inside quotes at the end");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertEquals(13, last("ab\"c,d\"e\nf,g\nh"));
        assertEquals(10, last("12345678\"\nabc"), "a quote in a field's middle, in the next word");
    }

    @Test
    void findsWhatFollowingTheQuotesByteByByteFinds() {
        Random random = new Random(14);
        byte[] alphabet = "a,\"\n\r ;".getBytes(StandardCharsets.US_ASCII);
        RecordBoundary boundary = new RecordBoundary(COMMA);
        for (int run = 0; run < 200_000; run++) {
            RandomBytes r = RandomBytes.next(random, alphabet, (byte) 'a', 3);
            assertEquals(byteByByte(r.bytes(), r.from(), r.to()), boundary.last(r.bytes(), r.from(), r.to()),
                    "'" + new String(r.bytes(), StandardCharsets.US_ASCII) + "' from " + r.from() + " to " + r.to());
        }
    }

    private static int last(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new RecordBoundary(COMMA).last(bytes, 0, bytes.length);
    }

    /** The rule, one byte at a time: a quote opens a field only at its start; "" inside is one quote. */
    private static int byteByByte(byte[] b, int from, int to) {
        int last = -1;
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (quoted) {
                if (b[i] == '"') {
                    if (i + 1 >= to) {
                        return last;
                    }
                    if (b[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (b[i] == '"' && (i == from || b[i - 1] == ',' || b[i - 1] == '\n' || b[i - 1] == '\r')) {
                quoted = true;
            } else if (b[i] == '\n') {
                last = i + 1;
            } else if (b[i] == '\r') {
                if (i + 1 >= to) {
                    return last;
                }
                if (b[i + 1] != '\n') {
                    last = i + 1;
                }
            }
        }
        return last;
    }
}
