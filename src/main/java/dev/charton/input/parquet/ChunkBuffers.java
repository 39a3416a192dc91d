package dev.charton.input.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;

import java.nio.ByteBuffer;

/**
 * Where parquet-java reads a row group's column chunks. On the heap they outlive several young
 * collections (a row group is read while many batches are decoded from it), so the collector copies
 * them again and again and promotes them: on a 10M-row file that was most of the time spent in
 * collections. The column-at-a-time path reads them off the heap instead, and frees each row group's
 * chunks as soon as its rows are decoded ({@link FlatBatches}). Record assembly keeps the heap: its
 * row groups are left to the collector.
 */
final class ChunkBuffers implements ByteBufferAllocator {
    private static final ByteBufferAllocator HEAP = new HeapByteBufferAllocator();
    private static final ByteBufferAllocator DIRECT = new DirectByteBufferAllocator();
    private volatile boolean direct;

    /** From now on, chunks are read off the heap; whoever reads them must close each row group. */
    void offHeap() {
        direct = true;
    }

    @Override
    public ByteBuffer allocate(int size) {
        return (direct ? DIRECT : HEAP).allocate(size);
    }

    @Override
    public void release(ByteBuffer buffer) {
        (buffer.isDirect() ? DIRECT : HEAP).release(buffer);
    }

    @Override
    public boolean isDirect() {
        return direct;
    }
}
