package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed Arrow IPC, Parquet and CSV files through the real launcher: one clear line on stderr and
 * exit 65 within seconds, never a hang, a stack trace or running out of memory. Made here: a few
 * broken files of each format, and every finding of the fuzz targets (docs/fuzzing.md), which run
 * without the corpora; then every malformed file of the corpora (skipped, with a notice, without them).
 */
class InvalidInputsIT {
    private static final long SECONDS_PER_FILE = 30;

    /**
     * Files that once crashed other readers but that charton's libraries read as valid data (the
     * corpus allows "a clean error or a clean read"); README "Known limits" lists them.
     */
    private static final Set<String> READ_CLEANLY = Set.of(
            "arrow-ipc-file/clusterfuzz-testcase-arrow-ipc-file-fuzz-6051391008473088",
            "arrow-ipc-file/clusterfuzz-testcase-minimized-arrow-ipc-file-fuzz-6088759971217408",
            "arrow-ipc-file/clusterfuzz-testcase-minimized-arrow-ipc-file-fuzz-6295340960776192",
            "ARROW-GH-43605.parquet");

    /** Broken files of each format, with what their one line says. */
    static Stream<Arguments> madeBroken() {
        byte[] parquetMagic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("a Parquet footer longer than the file", "broken.parquet",
                        concat(parquetMagic, new byte[]{1, 2, 3, 4}, littleEndian(1 << 30), parquetMagic), "Parquet"),
                Arguments.of("a Parquet footer of garbage", "garbage.parquet",
                        concat(parquetMagic, repeat((byte) 0xA5, 64), littleEndian(64), parquetMagic), "Parquet"),
                Arguments.of("an Arrow file of garbage between its signatures", "garbage.arrow",
                        concat("ARROW1\0\0".getBytes(StandardCharsets.US_ASCII), repeat((byte) 0x5A, 64),
                                littleEndian(64), "ARROW1".getBytes(StandardCharsets.US_ASCII)), "Arrow"),
                Arguments.of("an Arrow stream announcing a 2 GB message", "huge.arrows",
                        concat(littleEndian(-1), littleEndian(Integer.MAX_VALUE), repeat((byte) 0, 16)), "Arrow"),
                Arguments.of("CSV cut off inside a UTF-8 character", "cut.csv",
                        concat("a,b\n1,2\n3,".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xE2}), "UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("madeBroken")
    void aBrokenFileFailsCleanly(String what, String name, byte[] bytes, String saying, @TempDir Path tmp) throws IOException {
        Path file = Files.write(tmp.resolve(name), bytes);
        Charton.Result r = check(name, file, List.of());
        assertTrue(r.stderr().contains(saying), r::toString);
    }

    /**
     * Every input a fuzz target found (src/test/resources/.../*FuzzTestInputs): read as its target
     * reads it, a clean read or one line and exit 65. The batch spec target's inputs are not tables.
     */
    @TestFactory
    Stream<DynamicTest> everyFuzzFindingReadsOrFailsCleanly() throws IOException {
        Map<String, List<String>> targets = Map.of(
                "CsvFuzzTestInputs", List.of(),
                "ParquetFuzzTestInputs", List.of("--input-format", "parquet"),
                "ArrowFileFuzzTestInputs", List.of(),
                "ArrowStreamFuzzTestInputs", List.of("--input-format", "arrow"));
        Path fuzz = Repo.root().resolve("src/test/resources/dev/charton/fuzz");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String>> target : new TreeMap<>(targets).entrySet()) {
            Path dir = fuzz.resolve(target.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = fuzz.relativize(file).toString();
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, file, target.getValue(), true)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no fuzz findings under " + fuzz);
        return tests.stream();
    }

    /** Every malformed file of the corpora, with as many files at least as each directory holds today. */
    @TestFactory
    Stream<DynamicTest> everyInvalidCorpusFileFailsCleanly() throws IOException {
        Map<String, Integer> corpora = new TreeMap<>(Map.of("arrow/invalid", 136, "parquet/bad_data", 8));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Integer> corpus : corpora.entrySet()) {
            if (!Corpora.present(corpus.getKey())) {
                return Corpora.skippedTest(corpus.getKey());
            }
            Path dir = Corpora.require(corpus.getKey());
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
                assertTrue(files.size() >= corpus.getValue(), "expected the whole of " + dir + ", found " + files.size());
                for (Path file : files) {
                    String name = dir.relativize(file).toString();
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, file)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(String name, Path file) {
        if (READ_CLEANLY.contains(name)) {
            Charton.Result r = check(name, file, List.of(), true);
            assertEquals(0, r.exitCode(), r::toString);
            return;
        }
        check(name, file, List.of());
    }

    /** Exit 65 and one line on stderr that names the file. */
    private static Charton.Result check(String name, Path file, List<String> options) {
        return check(name, file, options, false);
    }

    /** Exit 65 and one line on stderr that names the file, or (when {@code mayRead}) a clean read to stdout. */
    private static Charton.Result check(String name, Path file, List<String> options, boolean mayRead) {
        List<String> args = new ArrayList<>(List.of("convert", file.toString(), "-o", "-"));
        args.addAll(options);
        Charton.Result r = Charton.run(args.toArray(String[]::new)).timeout(SECONDS_PER_FILE).go();
        assertFalse(r.stderr().contains("\tat "), () -> "stack trace for " + name + ": " + r.stderr());
        if (mayRead && r.exitCode() == 0) {
            assertTrue(r.stdout().length > 0, r::toString);
            return r;
        }
        assertEquals(65, r.exitCode(), r::toString);
        List<String> lines = r.stderr().lines().toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("charton: " + file + ":"), r::toString);
        return r;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] repeat(byte value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
