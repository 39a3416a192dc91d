package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad inputs through the real launcher: copies of valid Parquet and Arrow files cut short, broken
 * CSV, inputs that are not regular files. Each is refused with one line on stderr that names the
 * input (and the line, for text), the documented exit code, no stack trace and no output file;
 * inputs that are only unusual (a FIFO, /dev/stdin) are read. The corpora's invalid files are
 * {@link InvalidInputsIT}'s; a missing file and a directory are {@link PlotIT}'s.
 */
class BadInputsIT {
    /** Only a guard against a hang: a refusal takes about a second. */
    private static final long HANG_GUARD_SECONDS = 120;
    private static final int DATA = 65;
    private static final int NO_INPUT = 66;

    @TempDir
    Path tmp;
    private Path outputs;

    @BeforeEach
    void makeOutputDirectory() throws IOException {
        outputs = Files.createDirectory(tmp.resolve("out"));
    }

    // ---- Copies of valid files cut short ----

    /** How a binary format is laid out, which says where cuts are worth making. */
    enum Layout {
        /** Signature, pages, footer, footer length, signature. */
        PARQUET(4),
        /** Signature padded to 8 bytes, messages, footer, footer length, signature. */
        ARROW_FILE(6),
        /** Messages each behind 0xFFFFFFFF and a length, then the 8-byte end-of-stream marker. */
        ARROW_STREAM(4),
        /** Before Arrow 0.15: messages behind a bare length, a 4-byte end-of-stream marker, no signature. */
        LEGACY_ARROW_STREAM(0);

        private final int signature;

        Layout(int signature) {
            this.signature = signature;
        }

        /** Ten places to cut {@code whole}, named by what the cut goes through. */
        Map<String, Integer> cuts(byte[] whole) {
            int n = whole.length;
            Map<String, Integer> cuts = new LinkedHashMap<>();
            switch (this) {
                case PARQUET, ARROW_FILE -> {
                    int footerLength = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN).getInt(n - signature - 4);
                    int footerStart = n - signature - 4 - footerLength;
                    cuts.put("inside the signature", 2);
                    cuts.put("just after the signature", signature + 1);
                    fractions(cuts, n, 10, 30, 50, 70);
                    cuts.put("inside the footer", footerStart + footerLength / 2);
                    cuts.put("inside the footer length", n - signature - 2);
                    cuts.put("inside the closing signature", n - signature / 2);
                }
                case ARROW_STREAM -> {
                    cuts.put("inside the continuation marker", 2);
                    cuts.put("inside the schema's length", 6);
                    cuts.put("inside the schema message", 12);
                    fractions(cuts, n, 10, 30, 50, 70, 90);
                    cuts.put("without the end-of-stream marker", n - 8);
                    cuts.put("inside the end-of-stream marker", n - 4);
                }
                case LEGACY_ARROW_STREAM -> {
                    // No signature: a cut inside the first 8 bytes cannot be told from text (docs/inputs.md).
                    cuts.put("just after the schema's length", 9);
                    cuts.put("inside the schema message", 12);
                    fractions(cuts, n, 10, 30, 50, 70, 90);
                    cuts.put("without the end-of-stream marker", n - 4);
                    cuts.put("inside the end-of-stream marker", n - 2);
                }
                default -> throw new AssertionError(this);
            }
            cuts.put("before the last byte", n - 1);
            return cuts;
        }

