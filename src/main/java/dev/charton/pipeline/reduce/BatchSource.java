package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import dev.charton.input.ColumnRange;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

    /** The range of a column as the source recorded it, if it did (see {@code TableReader#recordedRange}). */
    default Optional<ColumnRange> recordedRange(String column) {
        return Optional.empty();
    }

    /** The range of all the named columns' values together, if the source recorded each. */
    default Optional<ColumnRange> recordedRange(List<String> columns) {
        ColumnRange all = null;
        for (String name : columns) {
            Optional<ColumnRange> range = recordedRange(name);
            if (range.isEmpty()) {
                return Optional.empty();
            }
            all = all == null ? range.get() : all.union(range.get());
        }
        return Optional.ofNullable(all);
    }

    /** The number of rows, if the source recorded it. */
    default OptionalLong knownRowCount() {
        return OptionalLong.empty();
    }

    @FunctionalInterface
    interface BatchConsumer {
        void accept(VectorSchemaRoot batch, DictionaryProvider dictionaries);
    }
}
