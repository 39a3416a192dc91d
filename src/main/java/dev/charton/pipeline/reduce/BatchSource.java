package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;

/**
 * The chart's columns as Arrow batches that can be read more than once: a statistic that needs the
 * data's range before it can place rows (pixel columns, bin edges) scans twice.
 */
public interface BatchSource {
    /** The projected columns, the user's names. */
    Schema schema();

    /**
     * Feeds every batch, in order, to {@code consumer}; the root and its dictionaries are only valid
     * during the call. Returns the number of rows read.
     */
    long scan(BatchConsumer consumer) throws IOException;

    @FunctionalInterface
    interface BatchConsumer {
        void accept(VectorSchemaRoot batch, DictionaryProvider dictionaries);
    }
}
