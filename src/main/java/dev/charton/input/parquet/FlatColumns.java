package dev.charton.input.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a row group column by column, for the common case where every selected column is a
 * top-level leaf that is not repeated: rows need no assembly, so each column's pages are decoded
 * straight into its vector, and the columns of a batch are decoded on all cores at once.
 */
final class FlatColumns {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The threads that decode beside the reading thread; daemons, so they never hold the JVM open. */
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, CORES - 1), task -> {
        Thread thread = new Thread(task, "parquet-decoder");
        thread.setDaemon(true);
        return thread;
    });

    private final List<FlatColumn> columns = new ArrayList<>();

    /** {@code vectors} and {@code sinks} in the order of the requested schema's columns. */
    FlatColumns(PageReadStore pages, MessageType requested, List<FieldVector> vectors, List<PrimitiveSink> sinks,
                String createdBy) {
        List<ColumnDescriptor> descriptors = requested.getColumns();
        for (int i = 0; i < descriptors.size(); i++) {
            ColumnDescriptor column = descriptors.get(i);
            columns.add(new FlatColumn(column, pages.getPageReader(column), vectors.get(i), sinks.get(i), createdBy));
        }
    }

    static boolean fits(MessageType requested) {
        return requested.getFields().stream().allMatch(f -> f.isPrimitive() && !f.isRepetition(Type.Repetition.REPEATED));
    }

    /** Reads the next {@code count} rows into rows {@code first}, {@code first + 1}, ... of the batch. */
    void read(int first, int count) {
        AtomicInteger next = new AtomicInteger();
        Runnable decoder = () -> {
            for (int c = next.getAndIncrement(); c < columns.size(); c = next.getAndIncrement()) {
                columns.get(c).read(first, count);
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(CORES, columns.size()) - 1; h++) {
            helpers.add(HELPERS.submit(decoder));
        }
        RuntimeException failure = null;
        try {
            decoder.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while decoding Parquet columns", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
