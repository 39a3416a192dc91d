package dev.charton.lifecycle;

import dev.charton.testing.Charton;
import dev.charton.testing.Corpora;
import dev.charton.testing.Leftovers;
import dev.charton.testing.Repo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGINT and SIGTERM to charton at each stage of its work (reading its input, Python rendering,
 * writing the output, a batch): it ends with 130 or 143 and leaves nothing behind, neither a
 * process nor a file in $TMPDIR or the output directory. While it runs, every file it made there
 * is readable by its owner only.
 */
class SignalsIT {
    private static final Map<String, Integer> EXIT_CODES = Map.of("INT", 130, "TERM", 143);

    @TempDir
    Path tmp;

    /**
     * One stage: the command (run in {@code in/}, output in {@code out/}), the part of its input
     * written to stdin (which stays open) and the sign that the stage is reached.
     */
    record Stage(String name, List<String> args, Supplier<byte[]> stdin, Predicate<Dirs> reached, boolean runsPython) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The directories a run works in. */
    record Dirs(Path in, Path out, Path temp) {
        boolean has(Path dir, String prefix) {
            return Leftovers.filesUnder(dir).keySet().stream().anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }

    private static final String SLOW_SCRIPT = """
            import os, time
            open(os.environ["CHARTON_TEST_STARTED"], "w").close()
            time.sleep(600)
            """;

    /**
     * The stages; the input of a stage that needs the corpora is read when its case runs, so without
     * them only those cases are skipped (visibly, see {@link Corpora#require}).
     */
    static Stream<Arguments> stagesAndSignals() {
        Supplier<byte[]> weather = () -> bytes(Repo.example("weather.csv"));
        Supplier<byte[]> parquet = () -> bytes(Corpora.require("parquet/data").resolve("alltypes_plain.snappy.parquet"));
        Supplier<byte[]> arrow = () -> bytes(Corpora.require("arrow/integration").resolve("1.0.0-littleendian/generated_decimal.stream"));
        Supplier<byte[]> nothing = () -> new byte[0];
        List<Stage> stages = List.of(
                new Stage("reading CSV from stdin", List.of("plot", "-", "--x", "date", "--y", "temp_max", "-o", "../out/fig.png"),
                        firstHalf(weather), d -> d.has(d.temp(), "charton-input-"), true),
                new Stage("spooling Parquet from stdin", List.of("plot", "-", "--x", "id", "--y", "double_col", "-o", "../out/fig.png"),
                        firstHalf(parquet), d -> d.has(d.temp(), "charton-pipe-"), true),
                new Stage("rendering a slow script", List.of("plot", "weather.csv", "--script", "slow.py", "-o", "../out/fig.png"),
                        nothing, d -> Files.exists(d.in().resolve("started")), true),
                // An Arrow stream is converted batch by batch: its output is being written while the rest arrives.
                new Stage("writing a converted table", List.of("convert", "-", "-o", "../out/table.arrows"),
                        firstHalf(arrow), d -> d.has(d.out(), ".table.arrows."), false),
                new Stage("a batch rendering a slow script", List.of("batch", "report.yaml"),
                        nothing, d -> Files.exists(d.in().resolve("started")) && d.has(d.temp(), "charton-data-"), true));
        return stages.stream().flatMap(stage -> EXIT_CODES.keySet().stream().sorted().map(signal -> Arguments.of(stage, signal)));
    }

    private static Supplier<byte[]> firstHalf(Supplier<byte[]> whole) {
        return () -> {
            byte[] bytes = whole.get();
            return Arrays.copyOf(bytes, bytes.length / 2);
        };
    }

    @ParameterizedTest(name = "SIG{1} while {0}")
    @MethodSource("stagesAndSignals")
    void aSignalLeavesNothingBehind(Stage stage, String signal) throws Exception {
        byte[] input = stage.stdin().get();
        Dirs dirs = new Dirs(Files.createDirectory(tmp.resolve("in")), Files.createDirectory(tmp.resolve("out")),
                Files.createDirectory(tmp.resolve("temp")));
        Files.copy(Repo.example("weather.csv"), dirs.in().resolve("weather.csv"));
        Files.writeString(dirs.in().resolve("slow.py"), SLOW_SCRIPT);
        Files.writeString(dirs.in().resolve("report.yaml"), """
                datasets: {weather: weather.csv}
                charts:
                  slow: {script: slow.py, output: ../out/slow.png}
                """);
        String marker = Leftovers.newMarker();
        Charton.Started charton = Charton.run(stage.args().toArray(String[]::new)).in(dirs.in())
                .env("TMPDIR", dirs.temp().toString()).env(Leftovers.MARKER, marker)
                .env("CHARTON_TEST_STARTED", dirs.in().resolve("started").toString()).start();
        Charton.Result r;
        try (OutputStream stdin = charton.stdin()) {
            stdin.write(input);
            stdin.flush();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!stage.reached().test(dirs)) {
                assertTrue(System.currentTimeMillis() < deadline && charton.process().isAlive(),
                        () -> "never reached: " + stage + "; " + charton.await(30));
                Thread.sleep(100);
            }
            if (stage.runsPython()) {
                assertFalse(Leftovers.processesMarked(marker).size() < 2, "charton and its Python both run");
            }
            assertOwnerOnly(dirs.temp());
            assertOwnerOnly(dirs.out());
            charton.signal(signal);
            // Input kept open until charton has ended: an end of input right after the signal would
            // race it (under load the reader could report a truncated stream before the signal is handled).
            r = charton.await(60);
        }
        assertEquals(EXIT_CODES.get(signal), r.exitCode(), r::toString);
        assertFalse(r.stderr().contains("\tat "), () -> "no Java stack trace: " + r);
        Leftovers.assertNoProcessMarked(marker);
        assertEquals(Map.of(), Leftovers.filesUnder(dirs.temp()), "nothing left in $TMPDIR");
        assertEquals(Map.of(), Leftovers.filesUnder(dirs.out()), "nothing left in the output directory");
    }

    /** Every file charton made in {@code dir} is its owner's alone: rw------- (directories rwx------). */
    private static void assertOwnerOnly(Path dir) {
        Leftovers.filesUnder(dir).forEach((path, mode) -> assertTrue(mode.equals("rw-------") || mode.equals("rwx------")
                || mode.equals("gone"), () -> dir.resolve(path) + " is " + mode));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