        private static void fractions(Map<String, Integer> cuts, int n, int... percents) {
            for (int percent : percents) {
                cuts.put(percent + "% in", (int) ((long) n * percent / 100));
            }
        }
    }

    /** Valid files, each chosen for a different part of its reader; {@code column} is one a plot can draw. */
    enum Sample {
        /** Data page v2, ZSTD, a nested struct and a list with nulls (pyarrow). */
        PARQUET_V2_ZSTD("parquet/duckdb-compression/data_page=2_ZSTD.parquet", Layout.PARQUET, "plain"),
        /** Dictionary-encoded pages of eleven types; most of its bytes are the footer (impala). */
        PARQUET_DICTIONARY("parquet/data/alltypes_dictionary.parquet", Layout.PARQUET, "id"),
        /** DELTA_BYTE_ARRAY strings over several pages, 68 KB (parquet-mr). */
        PARQUET_DELTA_STRINGS("parquet/data/delta_byte_array.parquet", Layout.PARQUET, "c_customer_id"),
        /** Snappy-compressed v2 pages with RLE booleans. */
        PARQUET_V2_SNAPPY("parquet/data/datapage_v2.snappy.parquet", Layout.PARQUET, "b"),
        /** Dictionary batches between the schema and the record batches. */
        ARROW_STREAM_DICTIONARIES("arrow/integration/1.0.0-littleendian/generated_dictionary.stream",
                Layout.ARROW_STREAM, "dict2"),
        /** ZSTD-compressed record batch bodies. */
        ARROW_STREAM_ZSTD("arrow/integration/2.0.0-compression/generated_zstd.stream", Layout.ARROW_STREAM, "ints"),
        /** Pre-0.15 framing: no continuation markers, a 4-byte end-of-stream marker. */
        ARROW_STREAM_LEGACY("arrow/integration/0.14.1/generated_primitive.stream", Layout.LEGACY_ARROW_STREAM,
                "int32_nullable"),
        /** The file format: 22 primitive types in two batches, located through the footer. */
        ARROW_FILE_PRIMITIVES("arrow/integration/cpp-21.0.0/generated_primitive.arrow_file", Layout.ARROW_FILE,
                "int32_nullable"),
        /** The file format with LZ4-frame compressed bodies. */
        ARROW_FILE_LZ4("arrow/integration/2.0.0-compression/generated_lz4.arrow_file", Layout.ARROW_FILE, "ints");

        final String path;
        final Layout layout;
        final String column;

        Sample(String path, Layout layout, String column) {
            this.path = path;
            this.layout = layout;
            this.column = column;
        }

        Path file() {
            return Corpora.require(path);
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(file());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    record Cut(Sample sample, String where, int offset, int length) {
        @Override
        public String toString() {
            return sample + " cut " + where + " (" + offset + " of " + length + " bytes)";
        }
    }

    static Stream<Cut> cuts() {
        List<Cut> cuts = new ArrayList<>();
        for (Sample sample : Sample.values()) {
            byte[] whole = sample.bytes();
            sample.layout.cuts(whole).forEach((where, offset) -> cuts.add(new Cut(sample, where, offset, whole.length)));
        }
        return cuts.stream();
    }

    /** The samples are good as they are, so what the cuts do comes from the cuts. */
    @ParameterizedTest
    @EnumSource(Sample.class)
    void everySampleIsReadAndPlottedWhole(Sample sample) {
        Charton.Result schema = Charton.run("schema", sample.file().toString()).timeout(HANG_GUARD_SECONDS).go();
        assertEquals(0, schema.exitCode(), schema::toString);
        Path figure = outputs.resolve("whole.png");
        Charton.Result plot = Charton.run("plot", sample.file().toString(), "--x", sample.column, "-o", figure.toString())
                .timeout(HANG_GUARD_SECONDS).go();
        assertEquals(0, plot.exitCode(), plot::toString);
        assertEquals(800, Png.decode(figure).getWidth());
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void aCopyCutShortIsRefusedAsTruncated(Cut cut) throws IOException {
        Path copy = tmp.resolve(cut.sample().name().toLowerCase() + "-cut-at-" + cut.offset());
        Files.write(copy, Arrays.copyOf(cut.sample().bytes(), cut.offset()));
        assertRefused(Charton.run("schema", copy.toString()), DATA, copy, "truncated");
        Path figure = outputs.resolve("figure.png");
        assertRefused(Charton.run("plot", copy.toString(), "--x", cut.sample().column, "-o", figure.toString()),
                DATA, copy, "truncated");
    }

    /** A producer that dies mid-stream leaves a pipe that ends cleanly after a whole batch. */
    @Test
    void aStreamOnStandardInputThatEndsWithoutItsEndMarkerIsRefused() {
        byte[] whole = Sample.ARROW_STREAM_ZSTD.bytes();
        Path figure = outputs.resolve("figure.png");
        Charton.Result r = Charton.run("plot", "-", "--x", "ints", "-o", figure.toString())
                .stdin(Arrays.copyOf(whole, whole.length - 8)).timeout(HANG_GUARD_SECONDS).go();
        assertEquals(DATA, r.exitCode(), r::toString);
        assertOneLine(r, "charton: <stdin>: truncated Arrow IPC stream: it ends after 2 record batches without"
                + " the end-of-stream marker");
        assertNothingWritten();
    }

    // ---- Broken CSV ----

    /** Writes a test file's bytes; big ones are streamed, never held whole. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;

        static Content of(String text) {
            return out -> out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static final int MIB = 1 << 20;

    static Stream<Arguments> brokenCsv() {
        return Stream.of(
                Arguments.of("unclosed quote", Content.of("a,b\n1,2\n3,\"open\n4,5\n6,7\n"),
                        ":3: a quoted field starting on this line is never closed"),
                Arguments.of("short row", Content.of("a,b,c\n1,2,3\n4,5\n"),
                        ":3: expected 3 fields as in the header, found 2"),
                Arguments.of("long row", Content.of("a,b,c\n1,2,3\n4,5,6,7\n"),
                        ":3: expected 3 fields as in the header, found 4"),
                Arguments.of("invalid UTF-8 (Latin-1 é)", Content.of("a,b\n1,x\n2,caf\u00e9\n"),
                        ":3:6: invalid UTF-8 text at byte 13"),
                Arguments.of("empty file", Content.of(""), ": the file is empty"),
                Arguments.of("blank lines only", Content.of("\n\r\n\n"), ": the file is empty"),
                Arguments.of("byte-order mark only", Content.of("\u00ef\u00bb\u00bf"), ": the file is empty"),
                Arguments.of("header only", Content.of("a,b\n"), ": no rows to plot"),
                Arguments.of("binary data", Content.of("\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000"),
                        ": binary data that is not Parquet or Arrow IPC"),
                Arguments.of("a single 100 MB field", (Content) out -> {
                    out.write("a,b\n1,".getBytes(StandardCharsets.US_ASCII));
                    repeat(out, (byte) 'x', 100 * MIB);
                    out.write("\n2,y\n".getBytes(StandardCharsets.US_ASCII));
                }, ":2: the row starting on this line is longer than 64 MiB"),
                Arguments.of("an unclosed quote before 70 MB of rows", (Content) out -> {
                    out.write("a,b\n1,\"open\n".getBytes(StandardCharsets.US_ASCII));
                    byte[] row = "123456,7890\n".getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 70 * MIB / row.length; i++) {
                        out.write(row);
                    }
                }, ":2: the row starting on this line is longer than 64 MiB"));
    }

    private static void repeat(OutputStream out, byte value, int count) throws IOException {
        byte[] block = new byte[MIB];
        Arrays.fill(block, value);
        for (int written = 0; written < count; written += block.length) {
            out.write(block, 0, Math.min(block.length, count - written));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCsv")
    void aBrokenCsvIsOneLineNamingFileAndLine(String what, Content content, String message) throws IOException {
        Path csv = tmp.resolve("bad.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
            content.writeTo(out);
        }
        Path figure = outputs.resolve("figure.png");
        Charton.Result r = Charton.run("plot", csv.toString(), "--x", "a", "-o", figure.toString())
                .timeout(HANG_GUARD_SECONDS).go();
        assertEquals(DATA, r.exitCode(), r::toString);
        assertOneLine(r, "charton: " + csv + message);
        assertNothingWritten();
    }

    /** Java running out of memory (a 60 MB field, under the row cap, with a 64 MB heap) is one line too. */
    @Test
    void javaRunningOutOfMemoryIsOneLineNamingTheRemedy() throws IOException {
        Path csv = tmp.resolve("wide.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv))) {
            out.write("a,b\n1,".getBytes(StandardCharsets.US_ASCII));
            repeat(out, (byte) 'x', 60 * MIB);
            out.write("\n".getBytes(StandardCharsets.US_ASCII));
        }
        Charton.Result r = Charton.run("schema", csv.toString()).env("CHARTON_JAVA_OPTS", "-Xmx64m")
                .timeout(HANG_GUARD_SECONDS).go();
        assertEquals(70, r.exitCode(), r::toString);
        assertOneLine(r, "charton: Java ran out of memory (");
        assertTrue(r.stderr().contains("CHARTON_JAVA_OPTS=-Xmx4g"), r.stderr());
    }

    /** A header alone is a table of zero rows: its schema is shown; plotting it is refused above. */
    @Test
    void aHeaderOnlyCsvHasASchema() throws IOException {
        Path csv = Files.writeString(tmp.resolve("header.csv"), "a,b\n");
        Charton.Result r = Charton.run("schema", csv.toString()).timeout(HANG_GUARD_SECONDS).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdoutText().startsWith(csv + ": csv, 0 rows, 2 columns"), r.stdoutText());
    }

    /** The CSV corpora's edge cases: each is read, or refused in one line; never a crash. */
    @TestFactory
    Stream<DynamicTest> everyCorpusCsvIsReadOrRefusedInOneLine() throws IOException {
        if (!Corpora.present("csv")) {
            return Corpora.skippedTest("csv");
        }
        Path dir = Corpora.require("csv");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(files.size() > 80, "expected the CSV corpora, found " + files.size() + " files");
        return files.stream().map(csv -> DynamicTest.dynamicTest(dir.relativize(csv).toString(), () -> {
            Charton.Result r = Charton.run("schema", csv.toString()).timeout(HANG_GUARD_SECONDS).go();
            if (r.exitCode() != 0) {
                assertEquals(DATA, r.exitCode(), r::toString);
                assertOneLine(r, "charton: " + csv + ":");
            }
        }));
    }

    // ---- Inputs that are not regular files ----

    /** How an input reaches charton when it is not a regular file. */
    enum Feed {
        DASH, DEV_STDIN, FIFO
    }

    /** One input of each format, with columns to plot ({@code y} null: a chart of {@code x} alone). */
    enum Format {
        CSV(() -> Repo.example("weather.csv"), "date", "temp_max"),
        PARQUET(Sample.PARQUET_V2_ZSTD::file, "plain", "plain_random"),
        ARROW_STREAM(Sample.ARROW_STREAM_ZSTD::file, "ints", null),
        ARROW_FILE(Sample.ARROW_FILE_LZ4::file, "ints", null);

        private final Supplier<Path> file;
        final String x;
        final String y;

        Format(Supplier<Path> file, String x, String y) {
            this.file = file;
            this.x = x;
            this.y = y;
        }

        byte[] bytes() throws IOException {
            return Files.readAllBytes(file.get());
        }
    }

    static Stream<Arguments> pipes() {
        return Stream.of(Feed.values()).flatMap(feed -> Stream.of(Format.values()).map(f -> Arguments.of(feed, f)));
    }

    /** Formats that need random access (Parquet, the Arrow file format) are copied to a private file first. */
    @ParameterizedTest(name = "{1} through {0}")
    @MethodSource("pipes")
    void everyFormatIsPlottedFromAPipe(Feed feed, Format format) throws Exception {
        byte[] bytes = format.bytes();
        Path figure = outputs.resolve("figure.png");
        Path spools = Files.createDirectory(tmp.resolve("spools"));
        List<String> args = new ArrayList<>(List.of("plot", "", "--x", format.x, "-o", figure.toString()));
        if (format.y != null) {
            args.addAll(List.of("--y", format.y));
        }
        Charton run;
        Thread writer = null;
        switch (feed) {
            case DASH -> run = Charton.run(withInput(args, "-")).stdin(bytes);
            case DEV_STDIN -> run = Charton.run(withInput(args, "/dev/stdin")).stdin(bytes);
            case FIFO -> {
                Path fifo = fifo(tmp.resolve("table.fifo"));
                writer = feed(fifo, bytes);
                run = Charton.run(withInput(args, fifo.toString()));
            }
            default -> throw new AssertionError(feed);
        }
        Charton.Result r = run.env("TMPDIR", spools.toString()).timeout(HANG_GUARD_SECONDS).go();
        if (writer != null) {
            writer.join(HANG_GUARD_SECONDS * 1000);
        }
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, Png.decode(figure).getWidth());
        try (Stream<Path> left = Files.list(spools)) {
            assertEquals(List.of(), left.toList(), "the private copy of the pipe must be deleted");
        }
    }

    /** Parquet through a FIFO is copied whole before its footer is read: a cut copy is still named as such. */
    @Test
    void aTruncatedParquetFileThroughAFifoIsRefusedByItsName() throws Exception {
        byte[] whole = Sample.PARQUET_V2_ZSTD.bytes();
        Path fifo = fifo(tmp.resolve("table.fifo"));
        Thread writer = feed(fifo, Arrays.copyOf(whole, whole.length / 2));
        Path figure = outputs.resolve("figure.png");
        Charton.Result r = Charton.run("plot", fifo.toString(), "--x", "plain", "-o", figure.toString())
                .timeout(HANG_GUARD_SECONDS).go();
        writer.join(HANG_GUARD_SECONDS * 1000);
        assertEquals(DATA, r.exitCode(), r::toString);
        assertOneLine(r, "charton: " + fifo + ": truncated Parquet file");
        assertNothingWritten();
    }

    /**
     * A file its reader may not open. Root reads any file whatever its mode (the DAC override
     * capabilities), so as root charton runs without those two capabilities (setpriv): still root,
     * so it reaches the repository and Python wherever they are, but the file's mode now counts.
     */
    @Test
    void anUnreadableFileIsOneLineAndExit66() throws IOException {
        Path csv = Files.writeString(tmp.resolve("secret.csv"), "a,b\n1,2\n");
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("---------"));
        Path converted = outputs.resolve("converted.arrow");
        for (List<String> args : List.of(List.of("schema", csv.toString()),
                List.of("convert", csv.toString(), "-o", converted.toString()))) {
            Charton run = Charton.run(args.toArray(String[]::new)).timeout(HANG_GUARD_SECONDS);
            if ("root".equals(System.getProperty("user.name"))) {
                Tools.require("setpriv");
                run.via("setpriv", "--bounding-set=-dac_override,-dac_read_search");
            }
            Charton.Result r = run.go();
            assertEquals(NO_INPUT, r.exitCode(), r::toString);
            assertOneLine(r, "charton: " + csv + ": permission denied");
        }
        assertNothingWritten();
    }

    private static String[] withInput(List<String> args, String input) {
        List<String> withInput = new ArrayList<>(args);
        withInput.set(1, input);
        return withInput.toArray(String[]::new);
    }

    private static Path fifo(Path path) {
        Tools.Output made = Tools.run(List.of("mkfifo", path.toString()), Map.of());
        assertEquals(0, made.exitCode(), made.stderr());
        return path;
    }

    /** Writes {@code bytes} into {@code fifo} once a reader opens it; a reader that stops early ends the writing. */
    private static Thread feed(Path fifo, byte[] bytes) {
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(bytes);
            } catch (IOException readerWentAway) {
                // charton stopped reading (it refused the input): nothing more to write.
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    private void assertRefused(Charton run, int exitCode, Path input, String what) {
        Charton.Result r = run.timeout(HANG_GUARD_SECONDS).go();
        assertEquals(exitCode, r.exitCode(), r::toString);
        assertOneLine(r, "charton: " + input + ": ");
        assertTrue(r.stderr().contains(what), () -> "expected '" + what + "' in: " + r.stderr());
        assertNothingWritten();
    }

    /** One line on stderr, starting with {@code start}; no stack trace. */
    private static void assertOneLine(Charton.Result r, String start) {
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith(start), () -> "expected a line starting '" + start + "', got: " + lines.get(0));
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r::toString);
    }

    /** No figure, no converted file, no temporary file: the output directory is as it was. */
    private void assertNothingWritten() {
        try (Stream<Path> left = Files.list(outputs)) {
            assertEquals(List.of(), left.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
