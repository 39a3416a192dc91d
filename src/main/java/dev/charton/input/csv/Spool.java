package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.PrivateTempFile;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows converted once, while the file is read for the first and usually only time, and held in
 * private temporary Arrow IPC files until the types are final. Each column is stored as the rows
 * read so far call for ({@link Storage}); when a later row changes that, the current segment ends
 * and a new one, with the new storage, begins.
 */
final class Spool implements AutoCloseable {
    /** A run of batches with one storage per column; {@code hasValues[c]}: column c has a non-null value. */
    record Segment(PrivateTempFile file, List<Storage> storages, boolean[] hasValues, long rows) {
    }

    private final List<String> names;
    private final int[] sources;
    private final List<DistinctValues> dictionaries;
    private final int batchRows;
    private final NullTokens nulls;
    private final BufferAllocator allocator;
    private final String sourceName;
    private final List<Segment> segments = new ArrayList<>();
    private List<Storage> storages;
    private PrivateTempFile file;
    private VectorSchemaRoot root;
    private ArrowStreamWriter writer;
    private List<ColumnConsumer<?>> consumers;
    private boolean[] hasValues;
    private long segmentRows;
    private int filled;
    private boolean finished;

    Spool(List<String> names, int[] sources, List<DistinctValues> dictionaries, int batchRows, NullTokens nulls,
          BufferAllocator allocator, String sourceName) {
        this.names = names;
        this.sources = sources;
        this.dictionaries = dictionaries;
        this.batchRows = batchRows;
        this.nulls = nulls;
        this.allocator = allocator;
        this.sourceName = sourceName;
    }

    /** Converts the rows of a classified chunk into the storages it names. */
    void append(RowChunk chunk) {
        if (!chunk.storages.equals(storages)) {
            endSegment();
            startSegment(chunk.storages);
        }
        int from = 0;
        while (from < chunk.size) {
            int take = Math.min(batchRows - filled, chunk.size - from);
            ColumnConsumer.convert(consumers, sources, chunk, from, take, filled, sourceName);
            filled += take;
            from += take;
            if (filled == batchRows) {
                writeBatch();
            }
        }
    }

    /** Ends the last segment; returns every segment in order, now the caller's to close. */
    List<Segment> finish() {
        endSegment();
        finished = true;
        return segments;
    }

    private void startSegment(List<Storage> next) {
        storages = next;
        List<FieldVector> vectors = new ArrayList<>(next.size());
        consumers = new ArrayList<>(next.size());
        hasValues = new boolean[next.size()];
        segmentRows = 0;
        try {
            file = PrivateTempFile.create("charton-spool-", ".arrows");
            for (int c = 0; c < next.size(); c++) {
                Field field = next.get(c).field(names.get(c));
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                // A chunk's rows at first, growing to a batch as rows come: a small file's vectors
                // stay small, and fresh memory costs a page fault per 4 KB.
                vector.setInitialCapacity(Math.min(batchRows, ReadAhead.CHUNK_ROWS));
                vector.allocateNew();
                consumers.add(ColumnConsumer.create(next.get(c), dictionaries.get(c), vector, nulls));
            }
            root = new VectorSchemaRoot(vectors);
            writer = new ArrowStreamWriter(root, null, FileChannel.open(file.path(), StandardOpenOption.WRITE));
            writer.start();
        } catch (IOException e) {
            vectors.forEach(FieldVector::close);
            throw spoolFailure(e);
        }
    }

    private void writeBatch() {
        if (filled == 0) {
            return;
        }
        List<FieldVector> vectors = root.getFieldVectors();
        for (int c = 0; c < vectors.size(); c++) {
            FieldVector v = vectors.get(c);
            v.setValueCount(filled);
            hasValues[c] |= v.getNullCount() < filled;
        }
        root.setRowCount(filled);
        try {
            writer.writeBatch();
        } catch (IOException e) {
            throw spoolFailure(e);
        }
        segmentRows += filled;
        filled = 0;
        vectors.forEach(FieldVector::reset);
    }

    private void endSegment() {
        if (writer == null) {
            return;
        }
        writeBatch();
        try {
            writer.end();
        } catch (IOException e) {
            throw spoolFailure(e);
        } finally {
            closeWriter();
        }
        segments.add(new Segment(file, storages, hasValues, segmentRows));
        file = null;
    }

    private void closeWriter() {
        writer.close(); // also closes the channel
        root.close();
        writer = null;
        root = null;
    }

    private ChartonException spoolFailure(IOException e) {
        return new ChartonException(ExitCode.IO, sourceName + ": cannot write the temporary spool file"
                + (file == null ? "" : " " + file.path()) + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (writer != null) {
            closeWriter();
        }
        if (file != null) {
            file.close();
        }
        if (!finished) {
            segments.forEach(s -> s.file().close());
        }
    }
}
