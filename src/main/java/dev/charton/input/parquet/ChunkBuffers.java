package dev.charton.input.parquet;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.io.ParquetDecodingException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where parquet-java reads a row group's column chunks. On the heap they outlive several young
 * collections (a row group is read while many batches are decoded from it), so the collector copies
 * them again and again and promotes them: on a 10M-row file that was most of the time spent in
 * collections. The column-at-a-time path reads them off the heap instead, and frees each row group's
 * chunks as soon as its rows are decoded ({@link FlatBatches}). Record assembly keeps the heap: its
 * row groups are left to the collector.
 *
 * <p>Off the heap, the buffers of a row group whose rows are decoded are kept for the next one: a
 * new direct buffer is zeroed and its pages faulted in, a fifth of the reading thread's time on a
 * 10M-row file of row groups of a million rows. parquet-java reads a buffer up to its limit, so a
 * kept buffer larger than asked serves with its limit lowered. The decompressed data pages come from
 * here too, and go back with their row group.
 */
final class ChunkBuffers implements ByteBufferAllocator, AutoCloseable {
    private static final ByteBufferAllocator HEAP = new HeapByteBufferAllocator();
    private static final ByteBufferAllocator DIRECT = new DirectByteBufferAllocator();
    /** At most this much is kept: the chunks of a row group of a few wide columns. */
    private static final long KEPT_BYTES = 256L << 20;
    private final List<ByteBuffer> kept = new ArrayList<>();
    private long keptBytes;
    private volatile boolean direct;

    /** From now on, chunks are read off the heap; whoever reads them must close each row group. */
    void offHeap() {
        direct = true;
    }

    @Override
    public synchronized ByteBuffer allocate(int size) {
        if (!direct) {
            return HEAP.allocate(size);
        }
        // Off the heap, a decompressed page's buffer comes from here, sized by its header.
        String refusal = PageDecompressor.sizeRefusal(size);
        if (refusal != null) {
            throw new ParquetDecodingException(refusal);
        }
        int best = -1;
        for (int i = 0; i < kept.size(); i++) {
            int capacity = kept.get(i).capacity();
            if (capacity >= size && (best < 0 || capacity < kept.get(best).capacity())) {
                best = i;
            }
        }
        if (best < 0) {
            return DIRECT.allocate(size);
        }
        ByteBuffer buffer = kept.remove(best);
        keptBytes -= buffer.capacity();
        buffer.clear().limit(size);
        return buffer;
    }

    @Override
    public synchronized void release(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            HEAP.release(buffer);
        } else if (keptBytes + buffer.capacity() <= KEPT_BYTES) {
            kept.add(buffer);
            keptBytes += buffer.capacity();
        } else {
            DIRECT.release(buffer);
        }
    }

    @Override
    public boolean isDirect() {
        return direct;
    }

    /** Frees the buffers kept for a row group that will not come. */
    @Override
    public synchronized void close() {
        kept.forEach(DIRECT::release);
        kept.clear();
        keptBytes = 0;
    }
}
