package dev.charton.shell;

import dev.charton.bridge.ArrowStreamSender;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.Cleanup;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's data, read once from its file and kept as one Arrow IPC stream in an owner-only file
 * of the session directory: what is sent, byte for byte, to each new Python worker, which keeps it
 * under this dataset's key.
 */
final class Dataset implements AutoCloseable {
    private static final AtomicLong LOADS = new AtomicLong();

    private final String key;
    private final String source;
    private final Path spool;
    private final Schema schema;
    private final long rows;
    private final Cleanup.Registration deleteOnExit;

    private Dataset(String source, Path spool, Schema schema, long rows) {
        this.key = "load-" + LOADS.incrementAndGet();
        this.source = source;
        this.spool = spool;
        this.schema = schema;
        this.rows = rows;
        this.deleteOnExit = Cleanup.onShutdown(() -> spool.toFile().delete());
    }

    /** Reads the whole input into a new spool file in {@code directory}; a Ctrl-C stops it between batches. */
    static Dataset load(InputSource input, ReadOptions options, Path directory, Cancellation cancel) {
        input.checkReadable();
        Path spool;
        try {
            spool = Files.createTempFile(directory, "data-", ".arrows"); // 0600: the directory's owner only
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot create a file in " + directory + ": " + e.getMessage(), e);
        }
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(input, options, allocator);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
            long rows = ArrowStreamSender.send(new Cancellable(table, cancel,
                    input.displayName() + " was not loaded"), out);
            return new Dataset(input.displayName(), spool, table.root().getSchema(), rows);
        } catch (IOException e) {
            delete(spool);
            throw new ChartonException(ExitCode.IO, spool + ": cannot write the session's copy of the data: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(spool);
            throw e;
        }
    }

    /** The key the worker keeps this data under; a new one for every load. */
    String key() {
        return key;
    }

    String source() {
        return source;
    }

    long rows() {
        return rows;
    }

    List<String> columns() {
        List<String> names = new ArrayList<>();
        for (Field field : schema.getFields()) {
            names.add(field.getName());
        }
        return names;
    }

    /** One line per column: its name and Arrow type, aligned. */
    String describe() {
        int width = columns().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder text = new StringBuilder(summary()).append(System.lineSeparator());
        for (Field field : schema.getFields()) {
            String type = field.getType().toString() + (field.getDictionary() != null ? ", dictionary-encoded" : "")
                    + (field.isNullable() ? "" : ", not null");
            text.append("  ").append(field.getName()).append(" ".repeat(width - field.getName().length() + 2))
                    .append(type).append(System.lineSeparator());
        }
        return text.toString();
    }

    String summary() {
        return source + ": " + rows + (rows == 1 ? " row, " : " rows, ") + schema.getFields().size()
                + (schema.getFields().size() == 1 ? " column" : " columns");
    }

    /** Sends the stream as it was written at load time. */
    void writeTo(OutputStream out) throws IOException {
        Files.copy(spool, out);
    }

    @Override
    public void close() {
        delete(spool);
        deleteOnExit.close();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left in the session's private directory; nothing else can be done.
        }
    }

    /** The reader, stopping at the next batch once Ctrl-C was pressed. */
    private record Cancellable(TableReader table, Cancellation cancel, String what) implements TableReader {
        @Override
        public VectorSchemaRoot root() {
            return table.root();
        }

        @Override
        public DictionaryProvider dictionaries() {
            return table.dictionaries();
        }

        @Override
        public boolean loadNextBatch() {
            cancel.check(what);
            return table.loadNextBatch();
        }

        @Override
        public void close() {
            table.close();
        }
    }
}
