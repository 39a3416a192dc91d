package dev.charton.input.parquet;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Definition levels in Parquet's RLE/bit-packed hybrid, 1 bit wide, written by hand. */
class HybridIntsTest {

    /** A repeated run of fewer than 64: its length shifted left once (low bit 0) in one byte, then the value. */
    private static byte[] repeated(int count, int value) {
        return new byte[]{(byte) (count << 1), (byte) value};
    }

    private static ByteBuffer runs(byte[]... runs) {
        ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(runs).mapToInt(r -> r.length).sum());
        for (byte[] run : runs) {
            buffer.put(run);
        }
        return buffer.flip();
    }

    private static int[] filled(int count, int value) {
        int[] values = new int[count];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void aRunOfTheExpectedValueIsSkippedAndTheNextRunReadAfterIt() {
        HybridInts levels = new HybridInts(1, runs(repeated(60, 1), repeated(5, 0)));
        assertTrue(levels.skipRepeats(60, 1));
        int[] rest = new int[5];
        levels.read(rest, 0, 5);
        assertArrayEquals(filled(5, 0), rest);
    }

    @Test
    void valuesNotAllInOneRunOfTheExpectedValueAreLeftForRead() {
        // Another value, a run too short for the count, and a bit-packed run: nothing is skipped.
        HybridInts other = new HybridInts(1, runs(repeated(60, 0)));
        assertFalse(other.skipRepeats(60, 1));
        int[] values = new int[60];
        other.read(values, 0, 60);
        assertArrayEquals(filled(60, 0), values);

        HybridInts split = new HybridInts(1, runs(repeated(30, 1), repeated(30, 1)));
        assertFalse(split.skipRepeats(60, 1));
        split.read(values, 0, 60);
        assertArrayEquals(filled(60, 1), values);

        // One group of eight 1-bit values, 0b10110111 read from the lowest bit up.
        HybridInts packed = new HybridInts(1, runs(new byte[]{(byte) ((1 << 1) | 1), (byte) 0b10110111}));
        assertFalse(packed.skipRepeats(8, 1));
        int[] eight = new int[8];
        packed.read(eight, 0, 8);
        assertArrayEquals(new int[]{1, 1, 1, 0, 1, 1, 0, 1}, eight);
    }

    @Test
    void noValuesAreSkippedWithoutReadingARun() {
        assertTrue(new HybridInts(1, ByteBuffer.allocate(0)).skipRepeats(0, 1));
    }
}
