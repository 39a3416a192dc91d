package dev.charton.input.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A page codec that decodes a whole page from one byte array into another. It keeps no state
 * between pages, so the columns of a row group can decompress their pages on several threads.
 */
abstract class PageDecompressor implements BytesInputDecompressor {

    /** Decodes the whole of {@code in} into exactly {@code out.length} bytes. */
    abstract void decode(byte[] in, byte[] out) throws IOException;

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
        checkSize(decompressedSize);
        byte[] in = heapBytes(bytes);
        byte[] out = new byte[decompressedSize];
        if (in.length > 0 || decompressedSize > 0) {
            decode(in, out);
        }
        return BytesInput.from(out);
    }

    /**
     * The page's bytes in an array, only read. A page in a column chunk read off the heap is copied in
     * one go: {@link BytesInput#toByteArray} would copy it twice, through a stream's buffer.
     */
    private static byte[] heapBytes(BytesInput bytes) throws IOException {
        ByteBuffer buffer = bytes.toByteBuffer();
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
            throws IOException {
        checkSize(decompressedSize);
        byte[] in = new byte[compressedSize];
        input.get(in);
        byte[] out = new byte[decompressedSize];
        decode(in, out);
        output.put(out);
    }

    @Override
    public void release() {
    }

    /**
     * A page whose header declares more than a quarter of Java's heap decompressed is refused before
     * the bytes are allocated: a corrupt header would otherwise end the read out of memory.
     */
    private static void checkSize(int decompressedSize) throws IOException {
        long limit = Runtime.getRuntime().maxMemory() / 4;
        if (decompressedSize < 0 || decompressedSize > limit) {
            throw new IOException("a page declares " + decompressedSize + " bytes decompressed, more than a quarter of"
                    + " Java's heap (" + limit + " bytes; more with CHARTON_JAVA_OPTS=-Xmx...)");
        }
    }

    static IOException sizeMismatch(String codec, long produced, int expected) {
        return new IOException("a " + codec + " page decompressed to " + produced + " bytes, expected " + expected);
    }
}
