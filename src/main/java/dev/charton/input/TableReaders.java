package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.csv.CsvTableReader;
import dev.charton.input.csv.TypedTextColumns;
import dev.charton.input.parquet.ParquetTableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowDictionaryBatch;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Opens the right {@link TableReader} for an input, told by its bytes or by {@code --input-format},
 * and applies the column selection and the row limit whatever the format.
 */
public final class TableReaders {
    /** Rows per record batch for the formats charton batches itself. */
    public static final int BATCH_ROWS = 65_536;
    private static final long MAX_EXPANSION = 1000;
    private static final long MIN_ARROW_MEMORY = 64L << 20;
    private static final int PARQUET_SIGNATURE = 4;
    private static final int ARROW_SIGNATURE = 6;
    /** An Arrow IPC file's signature is padded to 8 bytes before its first message. */
    private static final int ARROW_DATA_START = 8;

    private TableReaders() {
    }

    public static TableReader open(InputSource source, ReadOptions options, BufferAllocator allocator) {
        TableReader reader = withStructPaths(openProjected(source, options, allocator), options, source.displayName());
        reader = withTypes(reader, options, source.displayName(), allocator);
        return options.limit() == ReadOptions.NO_LIMIT ? reader : new LimitedTableReader(reader, options.limit());
    }

