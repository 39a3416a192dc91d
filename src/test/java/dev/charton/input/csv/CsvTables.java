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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    static Map<String, List<Object>> readAll(String csv, CsvOptions options, BufferAllocator allocator) {
        try (CsvTableReader reader = open(csv, options, allocator)) {
            return readAll(reader);
        }
    }

    static Dictionary dictionaryOf(CsvTableReader reader, String column) {
        return reader.dictionaries().lookup(reader.root().getVector(column).getField().getDictionary().getId());
    }
}
