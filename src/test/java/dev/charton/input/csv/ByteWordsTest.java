package dev.charton.input.csv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ByteWords} finds, eight bytes at a time, the byte a search one byte at a time finds. */
class ByteWordsTest {
    private static int oneByOne(byte[] bytes, int i, int to, byte a, byte b, byte c) {
        for (; i < to; i++) {
            byte v = bytes[i];
            if (v == a || v == b || v == c || v < 0) {
                return i;
            }
        }
        return to;
    }

    @Test
    void theFirstMarkOrByteBeyondAsciiIsFoundWhereverItFalls() {
        byte[] alphabet = {'x', 'y', ',', ';', '\n', '\r', '"', 0, 1, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF,
            ',' + 1, ',' - 1, '\n' + 1};
        Random random = new Random(8);
        for (int round = 0; round < 200_000; round++) {
            RandomBytes r = RandomBytes.next(random, alphabet, (byte) 'x', 6);
            byte delimiter = random.nextBoolean() ? (byte) ',' : (byte) ';';
            assertEquals(oneByOne(r.bytes(), r.from(), r.to(), delimiter, (byte) '\n', (byte) '\r'),
                    ByteWords.nextOfOrHigh(r.bytes(), r.from(), r.to(), ByteWords.repeated(delimiter), ByteWords.LFS,
                            ByteWords.CRS),
                    () -> Arrays.toString(r.bytes()) + " from " + r.from() + " to " + r.to());
        }
    }
}
