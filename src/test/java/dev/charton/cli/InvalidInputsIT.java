package dev.charton.cli;

import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every malformed Arrow IPC and Parquet file of the corpora, through the real launcher: one clear
 * line on stderr and exit 65 within seconds, never a hang, a stack trace or running out of memory.
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

    @TestFactory
    Stream<DynamicTest> everyInvalidFileFailsCleanly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : List.of(Corpora.require("arrow/invalid"), Corpora.require("parquet/bad_data"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = dir.relativize(file).toString();
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, file)));
                }
            }
        }
        assertTrue(tests.size() >= 140, "expected the whole invalid corpus, found " + tests.size());
        return tests.stream();
    }

    private static void check(String name, Path file) {
        Charton.Result r = Charton.run("convert", file.toString(), "-o", "-").timeout(SECONDS_PER_FILE).go();
        assertFalse(r.stderr().contains("\tat "), () -> "stack trace for " + name + ": " + r.stderr());
        if (READ_CLEANLY.contains(name)) {
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().length > 0);
            return;
        }
        assertEquals(65, r.exitCode(), r::toString);
        List<String> lines = r.stderr().lines().toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("charton: " + file + ": "), r::toString);
    }
}
