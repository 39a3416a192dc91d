package dev.charton.input.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.util.OversizedAllocationException;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Page values written into Arrow's buffers without a converter in between: Parquet's plain numbers
 * are little-endian like Arrow's, so a run of them is one copy, and a dictionary is decoded once per
 * column chunk into the bits or bytes each id stands for.
 */
final class DirectValues {
    private DirectValues() {
    }

    /** The bytes of a plain value of this physical type when Arrow stores it as is, else 0. */
    static int byteWidth(PrimitiveTypeName physical) {
        return switch (physical) {
            case INT32, FLOAT -> Integer.BYTES;
            case INT64, DOUBLE -> Long.BYTES;
            default -> 0;
        };
    }

    static long[] bits(Dictionary dictionary, PrimitiveTypeName physical) {
        long[] bits = new long[dictionary.getMaxId() + 1];
        for (int id = 0; id < bits.length; id++) {
            bits[id] = switch (physical) {
                case INT32 -> dictionary.decodeToInt(id);
                case FLOAT -> Float.floatToRawIntBits(dictionary.decodeToFloat(id));
                case INT64 -> dictionary.decodeToLong(id);
                default -> Double.doubleToRawLongBits(dictionary.decodeToDouble(id));
            };
        }
        return bits;
    }

    static byte[][] bytes(Dictionary dictionary) {
        byte[][] bytes = new byte[dictionary.getMaxId() + 1][];
        for (int id = 0; id < bytes.length; id++) {
            bytes[id] = BinaryBytes.of(dictionary.decodeToBinary(id));
        }
        return bytes;
    }

    /** The dictionary ids of a page: their bit width in one byte, then the RLE/bit-packed hybrid. */
    static DictionaryIds ids(ByteBufferInputStream in, Scratch scratch) throws IOException {
        int bitWidth = in.read();
        return new DictionaryIds(new HybridInts(bitWidth, in.slice(in.available())), scratch);
    }

    /**
     * Arrays the pages of one column share: a page's values are all written before the column reads
     * its next page, so one set serves them all instead of new arrays for every page.
     */
    static final class Scratch {
        private int[] ids = new int[0];
        private long[] values = new long[0];
        private int[] ends = new int[0];
        private byte[] bytes = new byte[0];

        int[] ids(int count) {
            ids = atLeast(ids, count);
            return ids;
        }

        long[] values(int count) {
            if (values.length < count) {
                values = new long[count];
            }
            return values;
        }

        int[] ends(int count) {
            ends = atLeast(ends, count);
            return ends;
        }

        private static int[] atLeast(int[] array, int count) {
            return array.length < count ? new int[count] : array;
        }

        byte[] bytes(int count) {
            if (bytes.length < count) {
                bytes = new byte[Math.max(count, bytes.length * 2)];
            }
            return bytes;
        }
    }

    /** The ids of a page, handed out a run of rows at a time. */
    static final class DictionaryIds {
        private final HybridInts ids;
        private final Scratch scratch;

        DictionaryIds(HybridInts ids, Scratch scratch) {
            this.ids = ids;
            this.scratch = scratch;
        }

        /** The next {@code count} ids, at the start of an array that may be longer. */
        int[] next(int count) {
            int[] run = scratch.ids(count);
            ids.read(run, 0, count);
            return run;
        }
    }

