package dev.charton.pipeline.pushdown;

import dev.charton.input.TableReader;
import dev.charton.pipeline.reduce.BatchSource;
import dev.charton.table.ArrowSpool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** An engine's small result, copied once, as batches a reduction can scan as often as it needs. */
final class SpoolBatches implements BatchSource, AutoCloseable {
    private final ArrowSpool spool;
    private final BufferAllocator allocator;

    SpoolBatches(ArrowSpool spool, BufferAllocator allocator) {
        this.spool = spool;
        this.allocator = allocator;
    }

    long rows() {
        return spool.rows();
    }

    @Override
    public Schema schema() {
        return spool.schema();
    }

    @Override
    public long scan(BatchConsumer consumer) {
        long rows = 0;
        try (TableReader reader = spool.open(null, allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.root().getRowCount();
                consumer.accept(reader.root(), reader.dictionaries());
            }
        }
        return rows;
    }

    @Override
    public void close() {
        spool.close();
    }
}
