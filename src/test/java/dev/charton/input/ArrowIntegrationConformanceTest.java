package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.JsonFileReader;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every arrow-testing integration case, as IPC stream and as IPC file, reads to exactly the values
 * of its golden integration JSON; the cases Arrow Java cannot hold fail with a clean data error.
 */
class ArrowIntegrationConformanceTest {
    /** Cases refused, and the words the refusal must contain (README "Known limits" lists them). */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("1.0.0-bigendian/generated_datetime", "big-endian"),
            Map.entry("1.0.0-bigendian/generated_dictionary", "big-endian"),
            Map.entry("1.0.0-bigendian/generated_nested", "big-endian"),
            Map.entry("1.0.0-bigendian/generated_null_trivial", "big-endian"),
            Map.entry("1.0.0-bigendian/generated_primitive", "big-endian"),
            Map.entry("0.17.1/generated_union", "union column in pre-1.0 (V4) metadata"),
            Map.entry("cpp-21.0.0/generated_decimal32", "32- or 64-bit decimal"),
            Map.entry("cpp-21.0.0/generated_decimal64", "32- or 64-bit decimal"),
            Map.entry("1.0.0-littleendian/generated_duplicate_fieldnames", "two children of the same name"),
            Map.entry("cpp-21.0.0/generated_duplicate_fieldnames", "two children of the same name"));

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsGoldenJson() throws IOException {
        if (!Corpora.present("arrow/integration")) {
            return Corpora.skippedTest("arrow/integration");
        }
        Path corpus = Corpora.require("arrow/integration");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> goldens = Files.walk(corpus)) {
            for (Path golden : goldens.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList()) {
                String base = golden.getFileName().toString().replace(".json.gz", "");
                String name = corpus.relativize(golden.getParent()) + "/" + base;
                for (String extension : List.of(".stream", ".arrow_file")) {
                    Path data = golden.resolveSibling(base + extension);
                    if (Files.exists(data)) {
                        tests.add(DynamicTest.dynamicTest(name + extension, () -> check(name, data, golden)));
                    }
                }
            }
        }
        assertTrue(tests.size() > 100, "expected the whole integration corpus, found " + tests.size() + " files");
        return tests.stream();
    }

    private void check(String name, Path data, Path golden) throws IOException {
        try (BufferAllocator allocator = new RootAllocator()) {
            if (REFUSED.containsKey(name)) {
                ChartonException e = assertThrows(ChartonException.class, () -> readAll(data, allocator));
                assertEquals(65, e.exitCode().code());
                assertTrue(e.getMessage().contains(REFUSED.get(name)), e.getMessage());
                return;
            }
            compare(data, unzip(golden), allocator);
        }
    }

    private static void readAll(Path data, BufferAllocator allocator) {
        try (TableReader table = TableReaders.open(InputSource.of(data.toString()), ReadOptions.defaults(), allocator)) {
            while (table.loadNextBatch()) {
                table.root().getRowCount();
            }
        }
    }

    private static void compare(Path data, Path json, BufferAllocator allocator) throws IOException {
        try (JsonFileReader expected = new JsonFileReader(json.toFile(), allocator);
             TableReader actual = TableReaders.open(InputSource.of(data.toString()), ReadOptions.defaults(), allocator)) {
            expected.start();
            VectorSchemaRoot batch;
            int batches = 0;
            while ((batch = expected.read()) != null) {
                try (VectorSchemaRoot golden = batch) {
                    assertTrue(actual.loadNextBatch(), "missing batch " + batches);
                    compareColumns(golden, actual.root());
                    compareDictionaries(encodings(golden.getSchema().getFields()), expected,
                            encodings(actual.root().getSchema().getFields()), actual.dictionaries());
                    batches++;
                }
            }
            assertFalse(actual.loadNextBatch(), "more batches than the golden file has");
        }
    }

    /**
     * Dictionary ids and the names inside a map's entries are labels, not data, and Arrow Java
     * renumbers and renames them; where only those differ the columns are compared without them.
     */
    private static void compareColumns(VectorSchemaRoot golden, VectorSchemaRoot actual) {
        try {
            Validator.compareVectorSchemaRoot(golden, actual);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("Different schemas")) {
                throw e;
            }
            assertEquals(golden.getRowCount(), actual.getRowCount());
            assertEquals(golden.getFieldVectors().size(), actual.getFieldVectors().size());
            for (int i = 0; i < golden.getFieldVectors().size(); i++) {
                FieldVector expected = golden.getVector(i);
                FieldVector got = actual.getVector(i);
                assertEquals(expected.getField().getType(), got.getField().getType());
                for (int row = 0; row < golden.getRowCount(); row++) {
                    assertEquals(withoutLabels(expected.getObject(row)), withoutLabels(got.getObject(row)),
                            "column " + expected.getName() + " row " + row);
                }
            }
        }
    }

    /** The dictionaries, matched by position (their ids are labels), entry by entry. */
    private static void compareDictionaries(List<DictionaryEncoding> goldenEncodings, DictionaryProvider golden,
                                            List<DictionaryEncoding> actualEncodings, DictionaryProvider actual) {
        assertEquals(goldenEncodings.size(), actualEncodings.size());
        for (int i = 0; i < goldenEncodings.size(); i++) {
            ValueVector expected = golden.lookup(goldenEncodings.get(i).getId()).getVector();
            ValueVector got = actual.lookup(actualEncodings.get(i).getId()).getVector();
            assertEquals(expected.getValueCount(), got.getValueCount());
            for (int entry = 0; entry < expected.getValueCount(); entry++) {
                assertEquals(withoutLabels(expected.getObject(entry)), withoutLabels(got.getObject(entry)),
                        "dictionary " + goldenEncodings.get(i).getId() + " entry " + entry);
            }
        }
    }

    /** A value's JSON text without the member names of its structs and map entries. */
    private static String withoutLabels(Object value) {
        return String.valueOf(value).replaceAll("\"[^\"]*\":", "");
    }

    private static List<DictionaryEncoding> encodings(List<Field> fields) {
        List<DictionaryEncoding> encodings = new ArrayList<>();
        for (Field field : fields) {
            if (field.getDictionary() != null) {
                encodings.add(field.getDictionary());
            }
            encodings.addAll(encodings(field.getChildren()));
        }
        return encodings;
    }

    private Path unzip(Path gz) throws IOException {
        Path json = Files.createTempFile(temp, "golden", ".json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.copy(in, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return json;
    }

}
