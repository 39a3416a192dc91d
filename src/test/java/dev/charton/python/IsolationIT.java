package dev.charton.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.testing.Charton;
import dev.charton.testing.Figures;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How charton contains Python, end to end through the launcher: crashes become one line and a
 * documented exit code, timeouts and signals leave no Python behind, Python's stderr reaches the
 * user, and the working directory cannot hijack imports.
 */
class IsolationIT {
    @TempDir
    Path tmp;

    private Charton.Result plotWith(String renderer, String... more) {
        Path out = tmp.resolve("out.json");
        List<String> args = new java.util.ArrayList<>(List.of("plot", Repo.example("weather.csv").toString(),
                "-r", renderer, "-o", out.toString()));
        args.addAll(List.of(more));
        return Charton.run(args.toArray(String[]::new)).env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString()).go();
    }

    @Test
    void anExceptionIsOneLineNamingTheUsersFileAndLine() {
        Charton.Result r = plotWith("raise_error");
        assertCrash(r, 70, "raise_error.py:3: ZeroDivisionError: division by zero");
        assertFalse(r.stderr().contains("Traceback"), "no traceback without --verbose");
        Charton.Result verbose = plotWith("raise_error", "--verbose");
        assertTrue(verbose.stderr().contains("Traceback (most recent call last)"), verbose::toString);
    }

    @Test
    void sysExitIsOneLine() {
        assertCrash(plotWith("sys_exit"), 70, "SystemExit: the renderer called sys.exit(3) before making a figure");
    }

    @Test
    void osExitIsOneLine() {
        assertCrash(plotWith("os_exit"), 70, "exited with code 7 while rendering without sending a result");
    }

    @Test
    void aSegfaultIsOneLineAndItsDumpIsShownWithVerbose() {
        assertCrash(plotWith("segfault"), 70, "was killed (SIGSEGV, a crash in native code)");
        Charton.Result verbose = plotWith("segfault", "--verbose");
        assertTrue(verbose.stderr().contains("Segmentation fault"), verbose::toString);
        assertTrue(verbose.stderr().contains("segfault.py"), "the crash dump names the file: " + verbose);
    }

    @Test
    void aMemoryErrorIsOneLine() {
        assertCrash(plotWith("memory_error"), 70, "MemoryError: Python ran out of memory");
    }

    @Test
    void aTimeoutKillsThePythonTreeAndExits75() throws IOException {
        Path pids = tmp.resolve("pids");
        Instant start = Instant.now();
        Path out = tmp.resolve("out.json");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "-r", "sleep_with_child",
                        "--timeout", "3", "-o", out.toString())
                .env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString())
                .env("CHARTON_TEST_PID_FILE", pids.toString()).go();
        assertCrash(r, 75, "did not finish within the timeout of 3 s");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60, "the timeout stopped the render");
        for (long pid : readPids(pids)) {
            assertFalse(TestPython.alive(pid), "process " + pid + " outlived the timeout");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalToChartonStopsPythonToo(String signal) throws Exception {
        Path pids = tmp.resolve("pids");
        ProcessBuilder builder = new ProcessBuilder(Repo.launcherCommand(List.of("plot",
                Repo.example("weather.csv").toString(), "-r", "sleep_with_child", "-o", tmp.resolve("o.json").toString())))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile());
        builder.environment().put("CHARTON_TEMPLATES", TestPython.faultRenderers().toString());
        builder.environment().put("CHARTON_PYTHON", TestPython.interpreter().toString());
        builder.environment().put("CHARTON_TEST_PID_FILE", pids.toString());
        Process charton = builder.start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.exists(pids) && System.currentTimeMillis() < deadline && charton.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(pids), "the slow renderer never started: " + Files.readString(tmp.resolve("log")));
            Set<Long> descendants = charton.descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            assertTrue(descendants.containsAll(readPids(pids)), "Python and its child run under charton");
            // To the JVM alone (the launcher execs java), not its process group: charton itself must stop Python.
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(charton.pid())).start().waitFor());
            assertTrue(charton.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "charton did not stop on SIG" + signal);
            Thread.sleep(200);
            for (long pid : descendants) {
                assertFalse(TestPython.alive(pid), "process " + pid + " outlived charton");
            }
        } finally {
            charton.descendants().forEach(ProcessHandle::destroyForcibly);
            charton.destroyForcibly();
        }
    }

    @Test
    void pythonsOutputReachesTheUsersStderrAndNeverTheFigure() {
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "-r", "print_stdout",
                        "-f", "json", "-o", "-")
                .env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_PYTHON", TestPython.interpreter().toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("figure-bytes", r.stdoutText());
        for (String text : List.of("printed by the renderer", "written to sys.stdout", "written to fd 1", "to stderr")) {
            assertTrue(r.stderr().contains(text), "missing '" + text + "' in " + r.stderr());
        }
    }

    /** Modules named like the ones every renderer imports, in the working directory and beside the data. */
    @ParameterizedTest
    @ValueSource(strings = {"matplotlib:png", "seaborn:png", "altair:json"})
    void modulesInTheWorkingDirectoryOrBesideTheDataAreNotImported(String rendererAndFormat) throws IOException {
        String[] parts = rendererAndFormat.split(":");
        Path data = Files.createDirectory(tmp.resolve("data"));
        Path cwd = Files.createDirectory(tmp.resolve("cwd"));
        Files.copy(Repo.example("weather.csv"), data.resolve("weather.csv"));
        for (Path dir : List.of(data, cwd)) {
            for (String module : List.of("pandas", "matplotlib", "numpy", "pyarrow", "seaborn", "altair", "chartonpy")) {
                Files.writeString(dir.resolve(module + ".py"), "raise SystemExit('hijacked: " + dir.resolve(module) + ".py was imported')\n");
            }
        }
        Path out = cwd.resolve("fig." + parts[1]);
        Charton.Result r = Charton.run("plot", "../data/weather.csv", "-r", parts[0], "--x", "date", "--y", "temp_max",
                        "-o", out.getFileName().toString())
                .in(cwd).env("PYTHONPATH", "" + java.io.File.pathSeparator + ".")
                .env("CHARTON_PYTHON", TestPython.interpreter().toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.stderr().contains("hijacked"), r::toString);
        assertDrawn(parts[1], out);
    }

    /** The figure opens as its format says and shows the data: a drawn PNG, a Vega-Lite spec of every row. */
    private static void assertDrawn(String format, Path figure) {
        switch (format) {
            case "png" -> {
                BufferedImage image = Png.decode(figure);
                assertEquals(800, image.getWidth());
                assertTrue(Png.distinctColours(image) > 10, "a drawn chart, not a blank canvas");
            }
            case "json" -> {
                JsonNode chart = Figures.json(Figures.bytes(figure));
                assertTrue(chart.path("$schema").asText().contains("vega-lite"), chart::toString);
                assertEquals(365, chart.path("datasets").elements().next().size(), "every row of the data");
            }
            default -> throw new AssertionError("no check for " + format);
        }
    }

    @Test
    void theUsersSitePackagesStillWork() throws IOException, InterruptedException {
        // A plain interpreter (not a venv) whose only plotting packages come from the user's
        // site-packages: a .pth file there points at charton's environment.
        Path base = baseInterpreter();
        Path userBase = tmp.resolve("userbase");
        ProcessBuilder where = new ProcessBuilder(base.toString(), "-c", "import site; print(site.getusersitepackages())");
        where.environment().put("PYTHONUSERBASE", userBase.toString());
        Process asked = where.start();
        asked.getOutputStream().close();
        Path userSite = Path.of(new String(asked.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        assertEquals(0, asked.waitFor());
        assertTrue(userSite.startsWith(userBase), userSite::toString);
        Files.createDirectories(userSite);
        Files.writeString(userSite.resolve("charton-test.pth"), managedSitePackages() + "\n");
        Path out = tmp.resolve("fig.png");
        Charton.Result r = Charton.run("plot", Repo.example("weather.csv").toString(), "--x", "date", "--y", "temp_max",
                "--python", base.toString(), "-o", out.toString()).env("PYTHONUSERBASE", userBase.toString()).go();
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(800, dev.charton.testing.Png.decode(out).getWidth());
    }

    /** The interpreter charton's environment was made from (its pyvenv.cfg "home"). */
    private static Path baseInterpreter() throws IOException {
        Path cfg = TestPython.interpreter().getParent().getParent().resolve("pyvenv.cfg");
        String home = Files.readAllLines(cfg).stream().filter(l -> l.startsWith("home"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
        Path python = Path.of(home, "python3");
        assertTrue(Files.isExecutable(python), python + " is not executable");
        return python;
    }

    private static String managedSitePackages() throws IOException {
        try (var dirs = Files.list(TestPython.interpreter().getParent().getParent().resolve("lib"))) {
            return dirs.map(d -> d.resolve("site-packages")).filter(Files::isDirectory).findFirst().orElseThrow().toString();
        }
    }

    private static List<Long> readPids(Path file) throws IOException {
        return List.of(Files.readString(file).strip().split(" ")).stream().map(Long::parseLong).toList();
    }

    private static void assertCrash(Charton.Result r, int exitCode, String expected) {
        assertEquals(exitCode, r.exitCode(), r::toString);
        List<String> lines = r.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "expected one line on stderr, got: " + r.stderr());
        assertTrue(lines.get(0).startsWith("charton: ") && lines.get(0).contains(expected),
                () -> "expected '" + expected + "' in: " + lines.get(0));
        assertFalse(r.stderr().contains("\tat "), "no Java stack trace");
    }
}
