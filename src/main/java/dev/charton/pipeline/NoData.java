package dev.charton.pipeline;

import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;

/** A table without columns or rows: the data of a request that needs none. */
final class NoData implements TableReader {
    private final VectorSchemaRoot root;

    NoData(BufferAllocator allocator) {
        this.root = VectorSchemaRoot.create(new Schema(List.of()), allocator);
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return new DictionaryProvider.MapDictionaryProvider();
    }

    @Override
    public boolean loadNextBatch() {
        return false;
    }

    @Override
    public void close() {
        root.close();
    }
}
