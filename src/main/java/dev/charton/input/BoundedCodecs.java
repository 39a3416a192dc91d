package dev.charton.input;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow's compression codecs, refusing a compressed buffer whose declared length is more than the
 * reader's allocator may hold before the codec allocates it: the LZ4 codec decompresses through a
 * heap array of that length, so a few corrupt bytes could claim gigabytes of heap.
 */
final class BoundedCodecs implements CompressionCodec.Factory {
    private static final int LENGTH_PREFIX = Long.BYTES;
    private static final long UNCOMPRESSED = -1; // CompressionUtil's marker of a buffer stored as it is

    private final CompressionCodec.Factory codecs = CompressionCodec.Factory.INSTANCE;

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type) {
        return new Bounded(codecs.createCodec(type));
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
        return new Bounded(codecs.createCodec(type, level));
    }

    private record Bounded(CompressionCodec codec) implements CompressionCodec {
        @Override
        public ArrowBuf compress(BufferAllocator allocator, ArrowBuf uncompressed) {
            return codec.compress(allocator, uncompressed);
        }

        @Override
        public ArrowBuf decompress(BufferAllocator allocator, ArrowBuf compressed) {
            if (compressed.writerIndex() >= LENGTH_PREFIX) {
                long declared = compressed.getLong(0);
                long room = allocator.getLimit() - allocator.getAllocatedMemory();
                if (declared != UNCOMPRESSED && (declared < 0 || declared > room)) {
                    throw new IllegalArgumentException("a compressed buffer declares " + declared
                            + " bytes, more than the data can hold");
                }
            }
            return codec.decompress(allocator, compressed);
        }

        @Override
        public CompressionUtil.CodecType getCodecType() {
            return codec.getCodecType();
        }
    }
}
