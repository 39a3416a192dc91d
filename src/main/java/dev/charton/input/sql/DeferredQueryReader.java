package dev.charton.input.sql;

import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.function.Supplier;

/**
 * A query's result whose schema is known before the query runs: the query starts at the first
 * batch asked for, so a figure planned from the schema alone (and then reduced in the engine, or
 * refused) never runs it. Each batch is moved, not copied, into the one root handed out.
 */
final class DeferredQueryReader implements QueryResult {
    private final VectorSchemaRoot root;
    private final Supplier<TableReader> query;
    private TableReader running;

    DeferredQueryReader(Schema schema, BufferAllocator allocator, Supplier<TableReader> query) {
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.query = query;
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return running == null ? new DictionaryProvider.MapDictionaryProvider() : running.dictionaries();
    }

    @Override
    public boolean loadNextBatch() {
        if (running == null) {
            running = query.get();
        }
        if (!running.loadNextBatch()) {
            root.setRowCount(0);
            return false;
        }
        BatchMove.into(running.root(), root);
        return true;
    }

    /** The root first: its buffers may be the engine's own (DuckDB's), released through the running reader. */
    @Override
    public void close() {
        try {
            root.close();
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }
}
