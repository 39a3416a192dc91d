package dev.charton.input;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

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

    /** Loads the next batch into {@link #root()}; false once the input is exhausted. */
    boolean loadNextBatch();

    @Override
    void close();
}
