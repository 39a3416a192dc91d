package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ColumnSelection;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a CSV input into Arrow record batches whose column types hold for every row of the file,
 * in bounded memory.
 *
 * <p>The design follows from two constraints. An Arrow IPC stream's schema goes out before its
 * first batch and cannot change, so no batch can be sent until the last row has been seen (a word
 * on row 60,000 makes the column text). And memory must not grow with the input, so the rows
 * cannot wait in memory. So the file is read once, in a pipeline of threads ({@link ReadAhead}): the
 * text is cut into records (a regular file in blocks on every core, {@link ParallelRecords}; else
 * by Commons CSV, {@link RecordParser}), another thread classifies every cell ({@link TypeSniffer}),
 * and the caller's thread converts the rows straight away into Arrow vectors of the types known so
 * far, written to private temporary Arrow IPC files ({@link Spool}). A file of one block is read by
 * Commons CSV, classified and converted on the caller's thread alone. Batches are then read back
 * from the spool: a column whose type never changed is moved over untouched, one promoted to a
 * wider type is cast exactly ({@link ColumnCast}). Only a column that turns text after some of its
 * rows were stored as numbers or dates needs those rows' text again, and only then is the file read
 * a second time ({@link TextReplay}; standard input is copied to a private file as it is read, for
 * that case).
 *
 * <p>The cost: the converted table is written to and read from a temporary file once (disk space
 * about the size of the Arrow data; the figures are in docs/benchmarks.md), instead of parsing the
 * CSV text twice, which is what a classify-first design pays on every file.
 */
public final class CsvTableReader implements TableReader {
    /** Bounds a batch by cells, so a very wide table gets shorter batches. */
    private static final int MAX_BATCH_CELLS = 1 << 20;

    private final ReplayableInput input;
    private final String sourceName;
    private final CsvOptions options;
    private final long limit;
    private final Dialect dialect;
    private final List<ColumnPlan> plans;
    private final CsvVectors vectors;
    private final SpoolReplay replay;
    /**
     * Whether the input is a file of one block or less, read on the caller's thread alone: a small
     * plot's file would wait longer for the pipeline's threads to start and hand over its rows than
     * its reading takes (docs/benchmarks.md, "One renderer per figure, a small file on one thread").
     * Decided once, so a replay reads the file the way the first pass did.
     */
    private final boolean oneBlock;

    /** Reads {@code source}, whose bytes {@code in} has open, as {@code options} say. */
    public CsvTableReader(InputSource source, BufferedInputStream in, ReadOptions options, BufferAllocator allocator) {
        this(ReplayableInput.of(source.path().orElse(null), in, source.displayName()), source.displayName(),
                options.csv(), options.columns(), options.limit(), allocator);
    }

    private CsvTableReader(ReplayableInput input, String sourceName, CsvOptions options, List<String> columns,
                           long limit, BufferAllocator allocator) {
        this.input = input;
        this.sourceName = sourceName;
        this.options = options;
        this.limit = limit;
        this.oneBlock = input.isFileOfAtMost(options.blockBytes());
        CsvVectors built = null;
        try (CsvRows rows = openRows(null)) {
            this.dialect = rows.dialect();
            int[] selected = selectedColumns(rows.names(), columns, options.typeOverrides(), sourceName);
            int batchRows = Math.max(1, Math.min(options.batchRows(), MAX_BATCH_CELLS / Math.max(1, selected.length)));
            TypeSniffer sniffer = new TypeSniffer(rows.names(), selected, options, sourceName);
            List<Spool.Segment> segments = readOnce(rows, selected, sniffer, batchRows, allocator);
            this.plans = sniffer.decide();
            long rowsRead = segments.stream().mapToLong(Spool.Segment::rows).sum();
            built = new CsvVectors(plans, (int) Math.max(1, Math.min(batchRows, rowsRead)), options.nulls(), allocator);
            this.vectors = built;
            TextReplay text = new TextReplay(() -> openRows(dialect), sourceName);
            this.replay = new SpoolReplay(segments, plans, vectors, text, allocator, sourceName);
        } catch (RuntimeException e) {
            if (built != null) {
                built.close();
            }
            input.close();
            throw e;
        }
    }

