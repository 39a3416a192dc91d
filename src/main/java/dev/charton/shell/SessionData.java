package dev.charton.shell;

import dev.charton.table.InputTable;
import dev.charton.table.TableSource;
import dev.charton.app.SchemaInspector;
import dev.charton.app.TableSchema;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.table.ArrowSpool;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session's data, read once from its file and spooled as one Arrow IPC stream in the session
 * directory: what is sent, byte for byte, to each new Python worker, which keeps it under this
 * dataset's key.
 */
final class SessionData implements AutoCloseable {
    private static final AtomicLong LOADS = new AtomicLong();

    private final String key;
    private final String source;
    private final ArrowSpool spool;
    private final TableSchema described;

    private SessionData(String source, ArrowSpool spool, TableSchema schema) {
        this.key = "load-" + LOADS.incrementAndGet();
        this.source = source;
        this.spool = spool;
        this.described = schema;
    }

    /** Reads the whole input; a Ctrl-C stops it between batches. */
    static SessionData load(InputSource input, ReadOptions options, Path directory, Cancellation cancel) {
        return load(new InputTable(input, options), directory, cancel);
    }

    /** Reads a file's table or a query's result whole; a Ctrl-C stops it between batches. */
    static SessionData load(TableSource source, Path directory, Cancellation cancel) {
        String name = source.displayName();
        String what = name + " was not loaded";
        source.checkReadable();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = source.open(null, allocator)) {
            ArrowSpool spool = ArrowSpool.read(table, name, directory, () -> cancel.check(what));
            return new SessionData(name, spool, SchemaInspector.describe(table, name, spool.rows()));
        }
    }

    /** The key the worker keeps this data under; a new one for every load. */
    String key() {
        return key;
    }

    /** The file it was read from, as messages name it. */
    String source() {
        return source;
    }

    long rows() {
        return spool.rows();
    }

    List<String> columns() {
        List<String> names = new ArrayList<>();
        for (Field field : spool.schema().getFields()) {
            names.add(field.getName());
        }
        return names;
    }

    /** The columns and their types, as charton schema prints them. */
    String describe() {
        return described.toText();
    }

    String summary() {
        Schema schema = spool.schema();
        long rows = spool.rows();
        return source + ": " + rows + (rows == 1 ? " row, " : " rows, ") + schema.getFields().size()
                + (schema.getFields().size() == 1 ? " column" : " columns");
    }

    /** The table, for the figure pipeline to read. */
    TableSource table() {
        return spool;
    }

    /** Sends the stream as it was written at load time. */
    void writeTo(OutputStream out) throws IOException {
        spool.writeTo(out);
    }

    @Override
    public void close() {
        spool.close();
    }
}
