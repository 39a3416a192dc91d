package dev.charton.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charton schema} and {@code charton convert} end to end, through the real launcher. */
class ReadCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void schemaOfACsvSaysWhatInferenceDecidedAndWhy() throws IOException {
        Charton.Result r = Charton.run("schema", Repo.example("weather.csv").toString(), "--json").go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode schema = JSON.readTree(r.stdout());
        assertEquals("csv", schema.get("format").asText());
        assertTrue(schema.get("rows").asLong() > 0);
        JsonNode first = schema.get("columns").get(0);
        assertEquals("date", first.get("name").asText());
        assertTrue(first.get("inferred_because").asText().length() > 5, first::toString);

        Charton.Result text = Charton.run("schema", Repo.example("weather.csv").toString()).go();
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdoutText().lines().skip(1).findFirst().orElse("").contains("inferred because"), text.stdoutText());
    }

    @Test
    void schemaOfParquetFromStdinComesFromTheFooterAndLeavesNoSpoolBehind() throws IOException {
        byte[] parquet = Files.readAllBytes(Corpora.require("parquet/data").resolve("alltypes_plain.parquet"));
        Path spoolDir = Files.createDirectories(tmp.resolve("spool"));
        Charton.Result r = Charton.run("schema", "-", "--columns", "id,string_col", "--json").stdin(parquet)
                .env("TMPDIR", spoolDir.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode schema = JSON.readTree(r.stdout());
        assertEquals("parquet", schema.get("format").asText());
        assertEquals(8, schema.get("rows").asLong());
        assertEquals("id", schema.get("columns").get(0).get("name").asText());
        assertEquals("int32", schema.get("columns").get(0).get("type").asText());
        assertEquals("binary", schema.get("columns").get(1).get("type").asText());
        assertEquals(2, schema.get("columns").size());
        try (Stream<Path> left = Files.list(spoolDir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void convertWritesAnArrowFileAtomicallyWithTheSelectedColumnsAndRows() throws IOException {
        Path out = tmp.resolve("out.arrow");
        Charton.Result r = Charton.run("convert", Corpora.require("parquet/data").resolve("alltypes_plain.parquet").toString(),
                "--columns", "string_col,id", "--limit", "5", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(Files.readAllBytes(out)), allocator)) {
            assertEquals(List.of("string_col", "id"), names(reader.getVectorSchemaRoot()));
            assertEquals(5, rows(reader));
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList(), "no temporary file may be left next to the output");
        }
    }

    @Test
    void convertStreamsToStdoutAndReadsLegacyArrowStreamsFromStdin() throws IOException {
        Path legacy = Corpora.require("arrow/integration").resolve("0.14.1/generated_primitive.stream");
        Charton.Result r = Charton.run("convert", "-", "-o", "-", "--limit", "3").stdin(Files.readAllBytes(legacy)).go();
        assertEquals(0, r.exitCode(), r::toString);
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(r.stdout()), allocator)) {
            assertEquals(3, rows(reader));
        }
    }

    @Test
    void convertKeepsChartonsOwnMetadataInsideAndTheInputsMetadataInTheOutput() throws IOException {
        // 9 of 10 values read as numbers: the CSV reader marks the text column for the chart planner.
        Path csv = Files.writeString(tmp.resolve("amounts.csv"), "v,w\n" + "1,red\n".repeat(9) + "oops,blue\n");
        Path fromCsv = tmp.resolve("amounts.arrow");
        Charton.Result r = Charton.run("convert", csv.toString(), "-o", fromCsv.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        Schema converted = schemaOf(fromCsv);
        assertEquals(Map.of(), converted.findField("v").getMetadata());
        assertEquals(Map.of(), converted.getCustomMetadata());

        Path arrow = tmp.resolve("tagged.arrow");
        Map<String, String> own = Map.of("unit", "kg", "charton.reads_as", "stale, from an older charton");
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(new Field("kg",
                     new FieldType(true, new ArrowType.Int(64, true), null, own), null)), Map.of("source", "scale 3")), allocator);
             FileChannel channel = FileChannel.open(arrow, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            ((BigIntVector) root.getVector("kg")).setSafe(0, 7);
            root.setRowCount(1);
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        Path fromArrow = tmp.resolve("copy.arrows");
        r = Charton.run("convert", arrow.toString(), "-o", fromArrow.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(Files.newInputStream(fromArrow), allocator)) {
            Schema copied = reader.getVectorSchemaRoot().getSchema();
            assertEquals(Map.of("unit", "kg"), copied.findField("kg").getMetadata());
            assertEquals(Map.of("source", "scale 3"), copied.getCustomMetadata());
            assertEquals(1, rows(reader));
        }
    }

    private static Schema schemaOf(Path arrowFile) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(Files.readAllBytes(arrowFile)), allocator)) {
            return reader.getVectorSchemaRoot().getSchema();
        }
    }

    @Test
    void anArrowFileOnStdinIsSpooledAndRead() throws IOException {
        Path file = Corpora.require("arrow/integration").resolve("1.0.0-littleendian/generated_dictionary.arrow_file");
        Charton.Result r = Charton.run("schema", "-", "--input-format", "arrow").stdin(Files.readAllBytes(file)).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdoutText().startsWith("<stdin>: arrow, 17 rows, 3 columns"), r.stdoutText());
        assertTrue(r.stdoutText().contains("dictionary<values=utf8, indices=int8>"), r.stdoutText());
    }

    @Test
    void anUnknownColumnIsADataErrorThatListsTheColumns() {
        Charton.Result r = Charton.run("convert", Repo.example("weather.csv").toString(), "--columns", "date,nope",
                "-o", tmp.resolve("x.arrows").toString()).go();
        assertEquals(65, r.exitCode(), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);
        assertTrue(r.stderr().contains("no column named 'nope' (available: date, "), r::toString);
        assertTrue(Files.notExists(tmp.resolve("x.arrows")));
    }

    @Test
    void plotReadsParquetWithOnlyTheColumnsItNeeds() {
        Path out = tmp.resolve("fig.png");
        Charton.Result r = Charton.run("plot", Corpora.require("parquet/data").resolve("alltypes_plain.parquet").toString(),
                "--columns", "id,double_col", "--x", "id", "--y", "double_col", "-o", out.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(Png.distinctColours(Png.decode(out)) > 10, "the figure should contain a drawn chart");
    }

    @Test
    void helpShowsExamples() {
        for (String command : List.of("schema", "convert")) {
            Charton.Result r = Charton.run(command, "--help").go();
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdoutText().contains("Examples:\n  charton " + command), r.stdoutText());
        }
    }

    private static List<String> names(VectorSchemaRoot root) {
        List<String> names = new ArrayList<>();
        root.getSchema().getFields().forEach(f -> names.add(f.getName()));
        return names;
    }

    private static long rows(ArrowReader reader) throws IOException {
        long rows = 0;
        while (reader.loadNextBatch()) {
            rows += reader.getVectorSchemaRoot().getRowCount();
        }
        return rows;
    }
}
