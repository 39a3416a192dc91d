package dev.charton.pipeline.reduce;

import dev.charton.pipeline.plan.ChartKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small tables for the reductions' tests: columns filled by the test, served as a {@link BatchSource}
 * in batches of a few rows so every statistic crosses batch boundaries; and reduced tables printed as
 * rows to compare with the expected ones.
 */
final class TestTables {
    private TestTables() {
    }

    /** A source of the root's rows, {@code batchRows} at a time. The root stays the test's to close. */
    static BatchSource source(VectorSchemaRoot root, DictionaryProvider dictionaries, int batchRows) {
        return new BatchSource() {
            public Schema schema() {
                return root.getSchema();
            }

            public long scan(BatchConsumer consumer) {
                for (int start = 0; start < root.getRowCount(); start += batchRows) {
                    try (VectorSchemaRoot batch = root.slice(start, Math.min(batchRows, root.getRowCount() - start))) {
                        consumer.accept(batch, dictionaries);
                    }
                }
                return root.getRowCount();
            }
        };
    }

    static BatchSource source(VectorSchemaRoot root, int batchRows) {
        return source(root, new DictionaryProvider.MapDictionaryProvider(), batchRows);
    }

    /** A root of the given vectors, each filled by the test and of {@code rows} rows. */
    static VectorSchemaRoot root(int rows, FieldVector... vectors) {
        for (FieldVector vector : vectors) {
            vector.setValueCount(rows);
        }
        VectorSchemaRoot root = new VectorSchemaRoot(List.of(vectors));
        root.setRowCount(rows);
        return root;
    }

    /** Each row as "name=value, ..." (dictionary-encoded columns decoded, null as "null"). */
    static List<String> rows(ReducedTable table) {
        VectorSchemaRoot root = table.root();
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            List<String> cells = new ArrayList<>();
            for (FieldVector vector : root.getFieldVectors()) {
                cells.add(vector.getName() + "=" + value(vector, row, table.dictionaries()));
            }
            rows.add(String.join(", ", cells));
        }
        return rows;
    }

    private static String value(FieldVector vector, int row, DictionaryProvider dictionaries) {
        if (vector.isNull(row)) {
            return "null";
        }
        if (vector.getField().getDictionary() != null) {
            Dictionary dictionary = dictionaries.lookup(vector.getField().getDictionary().getId());
            return String.valueOf(dictionary.getVector().getObject((int) ((BaseIntVector) vector).getValueAsLong(row)));
        }
        return String.valueOf(vector.getObject(row));
    }

    /** A utf8 column (null entries null). */
    static VarCharVector text(BufferAllocator allocator, String name, String... values) {
        VarCharVector vector = new VarCharVector(name, allocator);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        return vector;
    }

    /** A float64 column (null entries null). */
    static Float8Vector numbers(BufferAllocator allocator, String name, Double... values) {
        Float8Vector vector = new Float8Vector(name, allocator);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                vector.setSafe(i, values[i]);
            }
        }
        return vector;
    }

    /** A request with the options that matter to most tests, the others at their defaults. */
    static ReduceRequest request(ChartKind kind, String x, List<String> y, String color, String facet,
                                 String agg, Integer bins, int width, int height) {
        return new ReduceRequest(kind, x, y, color, facet, agg, bins, width, height, 1, 1, false, false);
    }
}
