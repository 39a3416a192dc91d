package dev.charton.input.parquet;

import org.apache.parquet.io.api.Binary;

import java.nio.ByteBuffer;

/** The bytes of a Parquet value, copied only once they are known to lie inside their page. */
final class BinaryBytes {
    private BinaryBytes() {
    }

    /**
     * {@link Binary#getBytes} allocates the length a value declares before it copies: a corrupt
     * length of 1.8 GB ran charton out of memory before the copy failed. The buffer view is bounds
     * checked first (an exception, which the reader reports as a corrupt file).
     */
    static byte[] of(Binary value) {
        ByteBuffer buffer = value.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
