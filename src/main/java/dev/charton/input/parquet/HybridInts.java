package dev.charton.input.parquet;

import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;
import org.apache.parquet.io.ParquetDecodingException;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Parquet's RLE/bit-packed hybrid (definition levels, dictionary ids) decoded many values at a time:
 * a repeated run is one fill, a bit-packed run is unpacked eight values at a time into a buffer.
 */
final class HybridInts {
    private static final int GROUP = 8;
    private final ByteBuffer in;
    private final int bitWidth;
    private final BytePacker packer;
    private final byte[] lastGroup;
    private int[] unpacked = new int[0];
    private int next;
    private int left;
    private boolean repeated;
    private int value;

    HybridInts(int bitWidth, ByteBuffer in) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetDecodingException("a run of " + bitWidth + "-bit integers");
        }
        this.in = in;
        this.bitWidth = bitWidth;
        this.packer = Packer.LITTLE_ENDIAN.newBytePacker(bitWidth);
        this.lastGroup = new byte[bitWidth];
    }

    /** Decodes the next {@code count} values into {@code out} from {@code offset}. */
    void read(int[] out, int offset, int count) {
        int at = offset;
        int end = offset + count;
        while (at < end) {
            if (left == 0) {
                nextRun();
            }
            int n = Math.min(end - at, left);
            if (repeated) {
                Arrays.fill(out, at, at + n, value);
            } else {
                System.arraycopy(unpacked, next, out, at, n);
                next += n;
            }
            left -= n;
            at += n;
        }
    }

    /**
     * Skips the next {@code count} values if the run they start in repeats {@code expected} at least
     * that often (a page's definition levels when no row is null); otherwise reads none of them, so
     * {@link #read} still returns them all.
     */
    boolean skipRepeats(int count, int expected) {
        if (count == 0) {
            return true;
        }
        if (left == 0) {
            nextRun();
        }
        if (!repeated || value != expected || left < count) {
            return false;
        }
        left -= count;
        return true;
    }

    private void nextRun() {
        int header = unsignedVarInt();
        int runs = header >>> 1;
        if (runs == 0) {
            throw new ParquetDecodingException("an empty run where more values were due");
        }
        if ((header & 1) == 0 || bitWidth == 0) {
            repeated = true;
            value = repeatedValue();
            left = bitWidth == 0 && (header & 1) == 1 ? (int) Math.min(Integer.MAX_VALUE, (long) runs * GROUP) : runs;
            return;
        }
        // A page's last group may stop short of its eight values' bytes; the missing bits are padding.
        long bytes = (long) runs * bitWidth;
        if (bytes > in.remaining() + bitWidth) {
            throw new ParquetDecodingException("a bit-packed run of " + runs * GROUP + " values runs past its page");
        }
        if (unpacked.length < runs * GROUP) {
            unpacked = new int[runs * GROUP];
        }
        for (int group = 0; group < runs; group++) {
            if (in.remaining() >= bitWidth) {
                packer.unpack8Values(in, in.position(), unpacked, group * GROUP);
                in.position(in.position() + bitWidth);
            } else {
                Arrays.fill(lastGroup, (byte) 0);
                in.get(lastGroup, 0, in.remaining());
                packer.unpack8Values(lastGroup, 0, unpacked, group * GROUP);
            }
        }
        repeated = false;
        next = 0;
        left = runs * GROUP;
    }

    private int repeatedValue() {
        int result = 0;
        for (int i = 0; i < (bitWidth + 7) / 8; i++) {
            result |= (in.get() & 0xFF) << (8 * i);
        }
        return result;
    }

    private int unsignedVarInt() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.get() & 0xFF;
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ParquetDecodingException("a run header longer than five bytes");
    }
}
