package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV file with a header row into Arrow record batches. The first batch of rows is held
 * back as the inference sample; once the column types are decided every row is written straight
 * into the reused vectors.
 */
public final class CsvTableReader implements TableReader {
    private final String sourceName;
    private final CsvOptions options;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<ColumnDecision> decisions;
    private final VectorSchemaRoot root;
    private final List<ColumnConsumer> consumers = new ArrayList<>();
    private List<Row> pending;
    private long lastLine;

    /** A parsed row and the line it started on, for error messages. */
    private record Row(String[] cells, long line) {
    }

    public CsvTableReader(BufferedInputStream in, String sourceName, CsvOptions options, BufferAllocator allocator) {
        this.sourceName = sourceName;
        this.options = options;
        char delimiter = options.delimiter() != null ? options.delimiter() : DelimiterSniffer.sniff(in, options.encoding());
        this.parser = open(in, delimiter);
        this.records = parser.iterator();
        List<String> header = readHeader();
        List<Row> sample = readRows(options.batchRows(), header.size());
        TypeSniffer sniffer = new TypeSniffer(header, options.nulls(), options.typeOverrides());
        sample.forEach(r -> sniffer.observe(r.cells()));
        this.decisions = sniffer.decide();
        this.pending = sample;
        List<Field> fields = new ArrayList<>();
        decisions.forEach(d -> fields.add(d.field()));
        this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
        for (int i = 0; i < decisions.size(); i++) {
            consumers.add(ColumnConsumer.create(decisions.get(i), root.getVector(i), options.nulls()));
        }
    }

    /** What inference decided for each column, in column order. */
    public List<ColumnDecision> decisions() {
        return decisions;
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
        List<Row> rows = pending != null ? pending : readRows(options.batchRows(), decisions.size());
        pending = null;
        if (rows.isEmpty()) {
            root.setRowCount(0);
            return false;
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.reset();
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int c = 0; c < consumers.size(); c++) {
                try {
                    consumers.get(c).consume(r, row.cells()[c]);
                } catch (ColumnConsumer.CellTypeMismatch e) {
                    throw new ChartonException(ExitCode.DATA, sourceName + ":" + row.line() + ": column '" + e.column
                            + "' was inferred as " + e.type.displayName() + " from the first " + options.batchRows()
                            + " rows, but this row has '" + abbreviate(e.text) + "' (use --type " + e.column + "=string)");
                }
            }
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(rows.size());
        }
        root.setRowCount(rows.size());
        return true;
    }

    private CSVParser open(BufferedInputStream in, char delimiter) {
        var decoder = options.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        try {
            skipByteOrderMark(reader);
            return CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private List<String> readHeader() {
        if (!hasNext()) {
            throw new ChartonException(ExitCode.DATA, sourceName + ": the file is empty (expected a header row)");
        }
        CSVRecord record = records.next();
        lastLine = parser.getCurrentLineNumber();
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) {
                unique = name + "_" + k;
            }
            names.add(unique);
        }
        return names;
    }

    private List<Row> readRows(int max, int width) {
        List<Row> rows = new ArrayList<>(Math.min(max, 4096));
        while (rows.size() < max && hasNext()) {
            CSVRecord record;
            try {
                record = records.next();
            } catch (UncheckedIOException e) {
                throw readFailure(e.getCause());
            }
            long startLine = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (record.size() != width) {
                throw new ChartonException(ExitCode.DATA, sourceName + ":" + startLine + ": expected " + width
                        + " fields as in the header, found " + record.size());
            }
            rows.add(new Row(record.values(), startLine));
        }
        return rows;
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        }
    }

    private ChartonException readFailure(IOException e) {
        long line = lastLine + 1;
        if (e instanceof CharacterCodingException) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + line + ": invalid "
                    + options.encoding().name() + " text (use --encoding to name the file's encoding)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ChartonException(ExitCode.DATA, sourceName + ":" + line
                    + ": a quoted field is never closed (unbalanced \" before the end of the file)", e);
        }
        return new ChartonException(ExitCode.DATA, sourceName + ":" + line + ": " + message, e);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public void close() {
        root.close();
        try {
            parser.close();
        } catch (IOException ignored) {
            // Closing a reader we only read from cannot lose data.
        }
    }
}
