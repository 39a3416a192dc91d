package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.IOException;

/** An Arrow IPC file or stream, read batch by batch through Arrow's own readers. */
public final class ArrowIpcTableReader implements TableReader {
    private final ArrowReader reader;
    private final String sourceName;
    private final VectorSchemaRoot root;
    private final BufferAllocator allocator;
    private final StreamEnd streamEnd;
    private long batches;

    /**
     * {@code allocator} is the reader's own (closed with it), sized so that a corrupt length field
     * fails as an allocation error instead of exhausting memory.
     */
    public ArrowIpcTableReader(ArrowFileReader reader, BufferAllocator allocator, String sourceName) {
        this(reader, allocator, sourceName, null);
    }

    /** Reads the stream {@code bytes} through {@code reader}, which must read them and nothing else. */
    ArrowIpcTableReader(ArrowStreamReader reader, StreamEnd bytes, BufferAllocator allocator, String sourceName) {
        this((ArrowReader) reader, allocator, sourceName, bytes);
    }

    private ArrowIpcTableReader(ArrowReader reader, BufferAllocator allocator, String sourceName, StreamEnd streamEnd) {
        this.reader = reader;
        this.allocator = allocator;
        this.sourceName = sourceName;
        this.streamEnd = streamEnd;
        try {
            this.root = reader.getVectorSchemaRoot();
        } catch (IOException | RuntimeException e) {
            close();
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
        boolean loaded;
        try {
            loaded = reader.loadNextBatch();
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        if (loaded) {
            batches++;
        } else if (cutShort()) {
            // The format allows a stream to end without its marker, but every Arrow writer writes one
            // when it is closed: bytes ending without it are a copy cut short or a writer that died,
            // and reading on would plot part of the data as if it were all of it.
            throw new ChartonException(ExitCode.DATA, sourceName + ": truncated " + description() + ": it ends after "
                    + batches + " record batch" + (batches == 1 ? "" : "es") + " without the end-of-stream marker"
                    + " (cut short, or its writer died or was never closed)");
        }
        return loaded;
    }

    private boolean cutShort() {
        return streamEnd != null && streamEnd.reached();
    }

    private String description() {
        return (streamEnd != null ? InputFormat.ARROW_STREAM : InputFormat.ARROW_FILE).description();
    }

    private ChartonException corrupt(Exception e) {
        if (cutShort()) {
            return new ChartonException(ExitCode.DATA, sourceName + ": truncated " + description()
                    + ": it ends in the middle of a message", e);
        }
        String detail = FailureText.of(e);
        if (detail.contains("only supports 128-bit and 256-bit decimal")) {
            return unsupported("a 32- or 64-bit decimal column", e);
        }
        if (detail.contains("union with V4 metadata")) {
            return unsupported("a union column in pre-1.0 (V4) metadata", e);
        }
        if (detail.contains("not all nodes, buffers")) {
            return new ChartonException(ExitCode.DATA, sourceName + ": its record batches do not match its schema"
                    + " (or it has a struct with two children of the same name, which Arrow Java cannot hold)", e);
        }
        if (e instanceof OutOfMemoryException) {
            detail = "it declares buffers far larger than the file itself";
        } else if (e instanceof NullPointerException || e instanceof IndexOutOfBoundsException) {
            detail = "its metadata is inconsistent or truncated";
        }
        return new ChartonException(ExitCode.DATA, sourceName + ": not a valid " + description() + ": " + detail, e);
    }

    private ChartonException unsupported(String what, Exception e) {
        return new ChartonException(ExitCode.DATA, sourceName + ": has " + what
                + ", which charton's Arrow library (Arrow Java) cannot read", e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException | RuntimeException ignored) {
            // Only read from; nothing to lose.
        }
        try {
            allocator.close();
        } catch (IllegalStateException leakedByAFailedRead) {
            // Arrow's reader can fail half way through loading a corrupt batch, holding buffers it
            // never hands back; the error being reported is the one that matters.
        }
    }
}