    /** Sets the validity bits of rows {@code row} to {@code row + count - 1}, whole bytes at once in the middle. */
    static void markPresent(ArrowBuf validity, int row, int count) {
        int end = row + count;
        int i = row;
        for (; i < end && (i & 7) != 0; i++) {
            BitVectorHelper.setBit(validity, i);
        }
        int wholeBytes = (end - i) >>> 3;
        if (wholeBytes > 0) {
            validity.setOne(i >>> 3, wholeBytes);
            i += wholeBytes << 3;
        }
        for (; i < end; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }

    static final class PlainFixedWidth implements PageValues {
        private final BaseFixedWidthVector vector;
        private final ByteBuffer values;
        private final int width;

        PlainFixedWidth(BaseFixedWidthVector vector, ByteBuffer values) {
            this.vector = vector;
            this.values = values;
            this.width = vector.getTypeWidth();
        }

        @Override
        public void write(int row, int count) {
            int bytes = count * width;
            if (values.remaining() < bytes) {
                throw new ParquetDecodingException("a plain page ends before its " + count + " values");
            }
            int start = values.position();
            // Arrow advances a heap buffer's position itself and leaves a direct one's alone.
            vector.getDataBuffer().setBytes((long) row * width, values, start, bytes);
            values.position(start + bytes);
            markPresent(vector.getValidityBuffer(), row, count);
        }
    }

    static final class FixedWidthFromDictionary implements PageValues {
        private final BaseFixedWidthVector vector;
        private final long[] dictionary;
        private final DictionaryIds ids;
        private final Scratch scratch;

        FixedWidthFromDictionary(BaseFixedWidthVector vector, long[] dictionary, DictionaryIds ids, Scratch scratch) {
            this.vector = vector;
            this.dictionary = dictionary;
            this.ids = ids;
            this.scratch = scratch;
        }

        @Override
        public void write(int row, int count) {
            ArrowBuf data = vector.getDataBuffer();
            int[] run = ids.next(count);
            if (vector.getTypeWidth() == Long.BYTES) {
                // Looked up into an array, then one copy: a checked write per value costs C1 code twice as much.
                long[] values = scratch.values(count);
                for (int i = 0; i < count; i++) {
                    values[i] = dictionary[run[i]];
                }
                data.nioBuffer((long) row * Long.BYTES, count * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer()
                        .put(values, 0, count);
            } else {
                for (int i = 0; i < count; i++) {
                    data.setInt((long) (row + i) * Integer.BYTES, (int) dictionary[run[i]]);
                }
            }
            markPresent(vector.getValidityBuffer(), row, count);
        }
    }

    static final class PlainVariableWidth implements PageValues {
        private final BaseVariableWidthVector vector;
        private final ByteBuffer values;

        PlainVariableWidth(BaseVariableWidthVector vector, ByteBuffer values) {
            this.vector = vector;
            this.values = values.order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void write(int row, int count) {
            for (int i = row; i < row + count; i++) {
                int length = values.remaining() >= Integer.BYTES ? values.getInt() : -1;
                if (length < 0 || length > values.remaining()) {
                    throw new ParquetDecodingException("a plain page ends inside a value");
                }
                vector.setSafe(i, values, values.position(), length);
                values.position(values.position() + length);
            }
        }
    }

    static final class VariableWidthFromDictionary implements PageValues {
        private final BaseVariableWidthVector vector;
        private final byte[][] dictionary;
        private final DictionaryIds ids;
        private final Scratch scratch;

        VariableWidthFromDictionary(BaseVariableWidthVector vector, byte[][] dictionary, DictionaryIds ids,
                                    Scratch scratch) {
            this.vector = vector;
            this.dictionary = dictionary;
            this.ids = ids;
            this.scratch = scratch;
        }

        /**
         * The run's values are gathered into one array and its offsets into another, then each goes
         * into the vector with one copy: a copy into Arrow's memory per value costs more in checks
         * than in bytes when the values are short, as category names are.
         */
        @Override
        public void write(int row, int count) {
            int[] run = ids.next(count);
            vector.fillEmpties(row);
            long start = vector.getStartOffset(row);
            long length = 0;
            for (int i = 0; i < count; i++) {
                length += dictionary[run[i]].length;
            }
            if (start + length > Integer.MAX_VALUE) {
                throw new OversizedAllocationException("a batch of strings over 2 GiB");
            }
            if (vector.getDataBuffer().capacity() < start + length) {
                vector.reallocDataBuffer(start + length);
            }
            byte[] bytes = scratch.bytes((int) length);
            int[] ends = scratch.ends(count);
            int at = 0;
            for (int i = 0; i < count; i++) {
                byte[] value = dictionary[run[i]];
                System.arraycopy(value, 0, bytes, at, value.length);
                at += value.length;
                ends[i] = (int) start + at;
            }
            vector.getDataBuffer().setBytes(start, bytes, 0, length);
            vector.getOffsetBuffer()
                    .nioBuffer((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH,
                            count * BaseVariableWidthVector.OFFSET_WIDTH)
                    .order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(ends, 0, count);
            markPresent(vector.getValidityBuffer(), row, count);
            vector.setLastSet(row + count - 1);
        }
    }
}
