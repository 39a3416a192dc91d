package dev.charton.table;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ColumnSelection;
import dev.charton.input.ForwardingTableReader;
import dev.charton.input.InputFormat;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.input.csv.CsvOptions;
import dev.charton.lifecycle.PrivateTempFile;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A table read once and kept as one Arrow IPC stream in a file only its owner can read, so memory
 * stays bounded however big the table and every worker that needs it gets the same bytes: the
 * datasets of charton batch, the loaded data of charton shell. The file is deleted when closed, or
 * at exit if charton is stopped first.
 */
public final class ArrowSpool implements TableSource, AutoCloseable {
    private final String source;
    private final PrivateTempFile file;
    private final Schema schema;
    private final long rows;

    private ArrowSpool(String source, PrivateTempFile file, Schema schema, long rows) {
        this.source = source;
        this.file = file;
        this.schema = schema;
        this.rows = rows;
    }

    /** Reads the whole input into a new file in the temporary directory. */
    public static ArrowSpool read(InputSource input, ReadOptions options) {
        return read(input, options, PrivateTempFile.directory(), () -> { });
    }

    /**
     * Reads the whole input into a new file in {@code directory}; {@code beforeEachBatch} runs before
     * every batch is read and may throw to stop (a Ctrl-C in the shell). Nothing is left on failure.
     */
    /** A file's table or a query's result, read once into a spool. */
    public static ArrowSpool read(TableSource source) {
        source.checkReadable();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = source.open(null, allocator)) {
            return read(table, source.displayName(), PrivateTempFile.directory(), () -> { });
        }
    }

    public static ArrowSpool read(InputSource input, ReadOptions options, Path directory, Runnable beforeEachBatch) {
        input.checkReadable();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(input, options, allocator)) {
            return read(table, input.displayName(), directory, beforeEachBatch);
        }
    }

    /** Reads the rest of an open table into a new file in {@code directory}, as {@link #read(InputSource, ReadOptions, Path, Runnable)}. */
    public static ArrowSpool read(TableReader table, String source, Path directory, Runnable beforeEachBatch) {
        return write(new Interruptible(table, beforeEachBatch), source, directory);
    }

    /** Copies the rest of an open table into a new file in the temporary directory ({@code source} names it in messages). */
    public static ArrowSpool copy(TableReader table, String source) {
        return write(table, source, PrivateTempFile.directory());
    }

    private static ArrowSpool write(TableReader table, String source, Path directory) {
        PrivateTempFile file = createOwnerOnlyFile(directory);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file.path()), 1 << 16)) {
            long rows = ArrowStreamSender.send(table, out);
            return new ArrowSpool(source, file, table.root().getSchema(), rows);
        } catch (IOException e) {
            file.close();
            throw new ChartonException(ExitCode.IO, "cannot write the data to " + file.path() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The name of the input the table was read from. */
    @Override
    public String displayName() {
        return source;
    }

    @Override
    public TableReader open(List<String> columns, BufferAllocator allocator) {
        // Unknown names are reported against the input the user named, not this file.
        ColumnSelection.resolve(schema.getFields().stream().map(Field::getName).toList(), columns, source);
        return TableReaders.open(InputSource.of(file.path().toString()),
                new ReadOptions(InputFormat.ARROW_STREAM, CsvOptions.defaults(), columns, ReadOptions.NO_LIMIT), allocator);
    }

    @Override
    public boolean reopenable() {
        return true;
    }

    public Path file() {
        return file.path();
    }

    public Schema schema() {
        return schema;
    }

    public long rows() {
        return rows;
    }

    /** Sends the whole stream, as it was written, to a worker. */
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file.path(), out);
    }

    @Override
    public void close() {
        file.close();
    }

    private static PrivateTempFile createOwnerOnlyFile(Path directory) {
        try {
            return PrivateTempFile.create(directory, "charton-data-", ".arrows");
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot create a file for the data in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The reader, running a check before each batch. */
    private static final class Interruptible extends ForwardingTableReader {
        private final Runnable beforeEachBatch;

        Interruptible(TableReader table, Runnable beforeEachBatch) {
            super(table);
            this.beforeEachBatch = beforeEachBatch;
        }

        @Override
        public boolean loadNextBatch() {
            beforeEachBatch.run();
            return super.loadNextBatch();
        }
    }
}