    /** A reader with --type applied: the CSV reader's own, or its conversions of the text columns of any other. */
    public static TableReader withTypes(TableReader reader, ReadOptions options, String name, BufferAllocator allocator) {
        if (reader.unwrap(CsvTableReader.class).isPresent()) {
            return reader;
        }
        try {
            return TypedTextColumns.of(reader, options.csv(), name, allocator);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Keeps only {@code columns} of an open reader (those it decodes anyway: a view, not a copy). */
    public static TableReader keep(TableReader reader, List<String> columns, String name) {
        return new ProjectedTableReader(reader, columns, name);
    }

    /** A reader asked for struct fields by path ({@link StructPaths}) gets them as columns. */
    private static TableReader withStructPaths(TableReader reader, ReadOptions options, String name) {
        return ProjectedTableReader.namesPaths(reader, options.columns()) ? project(reader, options, name) : reader;
    }

    /** The format of an input: explicit for CSV and Parquet; between Arrow's two layouts the bytes decide. */
    private static InputFormat format(InputFormat sniffed, InputFormat requested) {
        if (requested == null || (requested.isArrow() && sniffed.isArrow())) {
            return sniffed;
        }
        return requested;
    }

    private static TableReader openProjected(InputSource source, ReadOptions options, BufferAllocator allocator) {
        BufferedInputStream in = source.open();
        InputFormat format;
        boolean signed;
        try {
            InputFormat sniffed = InputFormat.sniff(in);
            format = format(sniffed, options.format());
            signed = sniffed == format;
            if (format.isArrow()) {
                IpcPreamble.check(in, format, source.displayName());
            }
            if (format == InputFormat.CSV && options.format() == null) {
                checkText(in, options, source.displayName());
            }
        } catch (IOException e) {
            closeQuietly(in);
            throw new ChartonException(ExitCode.IO, source.displayName() + ": cannot read: " + e.getMessage(), e);
        } catch (ChartonException e) {
            closeQuietly(in);
            throw e;
        }
        String name = source.displayName();
        switch (format) {
            case PARQUET:
                return withRandomAccess(source, in, file -> {
                    if (signed) {
                        FooterCheck.check(file, name, InputFormat.PARQUET, PARQUET_SIGNATURE, PARQUET_SIGNATURE);
                    }
                    return new ParquetTableReader(file, name, options.columns(), BATCH_ROWS, allocator);
                });
            case ARROW_FILE:
                return project(withRandomAccess(source, in, file -> {
                    if (signed) {
                        FooterCheck.check(file, name, InputFormat.ARROW_FILE, ARROW_SIGNATURE, ARROW_DATA_START);
                    }
                    return openArrowFile(file, name, allocator);
                }), options, name);
            case ARROW_STREAM:
                return project(openArrowStream(source, in, allocator), options, name);
            default:
                // The CSV reader projects --columns and stops at --limit itself.
                return new CsvTableReader(source, in, options, allocator);
        }
    }

    /** Refuses bytes sniffed as CSV that are not text, or that are the first bytes of a binary format. */
    private static void checkText(BufferedInputStream in, ReadOptions options, String name) throws IOException {
        InputFormat cut = InputFormat.cutSignature(in);
        if (cut != null) {
            throw new ChartonException(ExitCode.DATA, name + ": truncated " + cut.description() + ": it holds only the first"
                    + " bytes of the signature its format starts with (--input-format csv reads it as text)");
        }
        if (StandardCharsets.UTF_8.equals(options.csv().encoding()) && InputFormat.looksBinary(in)) {
            throw new ChartonException(ExitCode.DATA, name + ": binary data that is not Parquet or"
                    + " Arrow IPC (no known signature) and not UTF-8 CSV text");
        }
    }

    private static TableReader project(TableReader reader, ReadOptions options, String name) {
        if (options.columns() == null) {
            return reader;
        }
        try {
            return new ProjectedTableReader(reader, options.columns(), name);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Opens a reader that needs a seekable file: the input's own when it is a regular file, else
     * (standard input, a FIFO) a private copy of its bytes.
     */
    private static TableReader withRandomAccess(InputSource source, BufferedInputStream in, FileOpener opener) {
        if (source.isRegularFile()) {
            closeQuietly(in);
            return opener.open(source.path().get());
        }
        PipeSpool spool;
        try {
            spool = PipeSpool.copy(in, source.displayName());
        } finally {
            if (!source.isStdin()) {
                closeQuietly(in);
            }
        }
        try {
            return new ForwardingTableReader(opener.open(spool.path())) {
                @Override
                public void close() {
                    try {
                        super.close();
                    } finally {
                        spool.close();
                    }
                }
            };
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface FileOpener {
        TableReader open(Path file);
    }

    private static TableReader openArrowFile(Path file, String name, BufferAllocator allocator) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                ArrowMetadataCheck.check(channel, name);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            BufferAllocator bounded = boundedBy(Files.size(file), allocator);
            return new ArrowIpcTableReader(new ArrowFileReader(channel, bounded, new BoundedCodecs()) {
                @Override
                protected void loadRecordBatch(ArrowRecordBatch batch) {
                    RecordBatchCounts.check(batch);
                    super.loadRecordBatch(batch);
                }

                @Override
                protected void loadDictionary(ArrowDictionaryBatch batch) {
                    RecordBatchCounts.check(batch);
                    super.loadDictionary(batch);
                }
            }, bounded, name);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static TableReader openArrowStream(InputSource source, BufferedInputStream in, BufferAllocator allocator) {
        long size;
        try {
            // A pipe's size says nothing of how many bytes will come through it.
            size = source.isRegularFile() ? Files.size(source.path().get()) : -1;
        } catch (IOException e) {
            size = -1;
        }
        BufferAllocator bounded = size < 0 ? allocator.newChildAllocator("arrow-ipc", 0, Long.MAX_VALUE)
                : boundedBy(size, allocator);
        StreamEnd bytes = new StreamEnd(in);
        return new ArrowIpcTableReader(new ArrowStreamReader(new BoundedMessageReader(bytes, bounded),
                bounded, new BoundedCodecs()) {
            @Override
            protected void loadRecordBatch(ArrowRecordBatch batch) {
                RecordBatchCounts.check(batch);
                super.loadRecordBatch(batch);
            }

            @Override
            protected void loadDictionary(ArrowDictionaryBatch batch) {
                RecordBatchCounts.check(batch);
                super.loadDictionary(batch);
            }
        }, bytes, bounded, source.displayName());
    }

    /**
     * An allocator that refuses buffers no valid file of {@code fileSize} bytes could need (even
     * compressed 1000:1), so a corrupt length fails at once instead of exhausting memory.
     */
    private static BufferAllocator boundedBy(long fileSize, BufferAllocator allocator) {
        long limit = fileSize > Long.MAX_VALUE / MAX_EXPANSION ? Long.MAX_VALUE : (fileSize + 1) * MAX_EXPANSION + MIN_ARROW_MEMORY;
        return allocator.newChildAllocator("arrow-ipc", 0, limit);
    }

    private static void closeQuietly(BufferedInputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Only read from.
        }
    }
}
