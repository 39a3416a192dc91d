package dev.charton.pipeline.reduce;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Scans a source keeping count of rows, so each batch knows the table row number of its first row. */
final class RowScan {
    private RowScan() {
    }

    @FunctionalInterface
    interface Batches {
        void accept(VectorSchemaRoot batch, DictionaryProvider dictionaries, long firstRow);
    }

    /** Scans every batch; a statistic's spill failing mid-scan (UncheckedIOException) is the scan's IOException. */
    static long scan(BatchSource source, Batches batches) throws IOException {
        long[] rows = {0};
        try {
            source.scan((batch, dictionaries) -> {
                batches.accept(batch, dictionaries, rows[0]);
                rows[0] += batch.getRowCount();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    /** Views of the named columns of a batch, read as numbers. */
    static NumberView[] numbers(VectorSchemaRoot batch, List<String> names) {
        NumberView[] views = new NumberView[names.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = NumberView.of(batch.getVector(names.get(i)));
            if (views[i] == null) {
                throw new IllegalArgumentException("column " + names.get(i) + " is not numeric");
            }
        }
        return views;
    }
}
