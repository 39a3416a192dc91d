package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the spool back, batch by batch, into the vectors of the final schema: each column moved
 * over as stored, or cast ({@link ColumnCast}). Each segment's file is deleted once read.
 */
final class SpoolReplay implements AutoCloseable {
    private final List<Spool.Segment> segments;
    private final List<ColumnPlan> plans;
    private final CsvVectors out;
    private final TextReplay text;
    private final BufferAllocator allocator;
    private final String sourceName;
    private int nextSegment;
    private Spool.Segment segment;
    private ArrowStreamReader reader;
    private ColumnCast[] casts;
    private boolean needsText;
    private long position;

    SpoolReplay(List<Spool.Segment> segments, List<ColumnPlan> plans, CsvVectors out, TextReplay text,
                BufferAllocator allocator, String sourceName) {
        this.segments = segments;
        this.plans = plans;
        this.out = out;
        this.text = text;
        this.allocator = allocator;
        this.sourceName = sourceName;
    }

    boolean loadNextBatch() {
        while (reader == null || !readerHasBatch()) {
            closeSegment();
            if (nextSegment == segments.size()) {
                return false;
            }
            openSegment(segments.get(nextSegment++));
        }
        VectorSchemaRoot in = readerRoot();
        int rows = in.getRowCount();
        out.startBatch();
        RowChunk texts = needsText ? text.rows(position, rows) : null;
        List<FieldVector> targets = out.root().getFieldVectors();
        for (int c = 0; c < casts.length; c++) {
            ColumnPlan plan = plans.get(c);
            if (casts[c] == ColumnCast.TEXT) {
                out.consumers().get(c).convertColumn(texts, plan.source(), null, null, 0, rows, 0, sourceName);
            } else {
                casts[c].apply(in.getVector(c), targets.get(c), rows, plan.dictionary());
            }
        }
        position += rows;
        out.finishBatch(rows);
        return true;
    }

    private void openSegment(Spool.Segment next) {
        segment = next;
        casts = new ColumnCast[plans.size()];
        needsText = false;
        for (int c = 0; c < casts.length; c++) {
            casts[c] = ColumnCast.between(next.storages().get(c), next.hasValues()[c], plans.get(c).storage());
            needsText |= casts[c] == ColumnCast.TEXT;
        }
        try {
            // Spooled uncompressed: the default codec factory would search the class path for codecs.
            reader = new ArrowStreamReader(FileChannel.open(next.file().path(), StandardOpenOption.READ), allocator,
                    NoCompressionCodec.Factory.INSTANCE);
        } catch (IOException e) {
            throw spoolFailure(e);
        }
    }

    private boolean readerHasBatch() {
        try {
            return reader.loadNextBatch();
        } catch (IOException e) {
            throw spoolFailure(e);
        }
    }

    private VectorSchemaRoot readerRoot() {
        try {
            return reader.getVectorSchemaRoot();
        } catch (IOException e) {
            throw spoolFailure(e);
        }
    }

    private ChartonException spoolFailure(IOException e) {
        return new ChartonException(ExitCode.IO, sourceName + ": cannot read back the temporary spool file: "
                + e.getMessage(), e);
    }

    private void closeSegment() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Read from only; the file is deleted next.
            }
            reader = null;
        }
        if (segment != null) {
            segment.file().close();
            segment = null;
        }
    }

    @Override
    public void close() {
        closeSegment();
        for (int i = nextSegment; i < segments.size(); i++) {
            segments.get(i).file().close();
        }
        text.close();
    }
}
