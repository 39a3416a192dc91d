package dev.charton.input;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A table read as a sequence of Arrow record batches of bounded size. Every input format
 * (CSV, Parquet, Arrow IPC) is one of these; everything downstream sees only batches.
 *
 * <p>The root is reused: each {@link #loadNextBatch()} refills it, so memory stays bounded by one
 * batch whatever the size of the input.
 */
public interface TableReader extends AutoCloseable {

    /** The root that each batch is loaded into; its schema is fixed for the whole table. */
    VectorSchemaRoot root();

    /** Dictionaries of dictionary-encoded columns, as of the current batch. */
    DictionaryProvider dictionaries();

    /** The number of rows, when the format records it (a Parquet footer) so nothing need be read. */
    default OptionalLong knownRowCount() {
        return OptionalLong.empty();
    }

    /**
     * The range of column {@code name} as the format records it, when it does for every part of the
     * table, so a statistic can place values before reading them. Only a hint: whoever uses it
     * checks it against the values read.
     */
    default Optional<ColumnRange> recordedRange(String name) {
        return Optional.empty();
    }

    /** This reader, or the one it wraps, if it is a {@code type}: for what only one format knows. */
    default <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Loads the next batch into {@link #root()}; false once the input is exhausted. */
    boolean loadNextBatch();

    @Override
    void close();
}
