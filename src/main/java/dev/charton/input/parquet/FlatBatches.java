package dev.charton.input.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ReferenceManager;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batches of a file whose selected columns are all flat: while the caller sends one batch on,
 * the next is decoded in the background into a second set of vectors, whose buffers then move to
 * the caller's root without a copy, and the root's, which the caller is done with, come back to be
 * decoded into next. Memory stays at two batches and one row group of pages.
 */
final class FlatBatches implements AutoCloseable {
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "parquet-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    private final ParquetFileReader reader;
    private final MessageType requested;
    private final String createdBy;
    private final int batchRows;
    private final VectorSchemaRoot staging;
    /** Holds the root's buffers while the staging vectors' move to the root; never keeps any between calls. */
    private final VectorSchemaRoot swap;
    private final List<FieldVector> stagingInFileOrder = new ArrayList<>();
    private final List<PrimitiveSink> sinksInFileOrder = new ArrayList<>();
    private PageReadStore pages;
    private FlatColumns rowGroup;
    private long rowsLeftInGroup;
    private Future<Integer> next;

    /**
     * @param fields the root's fields, in the root's (the projection's) order
     * @param rootPositionsInFileOrder for each requested column in file order, its position in the root
     */
    FlatBatches(ParquetFileReader reader, MessageType requested, String createdBy, int batchRows,
                VectorSchemaRoot root, List<ParquetField> fields, List<Integer> rootPositionsInFileOrder,
                BufferAllocator allocator) {
        this.reader = reader;
        this.requested = requested;
        this.createdBy = createdBy;
        this.batchRows = batchRows;
        this.staging = VectorSchemaRoot.create(root.getSchema(), allocator);
        this.swap = VectorSchemaRoot.create(root.getSchema(), allocator);
        for (int position : rootPositionsInFileOrder) {
            FieldVector vector = staging.getVector(position);
            stagingInFileOrder.add(vector);
            sinksInFileOrder.add((PrimitiveSink) fields.get(position).converter(vector));
        }
    }

    /** Moves the next batch into {@code root}; its row count, 0 at the end. Starts decoding the one after. */
    int loadInto(VectorSchemaRoot root) throws IOException {
        if (next == null) {
            next = PREFETCH.submit(this::fillStaging);
        }
        int rows = await(next);
        next = null;
        for (int i = 0; i < staging.getFieldVectors().size(); i++) {
            root.getVector(i).makeTransferPair(swap.getVector(i)).transfer();
            staging.getVector(i).makeTransferPair(root.getVector(i)).transfer();
            swap.getVector(i).makeTransferPair(staging.getVector(i)).transfer();
        }
        root.setRowCount(rows);
        if (rows > 0) {
            next = PREFETCH.submit(this::fillStaging);
        }
        return rows;
    }

    private int fillStaging() throws IOException {
        for (FieldVector vector : staging.getFieldVectors()) {
            if (reusable(vector)) {
                // Zeroed as new ones are (a null row is left unset), without fresh memory's page faults.
                vector.reset();
            } else {
                // Sized for a whole batch up front: the fixed-width columns are written without bounds checks.
                vector.setInitialCapacity(batchRows);
                vector.allocateNew();
            }
        }
        int rows = 0;
        while (rows < batchRows && nextRowAvailable()) {
            int count = (int) Math.min(batchRows - rows, rowsLeftInGroup);
            rowGroup.read(rows, count);
            rows += count;
            rowsLeftInGroup -= count;
        }
        staging.setRowCount(rows);
        return rows;
    }

    private boolean nextRowAvailable() throws IOException {
        while (rowsLeftInGroup == 0) {
            closePages();
            pages = reader.readNextRowGroup();
            if (pages == null) {
                return false;
            }
            rowGroup = new FlatColumns(pages, requested, stagingInFileOrder, sinksInFileOrder, createdBy);
            rowsLeftInGroup = pages.getRowCount();
        }
        return true;
    }

    /**
     * Whether a vector's buffers (a batch the caller is done with) can take the next batch: they hold
     * a whole batch, and nothing but the vector holds them (a buffer's count of references is the
     * number of the vector's buffers cut from its memory), so nothing sees them overwritten.
     */
    private boolean reusable(FieldVector vector) {
        if (vector.getValueCapacity() < batchRows) {
            return false;
        }
        List<ArrowBuf> buffers = new ArrayList<>();
        if (vector instanceof BaseVariableWidthVector strings) {
            buffers.add(strings.getOffsetBuffer());
        } else if (!(vector instanceof BaseFixedWidthVector)) {
            return false;
        }
        buffers.add(vector.getValidityBuffer());
        buffers.add(vector.getDataBuffer());
        Map<ReferenceManager, Integer> own = new IdentityHashMap<>();
        buffers.forEach(buffer -> own.merge(buffer.getReferenceManager(), 1, Integer::sum));
        return own.entrySet().stream().allMatch(memory -> memory.getKey().getRefCount() == memory.getValue());
    }

    /** Frees the chunks of a row group whose rows are all decoded (off the heap: {@link ChunkBuffers}). */
    private void closePages() {
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }

    private static int await(Future<Integer> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading Parquet", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /** Waits for a batch still being decoded: its vectors must not be freed under it. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (next != null) {
            try {
                next.get();
                next = null;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                next = null; // The batch is dropped unread; its failure no longer matters.
            }
        }
        staging.close();
        swap.close();
        closePages();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
