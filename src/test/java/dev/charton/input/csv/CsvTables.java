package dev.charton.input.csv;

import dev.charton.input.InputFormat;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.util.Text;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: read CSV text through the real reader and collect every batch's values by column. */
final class CsvTables {
    private CsvTables() {
    }

    static CsvTableReader open(String csv, CsvOptions options, BufferAllocator allocator) {
        return open(csv.getBytes(StandardCharsets.UTF_8), options, allocator);
    }

    static CsvTableReader open(byte[] bytes, CsvOptions options, BufferAllocator allocator) {
        // Read as standard input is: a stream of bytes, spooled for the second pass.
        return new CsvTableReader(InputSource.of("-"), new BufferedInputStream(new ByteArrayInputStream(bytes)),
                new ReadOptions(InputFormat.CSV, options, null, ReadOptions.NO_LIMIT), allocator);
    }

    /** Every value of every column, across all batches: Text as String, dictionary indices decoded. */
    static Map<String, List<Object>> readAll(CsvTableReader reader) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        VectorSchemaRoot root = reader.root();
        root.getSchema().getFields().forEach(f -> columns.put(f.getName(), new ArrayList<>()));
        while (reader.loadNextBatch()) {
            for (FieldVector vector : root.getFieldVectors()) {
                List<Object> values = columns.get(vector.getName());
                var encoding = vector.getField().getDictionary();
                ValueVector source = encoding == null ? vector
                        : reader.dictionaries().lookup(encoding.getId()).getVector();
                for (int i = 0; i < root.getRowCount(); i++) {
                    Object value = vector.getObject(i);
                    if (encoding != null && value != null) {
                        value = source.getObject(((Number) value).intValue());
                    }
                    values.add(value instanceof Text ? value.toString() : value);
                }
            }
        }
        return columns;
    }

    /**
     * Every value of {@code csv} read as standard input (serially), after checking that the same text
     * in a file, cut into blocks of a few bytes on every core, reads the same or fails the same way.
     */
    static Map<String, List<Object>> readAll(String csv, CsvOptions options, BufferAllocator allocator) {
        Path file = temporaryFile(csv.getBytes(StandardCharsets.UTF_8));
        String piped = InputSource.of("-").displayName();
        Object fromFile;
        try (CsvTableReader reader = openFile(file, options.toBuilder().blockBytes(5).build(), allocator)) {
            fromFile = readAll(reader);
        } catch (RuntimeException e) {
            fromFile = e.getMessage().replace(file.toString(), piped);
        }
        try (CsvTableReader reader = open(csv, options, allocator)) {
            Map<String, List<Object>> values = readAll(reader);
            assertEquals(values, fromFile, "the file cut in 5-byte blocks reads as standard input does");
            return values;
        } catch (RuntimeException e) {
            assertEquals(e.getMessage(), fromFile, "the file cut in 5-byte blocks fails as standard input does");
            throw e;
        }
    }

    /** Reads {@code file}, a regular file, as a file named on the command line is read. */
    static CsvTableReader openFile(Path file, CsvOptions options, BufferAllocator allocator) {
        try {
            return new CsvTableReader(InputSource.of(file.toString()),
                    new BufferedInputStream(Files.newInputStream(file)),
                    new ReadOptions(InputFormat.CSV, options, null, ReadOptions.NO_LIMIT), allocator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file holding {@code bytes}, deleted when the tests end. */
    static Path temporaryFile(byte[] bytes) {
        try {
            Path file = Files.createTempFile("charton-test-", ".csv");
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dictionary dictionaryOf(CsvTableReader reader, String column) {
        return reader.dictionaries().lookup(reader.root().getVector(column).getField().getDictionary().getId());
    }
}
