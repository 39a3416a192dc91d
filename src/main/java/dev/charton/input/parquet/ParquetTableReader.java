package dev.charton.input.parquet;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ColumnRange;
import dev.charton.input.ColumnSelection;
import dev.charton.input.FailureText;
import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.OversizedAllocationException;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a Parquet file into Arrow record batches of at most {@code batchRows} rows. Only the
 * selected columns are decoded: the projection is handed to Parquet as its requested schema.
 * When every selected column is a flat leaf, each column's pages are decoded straight into its
 * vector ({@link FlatColumns}); otherwise Parquet's record assembly drives the converters.
 */
public final class ParquetTableReader implements TableReader {
    private final String sourceName;
    private final int batchRows;
    private final ParquetFileReader reader;
    private final ChunkBuffers chunkBuffers = new ChunkBuffers();
    private final MessageColumnIO columnIO;
    private final VectorSchemaRoot root;
    private final BatchMaterializer materializer;
    private final MessageType requested;
    private final String createdBy;
    private final FlatBatches flatBatches;
    private RecordReader<Void> rowGroup;
    private long rowsLeftInGroup;

    public ParquetTableReader(Path file, String sourceName, List<String> columns, int batchRows,
                              BufferAllocator allocator) {
        this(file, sourceName, columns, batchRows, allocator, true);
    }

    /** {@code columnAtATime} false sends flat columns through record assembly too: the tests' reference. */
    ParquetTableReader(Path file, String sourceName, List<String> columns, int batchRows, BufferAllocator allocator,
                       boolean columnAtATime) {
        this.sourceName = sourceName;
        this.batchRows = batchRows;
        NamedLocalFile input = new NamedLocalFile(file);
        this.reader = open(input);
        try {
            MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = fileSchema.getFields();
            List<Integer> selected = ColumnSelection.resolve(names(fields), columns, sourceName);
            List<Type> requestedFields = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                if (selected.contains(i)) {
                    requestedFields.add(fields.get(i));
                }
            }
            this.requested = new MessageType(fileSchema.getName(), requestedFields);
            this.createdBy = reader.getFileMetaData().getCreatedBy();
            BatchSizeCheck.check(requested, reader.getRowGroups(), batchRows, sourceName);
            reader.setRequestedSchema(requested);
            checkRowGroupBounds(input);
            this.columnIO = new ColumnIOFactory(createdBy)
                    .getColumnIO(requested, fileSchema, true);
            List<ParquetField> mapped = new ArrayList<>();
            List<Field> arrowFields = new ArrayList<>();
            for (int position : selected) {
                ParquetField field = map(fields.get(position));
                mapped.add(field);
                arrowFields.add(field.arrowField());
            }
            this.root = VectorSchemaRoot.create(new Schema(arrowFields), allocator);
            // Sized for a whole batch up front, so filling it never reallocates half way.
            root.getFieldVectors().forEach(v -> v.setInitialCapacity(batchRows));
            root.allocateNew();
            List<Integer> rootPositionsInFileOrder = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                if (selected.contains(i)) {
                    rootPositionsInFileOrder.add(selected.indexOf(i));
                }
            }
            List<VectorConverter> converters = new ArrayList<>();
            rootPositionsInFileOrder.forEach(order -> converters.add(mapped.get(order).converter(root.getVector(order))));
            this.materializer = new BatchMaterializer(converters);
            this.flatBatches = columnAtATime && FlatColumns.fits(requested) ? new FlatBatches(reader, requested,
                    createdBy, batchRows, root, mapped, rootPositionsInFileOrder, allocator) : null;
            if (flatBatches != null) {
                chunkBuffers.offHeap();
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw e instanceof ChartonException ce ? ce : corrupt(e);
        }
    }

    private void checkRowGroupBounds(NamedLocalFile input) {
        try {
            RowGroupBounds.check(input, reader.getRowGroups(), requested);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParquetFileReader open(NamedLocalFile input) {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .withAllocator(chunkBuffers)
                // Despite its name, this also has data pages decompressed into buffers of the allocator
                // whenever it reads off the heap: no page's bytes on the heap, freed with the row group.
                .useOffHeapDecryptBuffer(true)
                .build();
        try {
            return ParquetFileReader.open(input, options);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    /** Parquet's messages name the input by toString(); the default is an object hash. Read through a channel. */
    private static final class NamedLocalFile extends LocalInputFile {
        private final Path file;

        NamedLocalFile(Path file) {
            super(file);
            this.file = file;
        }

        @Override
        public SeekableInputStream newStream() throws IOException {
            return new FileChannelStream(file);
        }

        @Override
        public String toString() {
            return String.valueOf(file.getFileName());
        }
    }

    private ParquetField map(Type field) {
        try {
            return ParquetField.of(field);
        } catch (UnsupportedColumnException e) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": column '" + field.getName() + "' has "
                    + e.getMessage() + ", which charton cannot read; leave it out with --columns");
        }
    }

    private static List<String> names(List<Type> fields) {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.getName()));
        return names;
    }

    /** The row count from the footer, without reading any data. */
    @Override
    public OptionalLong knownRowCount() {
        return OptionalLong.of(reader.getRecordCount());
    }

    @Override
    public Optional<ColumnRange> recordedRange(String name) {
        return root.getSchema().getFields().stream().anyMatch(f -> f.getName().equals(name))
                ? RecordedRanges.of(requested, reader.getRowGroups(), name) : Optional.empty();
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public DictionaryProvider dictionaries() {
        return new DictionaryProvider.MapDictionaryProvider();
    }

    @Override
    public boolean loadNextBatch() {
        try {
            return flatBatches != null ? flatBatches.loadInto(root) > 0 : assembleNextBatch();
        } catch (ChartonException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private boolean assembleNextBatch() throws IOException {
        for (FieldVector vector : root.getFieldVectors()) {
            vector.reset();
        }
        materializer.startBatch();
        while (materializer.rows() < batchRows && nextRowAvailable()) {
            rowGroup.read();
            rowsLeftInGroup--;
        }
        root.setRowCount(materializer.rows());
        return materializer.rows() > 0;
    }

    private boolean nextRowAvailable() throws IOException {
        while (rowsLeftInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return false;
            }
            rowGroup = columnIO.getRecordReader(new RecordStartCheck(pages), materializer);
            rowsLeftInGroup = pages.getRowCount();
        }
        return true;
    }

    private ChartonException corrupt(Exception e) {
        if (e instanceof ParquetCodecs.UnsupportedCodecException) {
            return new ChartonException(ExitCode.DATA, sourceName + ": " + e.getMessage(), e);
        }
        if (e instanceof OversizedAllocationException) {
            return new ChartonException(ExitCode.DATA, sourceName + ": the values of one batch exceed Arrow's 2 GiB"
                    + " limit for a string, binary or list column; read fewer columns with --columns", e);
        }
        if (FailureText.of(e).contains("encrypted")) {
            return new ChartonException(ExitCode.DATA, sourceName + ": encrypted Parquet files are not supported", e);
        }
        return new ChartonException(ExitCode.DATA, sourceName + ": not a valid Parquet file: " + FailureText.of(e), e);
    }

    private void closeQuietly() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only read from; nothing to lose.
        }
        chunkBuffers.close();
    }

    @Override
    public void close() {
        if (flatBatches != null) {
            flatBatches.close();
        }
        if (root != null) {
            root.close();
        }
        closeQuietly();
    }
}
