package dev.charton.input.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.error.ChartonException;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every parquet-testing, arrow-testing and DuckDB Parquet file reads, or fails with the clean error
 * that README "Known limits" lists; files with expected content are compared value by value.
 */
class ParquetCorpusConformanceTest {
    /** Files refused, and the words the refusal must contain. */
    private static final Map<String, String> REFUSED = Map.of(
            "arrow-testing/ARROW-17100.parquet", "not a valid Parquet file",
            "data/large_string_map.brotli.parquet", "exceed Arrow's 2 GiB limit",
            "data/nation.dict-malformed.parquet", "not a valid Parquet file",
            "data/uniform_encryption.parquet.encrypted", "encrypted Parquet files are not supported");

    @TestFactory
    Stream<DynamicTest> everyFileReadsOrIsAKnownRefusal() throws IOException {
        if (!Corpora.present("parquet")) {
            return Corpora.skippedTest("parquet");
        }
        Path root = Corpora.require("parquet");
        List<DynamicTest> tests = new ArrayList<>();
        for (String dir : List.of("data", "arrow-testing", "duckdb-compression")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                for (Path file : files.filter(p -> p.toString().contains(".parquet")).sorted().toList()) {
                    String name = dir + "/" + file.getFileName();
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, file)));
                }
            }
        }
        assertTrue(tests.size() >= 70, "expected the whole Parquet corpus, found " + tests.size());
        return tests.stream();
    }

    private static void check(String name, Path file) {
        if (REFUSED.containsKey(name)) {
            ChartonException e = assertThrows(ChartonException.class, () -> countRows(file));
            assertEquals(65, e.exitCode().code());
            assertTrue(e.getMessage().contains(REFUSED.get(name)), e.getMessage());
        } else {
            countRows(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta_binary_packed", "delta_byte_array", "delta_encoding_optional_column",
            "delta_encoding_required_column"})
    void valuesMatchTheExpectedCsv(String name) throws IOException {
        Path dir = Corpora.require("parquet/data");
        List<List<String>> actual = rows(dir.resolve(name + ".parquet"));
        List<List<String>> expected = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(name + "_expect.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get()) {
            Iterator<CSVRecord> records = csv.iterator();
            records.next();
            records.forEachRemaining(r -> expected.add(Arrays.asList(r.values())));
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    @Test
    void legacyInt96TimestampsAreSparksMicroseconds() {
        // The expected values are those listed in int96_from_spark.md, beyond the range of nanoseconds.
        Path file = Corpora.require("parquet/data").resolve("int96_from_spark.parquet");
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = open(file, allocator)) {
            assertTrue(table.loadNextBatch());
            TimeStampVector a = (TimeStampVector) table.root().getVector("a");
            long[] expected = {1704141296123456L, 1704070800000000L, 253402225200000000L, 1735599600000000L, 0,
                    9089380393200000000L};
            for (int i = 0; i < expected.length; i++) {
                if (i == 4) {
                    assertTrue(a.isNull(i));
                } else {
                    assertEquals(expected[i], a.get(i), "row " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "SNAPPY", "GZIP", "BROTLI", "LZ4", "ZSTD"})
    void everyCodecDecodesToTheReferenceRows(String codec) throws IOException {
        Path dir = Corpora.require("parquet/duckdb-compression");
        JsonNode reference = new ObjectMapper().readTree(dir.resolve("reference-decode.hyparquet.json").toFile()).get("rows");
        for (int pages : new int[] {1, 2}) {
            Path file = dir.resolve("data_page=" + pages + "_" + codec + ".parquet");
            try (BufferAllocator allocator = new RootAllocator();
                 TableReader table = open(file, allocator)) {
                VectorSchemaRoot root = table.root();
                int row = 0;
                while (table.loadNextBatch()) {
                    for (int i = 0; i < root.getRowCount(); i++, row++) {
                        for (var vector : root.getFieldVectors()) {
                            assertSame(reference.get(row).get(vector.getName()), vector.getObject(i),
                                    file.getFileName() + " row " + row + " " + vector.getName());
                        }
                    }
                }
                assertEquals(reference.size(), row);
            }
        }
    }

    /** The reference renders every number as a string and leaves absent struct members out. */
    private static void assertSame(JsonNode expected, Object actual, String where) {
        if (expected == null || expected.isNull()) {
            assertNull(actual, where);
        } else if (expected.isArray()) {
            List<?> list = (List<?>) actual;
            assertEquals(expected.size(), list.size(), where);
            for (int i = 0; i < list.size(); i++) {
                assertSame(expected.get(i), list.get(i), where + "[" + i + "]");
            }
        } else if (expected.isObject()) {
            Map<?, ?> map = (Map<?, ?>) actual;
            expected.fieldNames().forEachRemaining(f -> assertSame(expected.get(f), map.get(f), where + "." + f));
        } else {
            assertEquals(expected.asText(), String.valueOf(actual), where);
        }
    }

    private static List<List<String>> rows(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = open(file, allocator)) {
            VectorSchemaRoot root = table.root();
            while (table.loadNextBatch()) {
                for (int i = 0; i < root.getRowCount(); i++) {
                    List<String> row = new ArrayList<>();
                    for (var vector : root.getFieldVectors()) {
                        Object value = vector.getObject(i);
                        row.add(value == null ? "" : value.toString());
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static long countRows(Path file) {
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = open(file, allocator)) {
            long rows = 0;
            while (table.loadNextBatch()) {
                rows += table.root().getRowCount();
            }
            assertEquals(table.knownRowCount().getAsLong(), rows);
            return rows;
        }
    }

    private static TableReader open(Path file, BufferAllocator allocator) {
        return TableReaders.open(InputSource.of(file.toString()), ReadOptions.defaults(), allocator);
    }
}
