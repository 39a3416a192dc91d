package dev.charton.input.parquet;

import org.apache.parquet.io.ParquetDecodingException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The next row group's chunks are read into the buffers of the one before, limited to the size asked. */
class ChunkBuffersTest {
    @Test
    void aReleasedDirectBufferServesTheNextRowGroupWithItsLimitLowered() {
        try (ChunkBuffers buffers = new ChunkBuffers()) {
            buffers.offHeap();
            ByteBuffer big = buffers.allocate(1 << 20);
            ByteBuffer small = buffers.allocate(1 << 10);
            assertTrue(big.isDirect());
            big.put(new byte[1000]);
            buffers.release(big);
            buffers.release(small);
            ByteBuffer again = buffers.allocate(4096);
            assertSame(big, again, "the smallest kept buffer that holds 4096 bytes");
            assertEquals(0, again.position());
            assertEquals(4096, again.limit());
            assertEquals(4096, again.remaining());
            assertSame(small, buffers.allocate(1000));
            assertNotSame(big, buffers.allocate(4096), "a buffer serves one chunk at a time");
        }
    }

    /** Off the heap a decompressed page's buffer comes from here, sized by a header a corrupt file may inflate. */
    @Test
    void aBufferLargerThanAQuarterOfTheHeapIsRefusedBeforeItIsAllocated() {
        try (ChunkBuffers buffers = new ChunkBuffers()) {
            buffers.offHeap();
            ParquetDecodingException e = assertThrows(ParquetDecodingException.class,
                    () -> buffers.allocate(Integer.MAX_VALUE));
            assertTrue(e.getMessage().startsWith("a page declares 2147483647 bytes decompressed, more than a quarter"),
                    e.getMessage());
            assertThrows(ParquetDecodingException.class, () -> buffers.allocate(-1));
        }
    }

    @Test
    void onTheHeapNothingIsKept() {
        try (ChunkBuffers buffers = new ChunkBuffers()) {
            ByteBuffer heap = buffers.allocate(4096);
            assertFalse(heap.isDirect());
            buffers.release(heap);
            assertNotSame(heap, buffers.allocate(4096));
        }
    }
}