    /**
     * Parses every row, classifies it and converts it, each on a thread of its own (a file is cut on
     * every core by {@link ParallelRecords}, and then classified as its rows come); returns the spooled
     * segments.
     */
    private List<Spool.Segment> readOnce(CsvRows rows, int[] selected, TypeSniffer sniffer, int batchRows,
                                         BufferAllocator allocator) {
        List<String> names = Arrays.stream(selected).mapToObj(rows.names()::get).toList();
        boolean threaded = !oneBlock;
        // Records cut on threads of their own need no thread to parse ahead: one more hand-over of every row.
        try (Spool spool = new Spool(names, selected, sniffer.dictionaries(), batchRows, options.nulls(), allocator,
                sourceName);
             ReadAhead parsed = threaded && !rows.cutAhead() ? new ReadAhead(rows, "read") : null;
             ChunkSource classifier = new Classifier(parsed == null ? rows::next : parsed::next, sniffer);
             ChunkSource classified = threaded ? new ReadAhead(classifier, "classify") : classifier) {
            RowChunk chunk;
            while ((chunk = classified.next()) != null) {
                spool.append(chunk);
            }
            return spool.finish();
        }
    }

    /** The pipeline stage that classifies each parsed chunk: only its thread touches the sniffer. */
    private record Classifier(Supplier<RowChunk> parsed, TypeSniffer sniffer) implements ChunkSource {
        @Override
        public RowChunk next() {
            RowChunk chunk = parsed.get();
            if (chunk != null) {
                sniffer.observe(chunk);
            }
            return chunk;
        }

        @Override
        public void close() {
            // The rows, or the stage parsing them, are closed by their owner.
        }
    }

    /**
     * A pass over the rows. The dialect is sniffed (or taken as {@code known}) from the text as Commons
     * CSV reads it; a regular file whose dialect allows it is then cut from its bytes on every core
     * ({@link ParallelRecords}), anything else (standard input, escapes, comments, UTF-16...) read on.
     */
    private CsvRows openRows(Dialect known) {
        InputStream bytes;
        try {
            bytes = input.open();
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, sourceName + ": cannot read: " + e.getMessage(), e);
        }
        RecordParser parser = new RecordParser(bytes, input.path(), sourceName, options, known);
        RecordSource records = parser;
        Path file = input.regularFile();
        if (file != null && !oneBlock && ParallelRecords.suits(parser.charset(), parser.dialect())) {
            parser.close();
            records = new ParallelRecords(file, parser.charset(), parser.dialect(),
                    options.skipRows() + parser.dialect().skipLines(), options.blockBytes(), sourceName);
        }
        try {
            return new CsvRows(records, sourceName, options, limit);
        } catch (RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** How the file's text was cut into rows and fields, and what of it was detected. */
    public Dialect dialect() {
        return dialect;
    }

    /** What inference decided for each column read, in output order. */
    public List<ColumnDecision> decisions() {
        return plans.stream().map(ColumnPlan::decision).toList();
    }

    @Override
    public VectorSchemaRoot root() {
        return vectors.root();
    }

    @Override
    public DictionaryProvider dictionaries() {
        return vectors.dictionaries();
    }

    @Override
    public boolean loadNextBatch() {
        return replay.loadNextBatch();
    }

    @Override
    public void close() {
        replay.close();
        vectors.close();
        input.close();
    }

    /**
     * The positions of {@code wanted} (all columns when null), in the order given, once every column
     * named by {@code --type} is known to exist.
     */
    private static int[] selectedColumns(List<String> names, List<String> wanted, Map<String, CsvType> types,
                                         String sourceName) {
        for (String typed : types.keySet()) {
            if (!names.contains(typed)) {
                throw new ChartonException(ExitCode.USAGE, "--type " + typed + "=...: "
                        + ColumnSelection.noSuchColumn(names, typed, sourceName));
            }
        }
        return ColumnSelection.resolve(names, wanted, sourceName).stream().mapToInt(i -> i).toArray();
    }
}
