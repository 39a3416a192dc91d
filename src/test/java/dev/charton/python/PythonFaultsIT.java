package dev.charton.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Leftovers;
import dev.charton.testing.OldPython;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way Python can fail charton, end to end through the launcher with real interpreters: each
 * gives one line on stderr, its documented exit code, no output file (nor a temporary one) and no
 * Python process left running. Cases whose other aspects are tested elsewhere (IsolationIT: the
 * traceback with --verbose, SIGTERM; PlotIT) are repeated here only for these four checks.
 */
class PythonFaultsIT {
    /** Set in charton's environment; every Python it starts, and their children, inherit it. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** How one fault is provoked: the charton run, given a scratch directory and the output path. */
    @FunctionalInterface
    interface Provoke {
        Charton run(Path tmp, String output) throws IOException;
    }

    record Fault(String name, int exitCode, String message, Provoke provoke) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("--python names no file", 69, "Python not found at /nonexistent/python3 (from --python)",
                        (tmp, out) -> plot(out, "--python", "/nonexistent/python3")),
                new Fault("CHARTON_PYTHON names no file", 69, "Python not found at /nowhere/python3 (from CHARTON_PYTHON)",
                        (tmp, out) -> plot(out).env("CHARTON_PYTHON", "/nowhere/python3")),
                new Fault("no Python anywhere, CHARTON_NO_SETUP=1", 69, "no Python 3 interpreter was found; install"
                        + " Python 3 (or pass --python), then: python3 -m pip install numpy pandas pyarrow matplotlib",
                        (tmp, out) -> withoutPython(plot(out), tmp, null).env("CHARTON_NO_SETUP", "1")),
                new Fault("no Python anywhere, charton may set one up", 69,
                        "no python3 on PATH to build charton's environment from; install Python 3 or pass --python",
                        (tmp, out) -> withoutPython(plot(out), tmp, null)),
                new Fault("packages missing", 69, "Python at /usr/bin/python3 (from --python) cannot import ",
                        (tmp, out) -> plot(out, "--python", "/usr/bin/python3")),
                new Fault("Python older than the minimum, named by --python", 69,
                        "is older than " + OldPython.minimum() + ", the oldest charton supports",
                        (tmp, out) -> plot(out, "--python", OldPython.require().executable().toString())),
                new Fault("only an old Python on PATH, CHARTON_NO_SETUP=1", 69, "no Python charton can use was found ("
                        + "{tmp}/bin/python3 (python3 on PATH) is Python {old}, older than " + OldPython.minimum() + ")",
                        (tmp, out) -> withoutPython(plot(out), tmp, OldPython.require().executable())
                                .env("CHARTON_NO_SETUP", "1")),
                new Fault("only an old Python on PATH, charton may set one up", 69, "Python {old} at {tmp}/bin/python3"
                        + " (from python3 on PATH) is older than " + OldPython.minimum() + ", the oldest charton supports",
                        (tmp, out) -> withoutPython(plot(out), tmp, OldPython.require().executable())),
                new Fault("a script with a syntax error", 70, "plot.py:2: SyntaxError: ",
                        (tmp, out) -> script(tmp, out, "x = 1\nif x\n    y = 2\n")),
                new Fault("a script that raises", 70, "plot.py:3: ZeroDivisionError: division by zero",
                        (tmp, out) -> script(tmp, out, "import pandas as pd\n\nratio = 1 / 0\n")),
                new Fault("an endless loop with a child process, --timeout 3", 75,
                        "Python did not finish within the timeout of 3 s and was stopped",
                        (tmp, out) -> script(tmp, out, "import subprocess\nsubprocess.Popen(['sleep', '600'])\nwhile True:\n    pass\n",
                                "--timeout", "3")),
                new Fault("a segfault", 70, "was killed (SIGSEGV, a crash in native code) while rendering",
                        (tmp, out) -> script(tmp, out, "import ctypes\nctypes.string_at(0)\n")),
                new Fault("os._exit(0) before the figure is sent", 70,
                        "exited with code 0 while rendering without sending a result",
                        (tmp, out) -> script(tmp, out, "import os\nimport matplotlib.pyplot as plt\n"
                                + "fig, ax = plt.subplots()\nax.plot(df['temp_max'])\nos._exit(0)\n")),
                new Fault("memory allocated until it fails, --memory-limit 512M", 70,
                        "plot.py:3: MemoryError: Python ran out of memory under --memory-limit 512M",
                        (tmp, out) -> script(tmp, out, HOG, "--memory-limit", "512M")),
                new Fault("memory allocated until it fails, CHARTON_MEMORY_LIMIT=256M", 70,
                        "plot.py:3: MemoryError: Python ran out of memory under --memory-limit 256M",
                        (tmp, out) -> script(tmp, out, HOG).env("CHARTON_MEMORY_LIMIT", "256M")));
    }

    private static final String HOG = "hoard = []\nwhile True:\n    hoard.append(bytearray(16 << 20))\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aFaultIsOneLineAnExitCodeNoFileAndNoPythonLeft(Fault fault) throws IOException {
        Path outputs = Files.createDirectory(tmp.resolve("outputs"));
        Path output = outputs.resolve("figure.png");
        String marker = Leftovers.newMarker();
        Instant start = Instant.now();
        Charton.Result r = fault.provoke().run(tmp, output.toString()).env(Leftovers.MARKER, marker).timeout(120).go();
        String expected = fault.message().replace("{tmp}", tmp.toString());
        if (expected.contains("{old}")) {
            expected = expected.replace("{old}", OldPython.require().version());
        }
        String shouldSay = expected;
        assertEquals(fault.exitCode(), r.exitCode(), r::toString);
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith("charton: ") && lines.get(0).contains(shouldSay),
                () -> "expected '" + shouldSay + "' in: " + lines.get(0));
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Traceback"), "no stack trace, no traceback");
        try (Stream<Path> left = Files.list(outputs)) {
            assertEquals(List.of(), left.toList(), "no figure and no temporary file");
        }
        Leftovers.assertNoProcessMarked(marker);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 90, "bounded time");
    }

    @Test
    void theLeftoverCheckSeesAProcessThatIsLeft() throws Exception {
        String marker = Leftovers.newMarker();
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().put(Leftovers.MARKER, marker);
        Process sleeper = builder.start();
        try {
            assertEquals(List.of(sleeper.pid()), Leftovers.processesMarked(marker));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertEquals(List.of(), Leftovers.processesMarked(marker));
    }

    @Test
    void anOldPythonIsSkippedWhenSearchingLikeOneLackingPackages() throws IOException {
        // An active virtual environment whose python is too old: charton moves on to its own environment.
        Path venvBin = Files.createDirectories(tmp.resolve("oldvenv/bin"));
        Files.createSymbolicLink(venvBin.resolve("python"), OldPython.require().executable());
        Path out = tmp.resolve("fig.png");
        Charton.Result r = plot(out.toString()).env("VIRTUAL_ENV", tmp.resolve("oldvenv").toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.stderr().strip());
        assertEquals(800, Png.decode(out).getWidth());
    }

    @Test
    void doctorShowsAPythonThatIsTooOld() throws IOException {
        OldPython.Found old = OldPython.require();
        Charton.Result r = Charton.run("doctor", "--json", "--python", old.executable().toString()).go();
        assertEquals(69, r.exitCode(), r::toString);
        JsonNode candidate = JSON.readTree(r.stdout()).path("candidates").path(0);
        assertEquals("too old: is Python " + old.version() + ", older than " + OldPython.minimum()
                + ", the oldest charton supports", candidate.path("status").asText(), candidate::toString);
        assertEquals(old.version(), candidate.path("python").asText());
    }

    @Test
    void megabytesOnStdoutAndStderrNeitherBlockNorCorruptTheFigure() throws IOException {
        // 20 MiB to stdout and 20 MiB to stderr, interleaved with drawing; the figure goes to stdout.
        Path script = Files.writeString(tmp.resolve("flood.py"), """
                import sys
                import matplotlib.pyplot as plt

                line = "x" * 1023 + "\\n"
                sys.stderr.write("FLOOD-START\\n")
                fig, ax = plt.subplots()
                for i in range(20):
                    sys.stdout.write(line * 1024)
                    ax.plot(df["temp_max"] + i)
                    sys.stderr.write(line * 1024)
                sys.stdout.flush()
                sys.stderr.write("FLOOD-END\\n")
                """);
        Instant start = Instant.now();
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--script", script.toString(),
                "-o", "-").env("CHARTON_PYTHON", TestPython.interpreter().toString()).timeout(120).go();
        assertEquals(0, r.exitCode(), () -> "exit " + r.exitCode() + ", stderr ends: " + tail(r.stderr()));
        assertEquals(800, Png.decode(r.stdout()).getWidth(), "the figure on stdout is whole");
        assertTrue(r.stderr().startsWith("FLOOD-START\n"), () -> "starts: " + r.stderr().substring(0, 80));
        assertTrue(r.stderr().endsWith("FLOOD-END\n"), () -> "ends: " + tail(r.stderr()));
        assertEquals(40L << 20, r.stderr().length() - "FLOOD-START\nFLOOD-END\n".length(),
                "everything written to stdout and stderr reaches charton's stderr, as is");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 90, "bounded time");
    }

    @Test
    void aRenderWithinTheMemoryLimitWorks() throws IOException {
        Path out = tmp.resolve("fig.png");
        Charton.Result r = script(tmp, out.toString(), """
                import numpy as np
                import matplotlib.pyplot as plt
                scratch = np.ones((256 << 20) // 8)
                fig, ax = plt.subplots()
                ax.plot(df["temp_max"] * scratch[0])
                """, "--memory-limit", "512M").go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, Png.decode(out).getWidth());
    }

    @Test
    void aBatchGoesOnAfterAChartRunsOutOfMemory() throws IOException {
        Files.writeString(tmp.resolve("plot.py"), HOG);
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets:
                  weather: %s
                charts:
                  hog: {dataset: weather, script: plot.py, output: hog.png}
                  fine: {dataset: weather, x: date, y: temp_max, output: fine.png}
                """.formatted(Repo.example("weather.csv")));
        Charton.Result r = Charton.run("batch", tmp.resolve("report.yaml").toString(), "--jobs", "1",
                "--memory-limit", "256M").env("CHARTON_PYTHON", TestPython.interpreter().toString()).go();
        assertEquals(70, r.exitCode(), r::toString);
        assertEquals(1, r.chartonLines().size(), r::toString);
        assertTrue(r.chartonLines().get(0).matches("charton: chart 'hog': \\S*plot\\.py:3: MemoryError: Python ran out of"
                + " memory under --memory-limit 256M"), r::toString);
        assertFalse(Files.exists(tmp.resolve("hog.png")));
        assertEquals(800, Png.decode(tmp.resolve("fine.png")).getWidth());
    }

    @ParameterizedTest
    @MethodSource("badSizes")
    void aBadMemoryLimitIsAUsageError(String option, String environment, String expected) {
        Path out = tmp.resolve("fig.png");
        Charton run = option == null ? plot(out.toString()) : plot(out.toString(), "--memory-limit", option);
        Charton.Result r = (environment == null ? run : run.env("CHARTON_MEMORY_LIMIT", environment)).go();
        assertEquals(64, r.exitCode(), r::toString);
        assertEquals("charton: " + expected, r.stderr().lines().findFirst().orElse(""));
        assertFalse(r.stderr().contains("\tat "), r::toString);
        assertFalse(Files.exists(out));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badSizes() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("lots", null, "Invalid value for option '--memory-limit':"
                        + " 'lots' is not a size: give a number of bytes with K, M, G or T, such as 512M or 2G"),
                org.junit.jupiter.params.provider.Arguments.of("0M", null, "Invalid value for option '--memory-limit':"
                        + " '0M' is no memory at all: give a size such as 512M or 2G"),
                org.junit.jupiter.params.provider.Arguments.of(null, "1.5G", "CHARTON_MEMORY_LIMIT: '1.5G' is not a size:"
                        + " give a number of bytes with K, M, G or T, such as 512M or 2G"));
    }

    private static Charton plot(String output, String... more) {
        List<String> args = new ArrayList<>(List.of("plot", Repo.example("weather.csv").toString(), "--x", "date",
                "--y", "temp_max", "-o", output));
        args.addAll(List.of(more));
        return Charton.run(args.toArray(String[]::new));
    }

    private static Charton script(Path tmp, String output, String text, String... more) throws IOException {
        Path script = Files.writeString(tmp.resolve("plot.py"), text);
        List<String> args = new ArrayList<>(List.of("plot", Repo.example("weather.csv").toString(), "--script",
                script.toString(), "-o", output));
        args.addAll(List.of(more));
        return Charton.run(args.toArray(String[]::new)).env("CHARTON_PYTHON", TestPython.interpreter().toString());
    }

    /**
     * {@code run} with no Python charton could find: no --python, CHARTON_PYTHON or VIRTUAL_ENV, an
     * empty data directory (no managed environment), and a PATH holding only what the launcher
     * needs, plus {@code python3} when given.
     */
    private static Charton withoutPython(Charton run, Path tmp, Path python3) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "readlink", "find")) {
            Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
        }
        if (python3 != null) {
            Files.createSymbolicLink(bin.resolve("python3"), python3);
        }
        return run.unsetEnv("CHARTON_PYTHON").unsetEnv("VIRTUAL_ENV").unsetEnv("CHARTON_NO_SETUP")
                .env("XDG_DATA_HOME", Files.createDirectories(tmp.resolve("data")).toString())
                .env("PATH", bin.toString()).env("JAVA_HOME", System.getProperty("java.home"));
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(program + " is not on PATH");
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 200));
    }
}
