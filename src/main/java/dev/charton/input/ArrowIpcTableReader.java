package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;

import java.io.IOException;

/** An Arrow IPC file or stream, read batch by batch through Arrow's own readers. */
public final class ArrowIpcTableReader implements TableReader {
    private final ArrowReader reader;
    private final String sourceName;
    private final VectorSchemaRoot root;

    public ArrowIpcTableReader(ArrowReader reader, String sourceName) {
        this.reader = reader;
        this.sourceName = sourceName;
        try {
            this.root = reader.getVectorSchemaRoot();
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return reader;
    }

    @Override
    public boolean loadNextBatch() {
        try {
            return reader.loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private ChartonException corrupt(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ChartonException(ExitCode.DATA, sourceName + ": not a valid Arrow IPC file: " + detail, e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only read from; nothing to lose.
        }
    }
}
