package dev.charton.input;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.util.Optional;
import java.util.OptionalLong;

/** A reader that hands every call to another; subclasses change only what they are about. */
public abstract class ForwardingTableReader implements TableReader {
    protected final TableReader inner;

    protected ForwardingTableReader(TableReader inner) {
        this.inner = inner;
    }

    @Override
    public VectorSchemaRoot root() {
        return inner.root();
    }

    @Override
    public DictionaryProvider dictionaries() {
        return inner.dictionaries();
    }

    @Override
    public OptionalLong knownRowCount() {
        return inner.knownRowCount();
    }

    @Override
    public Optional<ColumnRange> recordedRange(String name) {
        return inner.recordedRange(name);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : inner.unwrap(type);
    }

    @Override
    public boolean loadNextBatch() {
        return inner.loadNextBatch();
    }

    @Override
    public void close() {
        inner.close();
    }
}
