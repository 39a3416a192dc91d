package dev.charton.input.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A page codec that decodes a whole page from one byte array into another, or, where its library
 * can, from one direct buffer into another. It keeps no state between pages, so the columns of a
 * row group can decompress their pages on several threads.
 */
abstract class PageDecompressor implements BytesInputDecompressor {

    /** Decodes the whole of {@code in} into exactly {@code out.length} bytes. */
    abstract void decode(byte[] in, byte[] out) throws IOException;

    /**
     * Decodes {@code in}'s remaining bytes into exactly {@code out.remaining()} bytes of {@code out}, both
     * direct, and moves {@code out}'s position past them. Codecs whose library reads direct buffers
     * override this; the others go through arrays.
     */
    void decodeDirect(ByteBuffer in, ByteBuffer out) throws IOException {
        decodeThroughArrays(in, out);
    }

    /** As {@link #decodeDirect}, for any buffers: copied into arrays, decoded, copied out. */
    private void decodeThroughArrays(ByteBuffer in, ByteBuffer out) throws IOException {
        byte[] inBytes = new byte[in.remaining()];
        in.get(inBytes);
        byte[] outBytes = new byte[out.remaining()];
        decode(inBytes, outBytes);
        out.put(outBytes);
    }

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

    /**
     * Used for data pages when the column chunks are read off the heap ({@link ChunkBuffers}):
     * parquet-java then takes the page's buffer from the same allocator and frees it with the row
     * group, so decoding a page allocates nothing on the heap.
     */
    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
            throws IOException {
        checkSize(decompressedSize);
        if (input.remaining() < compressedSize || output.remaining() < decompressedSize) {
            throw new IOException("a page declares " + compressedSize + " bytes compressed and " + decompressedSize
                    + " decompressed, more than its buffers hold");
        }
        ByteBuffer in = input.slice().limit(compressedSize);
        ByteBuffer out = output.slice().limit(decompressedSize);
        if (compressedSize > 0 || decompressedSize > 0) {
            if (in.isDirect() && out.isDirect()) {
                decodeDirect(in, out);
            } else {
                decodeThroughArrays(in, out);
            }
            if (out.hasRemaining()) {
                throw sizeMismatch("page", out.position(), decompressedSize);
            }
        }
        input.position(input.position() + compressedSize);
        output.position(output.position() + decompressedSize);
    }

    @Override
    public void release() {
    }

    /**
     * A page whose header declares more than a quarter of Java's heap decompressed is refused before
     * the bytes are allocated: a corrupt header would otherwise end the read out of memory.
     */
    private static void checkSize(int decompressedSize) throws IOException {
        String refusal = sizeRefusal(decompressedSize);
        if (refusal != null) {
            throw new IOException(refusal);
        }
    }

    /** Why a page of {@code decompressedSize} bytes is refused, or null when it is not. */
    static String sizeRefusal(long decompressedSize) {
        long limit = Runtime.getRuntime().maxMemory() / 4;
        if (decompressedSize < 0 || decompressedSize > limit) {
            return "a page declares " + decompressedSize + " bytes decompressed, more than a quarter of"
                    + " Java's heap (" + limit + " bytes; more with CHARTON_JAVA_OPTS=-Xmx...)";
        }
        return null;
    }

    static IOException sizeMismatch(String codec, long produced, int expected) {
        return new IOException("a " + codec + " page decompressed to " + produced + " bytes, expected " + expected);
    }
}
