package dev.charton.input.parquet;

import dev.charton.app.TypeNames;
import dev.charton.error.ChartonException;
import dev.charton.input.TableReader;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lists (3-level, legacy 2-level, bare repeated), structs and maps become Arrow List, Struct and Map. */
class ParquetNestedTest {
    private static final String SCHEMA = """
            message m {
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional group point { required double x; optional double y; }
              optional group attrs (MAP) { repeated group key_value { required binary key (STRING); optional int32 value; } }
              repeated int32 bare;
              optional group legacy (LIST) { repeated int32 array; }
              optional group grid (LIST) { repeated group list { optional group element (LIST) { repeated group list { optional int64 element; } } } }
            }""";

    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void nestedColumnsKeepTheirShapeAndNulls() throws Exception {
        Consumer<Group> full = g -> {
            Group tags = g.addGroup("tags");
            tags.addGroup("list").append("element", "a");
            tags.addGroup("list");
            tags.addGroup("list").append("element", "c");
            g.addGroup("point").append("x", 1.5);
            Group attrs = g.addGroup("attrs");
            attrs.addGroup("key_value").append("key", "k1").append("value", 1);
            attrs.addGroup("key_value").append("key", "k2");
            g.append("bare", 1).append("bare", 2);
            g.addGroup("legacy").append("array", 7);
            Group grid = g.addGroup("grid");
            Group row = grid.addGroup("list").addGroup("element");
            row.addGroup("list").append("element", 1L);
            row.addGroup("list").append("element", 2L);
            grid.addGroup("list");
        };
        Consumer<Group> nulls = g -> {
        };
        Consumer<Group> empties = g -> {
            g.addGroup("tags");
            g.addGroup("point").append("x", 2.0).append("y", 3.0);
            g.addGroup("attrs");
            g.append("bare", 3);
            g.addGroup("legacy");
            g.addGroup("grid").addGroup("list").addGroup("element");
        };
        Path file = ParquetFixtures.write(dir.resolve("nested.parquet"), SCHEMA, ParquetFixtures.Layout.plain(),
                List.of(full, nulls, empties));
        try (TableReader table = ParquetFixtures.open(file, null, allocator)) {
            VectorSchemaRoot root = table.root();
            assertEquals(List.of("list<utf8>", "struct<x: float64, y: float64>", "map<utf8, int32>",
                    "list<int32>", "list<int32>", "list<list<int64>>"), types(root));
            table.loadNextBatch();
            assertEquals(3, root.getRowCount());
            assertEquals(List.of("[\"a\",null,\"c\"]", "null", "[]"), column(root, "tags"));
            assertEquals(List.of("{\"x\":1.5}", "null", "{\"x\":2.0,\"y\":3.0}"), column(root, "point"));
            assertEquals(List.of("[{\"key\":\"k1\",\"value\":1},{\"key\":\"k2\"}]", "null", "[]"), column(root, "attrs"));
            assertEquals(List.of("[1,2]", "[]", "[3]"), column(root, "bare"));
            assertEquals(List.of("[7]", "null", "[]"), column(root, "legacy"));
            assertEquals(List.of("[[1,2],null]", "null", "[[]]"), column(root, "grid"));
        }
    }

    @Test
    void aRepeatedColumnWhoseFirstValueDoesNotStartARecordIsRefused() {
        // parquet-testing's bad_data: the first value of x.list.element has repetition level 1.
        Path file = Corpora.require("parquet/bad_data").resolve("ARROW-GH-45185.parquet");
        try (TableReader table = ParquetFixtures.open(file, null, allocator)) {
            ChartonException e = assertThrows(ChartonException.class, table::loadNextBatch);
            assertEquals(65, e.exitCode().code());
            assertEquals("ARROW-GH-45185.parquet: not a valid Parquet file: column x.list.element starts a row group"
                    + " with repetition level 1, where a record must start at 0", e.getMessage());
        }
    }

    private static List<String> types(VectorSchemaRoot root) {
        List<String> types = new ArrayList<>();
        root.getSchema().getFields().forEach(f -> types.add(TypeNames.of(f)));
        return types;
    }

    private static List<String> column(VectorSchemaRoot root, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < root.getRowCount(); i++) {
            Object value = root.getVector(name).getObject(i);
            values.add(String.valueOf(value));
        }
        return values;
    }
}
