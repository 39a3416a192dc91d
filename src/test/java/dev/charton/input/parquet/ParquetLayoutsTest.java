package dev.charton.input.parquet;

import dev.charton.error.ChartonException;
import dev.charton.input.TableReader;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codecs, page versions, dictionaries, batch bounds and the pushed-down projection. */
class ParquetLayoutsTest {
    private static final String SCHEMA = "message m { required int64 id; optional binary name (STRING); optional double score; }";
    private static final int ROWS = 150_000;

    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4_RAW, CompressionCodecName.LZ4)) {
            for (WriterVersion pages : WriterVersion.values()) {
                all.add(Arguments.of(codec, pages, pages == WriterVersion.PARQUET_2_0));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} dictionary={2}")
    @MethodSource("layouts")
    void everyCodecAndPageVersionReadsTheSameValuesInBoundedBatches(CompressionCodecName codec, WriterVersion pages,
                                                                    boolean dictionary) throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("t.parquet"), SCHEMA, new ParquetFixtures.Layout(codec, pages, dictionary),
                rows(ROWS));
        List<Integer> batchSizes = new ArrayList<>();
        long expectedId = 0;
        try (TableReader table = ParquetFixtures.open(file, null, allocator)) {
            VectorSchemaRoot root = table.root();
            while (table.loadNextBatch()) {
                batchSizes.add(root.getRowCount());
                BigIntVector ids = (BigIntVector) root.getVector("id");
                for (int i = 0; i < root.getRowCount(); i++, expectedId++) {
                    assertEquals(expectedId, ids.get(i));
                    assertEquals(expectedId % 7 == 0, root.getVector("name").isNull(i));
                    if (expectedId % 7 != 0) {
                        assertEquals("name-" + expectedId % 100, root.getVector("name").getObject(i).toString());
                    }
                    assertEquals(expectedId / 4.0, root.getVector("score").getObject(i));
                }
            }
        }
        assertEquals(ROWS, expectedId);
        assertEquals(List.of(65_536, 65_536, ROWS - 2 * 65_536), batchSizes);
    }

    @Test
    void onlyTheSelectedColumnsAreReadInTheRequestedOrder() throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("p.parquet"), SCHEMA, ParquetFixtures.Layout.plain(), rows(10));
        try (TableReader table = ParquetFixtures.open(file, List.of("score", "id"), allocator)) {
            assertEquals(List.of("score", "id"), table.root().getSchema().getFields().stream().map(f -> f.getName()).toList());
            assertTrue(table.loadNextBatch());
            assertEquals(2.25, table.root().getVector(0).getObject(9));
            assertEquals(9L, table.root().getVector(1).getObject(9));
        }
    }

    @Test
    void anUnselectedColumnIsNeverDecoded() {
        // col2 of this file cannot be decoded by parquet-java; reading around it proves the projection is pushed down.
        Path file = Corpora.require("parquet/arrow-testing").resolve("ARROW-17100.parquet");
        try (TableReader all = ParquetFixtures.open(file, null, allocator)) {
            assertThrows(ChartonException.class, all::loadNextBatch);
        }
        try (TableReader table = ParquetFixtures.open(file, List.of("col1", "col4"), allocator)) {
            assertTrue(table.loadNextBatch());
            assertEquals(5, table.root().getRowCount());
            assertFalse(table.loadNextBatch());
        }
    }

    @Test
    void anUnknownColumnNameListsTheAvailableOnes() throws Exception {
        Path file = ParquetFixtures.write(dir.resolve("u.parquet"), SCHEMA, ParquetFixtures.Layout.plain(), rows(1));
        ChartonException e = assertThrows(ChartonException.class,
                () -> ParquetFixtures.open(file, List.of("id", "nmae"), allocator));
        assertEquals("u.parquet: no column named 'nmae'; did you mean 'name'? (available: id, name, score)", e.getMessage());
        assertEquals(65, e.exitCode().code());
    }

    private static List<Consumer<Group>> rows(int count) {
        List<Consumer<Group>> rows = new ArrayList<>();
        for (long id = 0; id < count; id++) {
            long row = id;
            rows.add(g -> {
                g.append("id", row);
                if (row % 7 != 0) {
                    g.append("name", "name-" + row % 100);
                }
                g.append("score", row / 4.0);
            });
        }
        return rows;
    }
}
