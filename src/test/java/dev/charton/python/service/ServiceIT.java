package dev.charton.python.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.testing.Charton;
import dev.charton.testing.Leftovers;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker service end to end: real commands through the launcher, a real detached Python
 * service on a real Unix-domain socket, each test in a runtime directory of its own, and every
 * process it started found by the test's marker in their environment.
 */
class ServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path runtime;
    private String marker;

    @BeforeEach
    void runtimeDirectory() throws IOException {
        runtime = Files.createDirectory(tmp.resolve("runtime"));
        marker = Leftovers.newMarker();
        writeCsv(tmp.resolve("data.csv"), 1);
    }

    @AfterEach
    void stopServices() {
        charton("daemon", "stop").go();
        Leftovers.assertNoProcessMarked(marker);
    }

    @Test
    void aWarmServiceDrawsTheSameFigureWithoutStartingPython() throws Exception {
        Path cold = tmp.resolve("cold.png");
        Charton.Result first = plot(cold).env("CHARTON_TIMINGS", "1").go();
        assertEquals(0, first.exitCode(), first.stderr());
        assertFalse(timings(first).path("python").path("spawned_at").isNull(), "the first command starts its own Python");
        JsonNode service = awaitService();

        Path warm = tmp.resolve("warm.png");
        Charton.Result second = plot(warm).env("CHARTON_TIMINGS", "1").go();
        assertEquals(0, second.exitCode(), second.stderr());
        assertTrue(timings(second).path("python").path("spawned_at").isNull(),
                "the warm command started no Python of its own: " + timings(second));
        assertArrayEquals(Files.readAllBytes(cold), Files.readAllBytes(warm), "the same figure, warm or cold");
        assertEquals(1, awaitIdle(service).path("served").asInt(), "the service served the second command");
    }

    @Test
    void twoAndThenEightCommandsAtOnceEachGetTheirOwnFigure() throws Exception {
        assertEquals(0, plot(tmp.resolve("start.png")).go().exitCode());
        JsonNode service = awaitService();
        for (int count : new int[] {2, 8}) {
            awaitIdle(service); // the processes of the commands before have all ended
            List<Charton.Started> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path csv = tmp.resolve("data-" + count + "-" + i + ".csv");
                writeCsv(csv, i + 2);
                running.add(charton("plot", csv.toString(), "--x", "x", "--y", "y", "--title", "run " + i,
                        "-o", tmp.resolve("fig-" + count + "-" + i + ".png").toString()).start());
            }
            for (int i = 0; i < count; i++) {
                Charton.Result result = running.get(i).await(180);
                assertEquals(0, result.exitCode(), result.stderr());
            }
            List<byte[]> figures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path figure = tmp.resolve("fig-" + count + "-" + i + ".png");
                assertTrue(Png.decode(figure).getWidth() > 0);
                figures.add(Files.readAllBytes(figure));
            }
            assertEquals(count, IntStream.range(0, count).mapToObj(i -> new String(figures.get(i), StandardCharsets.ISO_8859_1))
                    .distinct().count(), "every command got its own data's figure");
        }
        assertEquals(10, awaitIdle(service).path("served").asInt(), "the service served all ten commands");
    }

    @Test
    void aBatchDrawsWithTheServicesWorkers() throws Exception {
        assertEquals(0, plot(tmp.resolve("start.png")).go().exitCode());
        JsonNode service = awaitService();
        Files.writeString(tmp.resolve("report.yaml"), """
                datasets: {data: data.csv}
                charts:
                  one: {dataset: data, x: x, y: y, output: one.png}
                  two: {dataset: data, x: x, y: y, kind: scatter, output: two.png}
                  three: {dataset: data, y: y, kind: hist, output: three.png}
                """);
        Charton.Result batch = charton("batch", "report.yaml").in(tmp).go();
        assertEquals(0, batch.exitCode(), batch.stderr());
        for (String chart : List.of("one", "two", "three")) {
            assertTrue(Png.decode(tmp.resolve(chart + ".png")).getWidth() > 0, chart);
        }
        assertTrue(awaitIdle(service).path("served").asInt() >= 1, "the batch's workers came from the service");
    }

    @Test
    void aServiceOfAnOlderBuildLeavesWhenANewerOneStarts() throws Exception {
        assertEquals(0, plot(tmp.resolve("old.png")).go().exitCode());
        long older = awaitService().path("pid").asLong();

        Path newerJar = tmp.resolve("newer/charton.jar");
        Files.createDirectories(newerJar.getParent());
        Files.copy(Repo.root().resolve("target/charton.jar"), newerJar);
        Files.setLastModifiedTime(newerJar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ProcessBuilder newer = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", newerJar.toString(), "plot",
                tmp.resolve("data.csv").toString(), "--x", "x", "--y", "y", "-o", tmp.resolve("new.png").toString())
                .redirectErrorStream(true);
        newer.environment().putAll(environment());
        newer.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // its templates, extracted anew
        Process process = newer.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);

        awaitGone(older, "the older build's service");
        JsonNode running = status().path("running");
        assertEquals(1, running.size(), running.toString());
        assertNotEquals(older, running.get(0).path("pid").asLong());
    }

    @Test
    void aKilledServiceIsReplacedAndNoCommandNoticesIt() throws Exception {
        assertEquals(0, plot(tmp.resolve("a.png")).go().exitCode());
        long killed = awaitService().path("pid").asLong();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        awaitGone(killed, "the killed service");

        Charton.Result after = plot(tmp.resolve("b.png")).go();
        assertEquals(0, after.exitCode(), after.stderr());
        assertEquals("", after.stderr(), "a dead service is passed over without a word");
        assertNotEquals(killed, awaitService().path("pid").asLong(), "a new service replaced it");
    }

    @Test
    void aHungRequestIsKilledWithItsChildrenAndTheServiceGoesOn() throws Exception {
        JsonNode service = serviceWithFaultRenderers();
        Path pids = tmp.resolve("pids");
        Charton.Result hung = hangingPlot(pids, "--timeout", "3").go();
        assertEquals(75, hung.exitCode(), hung.stderr());
        assertTrue(hung.stderr().contains("did not finish within the timeout of 3 s"), hung.stderr());
        for (String pid : Files.readString(pids).trim().split(" ")) {
            awaitGone(Long.parseLong(pid), "the hung request's process " + pid);
        }
        assertFalse(Files.exists(tmp.resolve("hung.png")));

        Charton.Result next = plot(tmp.resolve("next.png")).env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString()).go();
        assertEquals(0, next.exitCode(), next.stderr());
        assertEquals(service.path("pid").asLong(), awaitIdle(service).path("pid").asLong(), "the same service");
        assertEquals(2, awaitIdle(service).path("served").asInt(), "it served the hung request and the next one");
    }

    @Test
    void ctrlCOnTheCommandKillsTheProcessServingIt() throws Exception {
        JsonNode service = serviceWithFaultRenderers();
        Path pids = tmp.resolve("pids");
        Charton.Started running = hangingPlot(pids).start();
        running.stdin().close();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(pids) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        running.signal("INT");
        assertEquals(130, running.await(60).exitCode());
        for (String pid : Files.readString(pids).trim().split(" ")) {
            awaitGone(Long.parseLong(pid), "the interrupted request's process " + pid);
        }
        assertTrue(TestPython.alive(service.path("pid").asLong()), "the service goes on");
    }

    @Test
    void anotherUserCannotConnectEvenWhenTheDirectoryIsOpened() throws Exception {
        assertEquals(0, plot(tmp.resolve("a.png")).go().exitCode());
        JsonNode service = awaitService();
        String socket = service.path("socket").asText();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx--x--x"));
        assertEquals("refused: PermissionError", connectAsNobody(socket), "the owner-only directory keeps others out");

        Files.setPosixFilePermissions(Path.of(socket).getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(Path.of(socket), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals("closed without a word", connectAsNobody(socket), "the service checks who connects");
        assertEquals(0, awaitIdle(service).path("served").asInt(), "nothing was served to nobody");
        Files.setPosixFilePermissions(Path.of(socket).getParent(), PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, plot(tmp.resolve("b.png")).go().exitCode());
        assertEquals(1, awaitIdle(service).path("served").asInt(), "its owner still is served");
    }

    @Test
    void aDirectoryOthersCanReadIsNotTrusted() throws Exception {
        Files.createDirectory(runtime.resolve("charton"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Charton.Result result = plot(tmp.resolve("a.png")).go();
        assertEquals(0, result.exitCode(), result.stderr());
        Thread.sleep(3000); // a service would have bound its socket by now
        try (var files = Files.list(runtime.resolve("charton"))) {
            assertEquals(List.of(), files.toList(), "no service was started in it");
        }
    }

    @Test
    void theServiceLeavesWhenIdleAndAfterDaemonStop() throws Exception {
        assertEquals(0, plot(tmp.resolve("a.png")).env(ServiceSettings.VARIABLE, "3").go().exitCode());
        long idle = awaitService().path("pid").asLong();
        awaitGone(idle, "the idle service");
        Leftovers.assertNoProcessMarked(marker);
        try (var files = Files.list(runtime.resolve("charton"))) {
            assertEquals(List.of(), files.toList(), "it removed its socket and status file");
        }

        assertEquals(0, plot(tmp.resolve("b.png")).go().exitCode());
        long stopped = awaitService().path("pid").asLong();
        Charton.Result stop = charton("daemon", "stop").go();
        assertEquals("stopped the worker service (pid " + stopped + ")\n", stop.stdoutText());
        assertFalse(TestPython.alive(stopped));
        Leftovers.assertNoProcessMarked(marker);
        assertEquals("no worker service was running\n", charton("daemon", "stop").go().stdoutText());
    }

    @Test
    void eachRequestRunsWithItsOwnPythonpathTimeZoneAndMemoryLimit() throws Exception {
        JsonNode service = warmService();
        for (String where : List.of("first", "second")) {
            Path lib = Files.createDirectories(tmp.resolve(where));
            Files.writeString(lib.resolve("probe_site.py"), "WHERE = '" + where + "'\n");
        }
        Path script = Files.writeString(tmp.resolve("report.py"), """
                import json, os, resource, time
                import probe_site
                with open(os.environ["CHARTON_TEST_REPORT"], "w") as report:
                    json.dump({"ppid": os.getppid(), "module": probe_site.WHERE,
                               "utc_offset": time.strftime("%z"),
                               "address_space_limited": resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY},
                              report)
                if "CHARTON_TEST_HOG" in os.environ:
                    hog = bytearray(1 << 30)
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots()
                ax.plot(df["y"])
                """);

        JsonNode first = servedScript(service, script, "first", "Asia/Kathmandu", "--memory-limit", "512M");
        assertEquals("first", first.path("module").asText(), "its PYTHONPATH came first: " + first);
        assertEquals("+0545", first.path("utc_offset").asText(), "its TZ: " + first);
        assertTrue(first.path("address_space_limited").asBoolean(), "its --memory-limit: " + first);

        JsonNode second = servedScript(service, script, "second", "Asia/Kolkata");
        assertEquals("second", second.path("module").asText(), "not the request before's PYTHONPATH: " + second);
        assertEquals("+0530", second.path("utc_offset").asText(), "not the request before's TZ: " + second);
        assertFalse(second.path("address_space_limited").asBoolean(), "not the request before's limit: " + second);

        Charton.Result hog = scriptPlot(script, "first", "UTC", "--memory-limit", "256M").env("CHARTON_TEST_HOG", "1").go();
        assertEquals(70, hog.exitCode(), hog.stderr());
        assertTrue(hog.stderr().contains("MemoryError: Python ran out of memory under --memory-limit 256M"), hog.stderr());
        assertEquals(3, awaitIdle(service).path("served").asInt(), "the service served all three, the hog included");
        assertTrue(TestPython.alive(service.path("pid").asLong()), "a request out of memory leaves the service running");
    }

    @Test
    void theShellTakesItsSessionWorkerFromTheServiceAndNothingOutlivesTheIdleTime() throws Exception {
        Charton.Result start = plot(tmp.resolve("start.png")).env(ServiceSettings.VARIABLE, "20").go();
        assertEquals(0, start.exitCode(), start.stderr());
        JsonNode service = awaitService();
        Charton.Result shell = charton("shell", tmp.resolve("data.csv").toString()).stdin(String.join("\n",
                "py import os; print('serving', os.getpid(), os.getppid())",
                "py x = 41",
                "py print('x + 1 =', x + 1)",
                "plot --x x --y y -o " + tmp.resolve("shell.png"),
                "quit", "").getBytes(StandardCharsets.UTF_8)).go();
        assertEquals(0, shell.exitCode(), shell.stderr());
        java.util.regex.Matcher serving = java.util.regex.Pattern.compile("serving (\\d+) (\\d+)").matcher(shell.stdoutText());
        assertTrue(serving.find(), shell.stdoutText());
        assertEquals(service.path("pid").asLong(), Long.parseLong(serving.group(2)),
                "the session's Python is a process the service forked");
        assertTrue(shell.stdoutText().contains("x + 1 = 42"), "its variables live on between statements: " + shell.stdoutText());
        assertTrue(Png.decode(tmp.resolve("shell.png")).getWidth() > 0);
        awaitGone(Long.parseLong(serving.group(1)), "the shell's serving process, after quit");
        assertEquals(1, awaitIdle(service).path("served").asInt(), "the whole session was one request of the service");

        awaitGone(service.path("pid").asLong(), "the service, idle for 20 s");
        Leftovers.assertNoProcessMarked(marker);
    }

    /**
     * The start-up archive is trained on a warm command's way (startup.StartupTraining, against a
     * stand-in service): a class of charton's or its libraries parsed from the jar instead means the
     * training has drifted from what warm commands do, and each costs them start-up time.
     */
    @Test
    void aWarmCommandFindsEveryClassInTheStartUpArchive() throws Exception {
        JsonNode service = warmService();
        Charton.Result warm = plot(tmp.resolve("warm.png")).env("CHARTON_JAVA_OPTS", "-Xlog:class+load=info:stderr").go();
        assertEquals(0, warm.exitCode(), warm.stderr());
        assertEquals(1, awaitIdle(service).path("served").asInt(), "the service served the warm command");
        List<String> loaded = warm.stderr().lines().filter(line -> line.contains(" source: ")).toList();
        assertTrue(loaded.stream().anyMatch(line -> line.contains("dev.charton.cli.Main source: shared objects file")),
                "the archive is in use: " + loaded.stream().limit(5).toList());
        List<String> fromTheJar = loaded.stream().filter(line -> line.contains("source: file:")).toList();
        assertEquals(List.of(), fromTheJar, "classes a warm command parsed from the jar");
    }

    @Test
    void offUnderCiAndWithZero() throws Exception {
        assertEquals(0, plot(tmp.resolve("a.png")).env(ServiceSettings.VARIABLE, "")
                .env("CI", "true").go().exitCode());
        assertEquals(0, plot(tmp.resolve("b.png")).env(ServiceSettings.VARIABLE, "0").go().exitCode());
        Thread.sleep(3000);
        assertEquals(0, status().path("running").size(), "no service was started");
        Charton.Result bad = plot(tmp.resolve("c.png")).env(ServiceSettings.VARIABLE, "soon").go();
        assertEquals(64, bad.exitCode());
        assertEquals(List.of("charton: CHARTON_WORKER_IDLE: 'soon' is not a duration: give seconds, or minutes or"
                + " hours such as 10m or 1h (0 turns the worker service off)"), bad.chartonLines());
    }

    /** A running service, once the plot that starts it is done. */
    private JsonNode warmService() throws Exception {
        Charton.Result start = plot(tmp.resolve("start.png")).go();
        assertEquals(0, start.exitCode(), start.stderr());
        return awaitService();
    }

    /**
     * What {@code script} reported of the process it ran in, with {@code pythonpath} (a directory
     * under tmp), {@code tz} and {@code options}, once the test has seen the service serve it.
     */
    private JsonNode servedScript(JsonNode service, Path script, String pythonpath, String tz, String... options)
            throws Exception {
        Charton.Result result = scriptPlot(script, pythonpath, tz, options).env("CHARTON_TIMINGS", "1").go();
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(timings(result).path("python").path("spawned_at").isNull(), "the service served it: " + result.stderr());
        JsonNode report = JSON.readTree(tmp.resolve("report.json").toFile());
        assertEquals(service.path("pid").asLong(), report.path("ppid").asLong(), "a process the service forked ran it");
        return report;
    }

    private Charton scriptPlot(Path script, String pythonpath, String tz, String... options) {
        List<String> args = new ArrayList<>(List.of("plot", tmp.resolve("data.csv").toString(), "--script",
                script.toString(), "-o", tmp.resolve("script.png").toString()));
        args.addAll(List.of(options));
        return charton(args.toArray(String[]::new)).env("PYTHONPATH", tmp.resolve(pythonpath).toString()).env("TZ", tz)
                .env("CHARTON_TEST_REPORT", tmp.resolve("report.json").toString());
    }

    /** The service of a command whose CHARTON_TEMPLATES holds the fault renderers, once it runs. */
    private JsonNode serviceWithFaultRenderers() throws Exception {
        assertEquals(0, plot(tmp.resolve("start.png")).env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .go().exitCode());
        return awaitService();
    }

    /** A plot whose renderer hangs, with a child process, after writing both pids to {@code pids}. */
    private Charton hangingPlot(Path pids, String... options) {
        List<String> args = new ArrayList<>(List.of("plot", tmp.resolve("data.csv").toString(), "--renderer",
                "sleep_with_child", "-o", tmp.resolve("hung.png").toString()));
        args.addAll(List.of(options));
        return charton(args.toArray(String[]::new)).env("CHARTON_TEMPLATES", TestPython.faultRenderers().toString())
                .env("CHARTON_TEST_PID_FILE", pids.toString());
    }

    private Charton plot(Path output) {
        return charton("plot", tmp.resolve("data.csv").toString(), "--x", "x", "--y", "y", "-o", output.toString());
    }

    private Charton charton(String... args) {
        Charton run = Charton.run(args);
        environment().forEach(run::env);
        return run;
    }

    private java.util.Map<String, String> environment() {
        return java.util.Map.of("XDG_RUNTIME_DIR", runtime.toString(), ServiceSettings.VARIABLE, "60",
                Leftovers.MARKER, marker);
    }

    private JsonNode status() {
        Charton.Result result = charton("daemon", "status", "--json").go();
        assertEquals(0, result.exitCode(), result.stderr());
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new AssertionError(result.stdoutText(), e);
        }
    }

    /** The one service running (a killed one leaves its status file), once it has bound its socket. */
    private JsonNode awaitService() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> found = statusFiles().stream().filter(s -> TestPython.alive(s.path("pid").asLong())).toList();
            if (found.size() == 1 && Files.exists(Path.of(found.get(0).path("socket").asText()))) {
                return found.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no service came up in " + runtime + ": " + statusFiles());
    }

    /** The service's status once it serves nothing (its last request's process has ended). */
    private JsonNode awaitIdle(JsonNode service) throws Exception {
        Path file = Path.of(service.path("socket").asText().replaceFirst("\\.sock$", ".json"));
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode status = JSON.readTree(file.toFile());
        while (status.path("busy").asInt() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = JSON.readTree(file.toFile());
        }
        return status;
    }

    private List<JsonNode> statusFiles() throws IOException {
        Path dir = runtime.resolve("charton");
        List<JsonNode> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    found.add(JSON.readTree(f.toFile()));
                }
            }
        }
        return found;
    }

    private static void awaitGone(long pid, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (TestPython.alive(pid) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(TestPython.alive(pid), what + " (pid " + pid + ") is still running");
    }

    private static JsonNode timings(Charton.Result result) throws IOException {
        String line = result.chartonLines().stream().filter(l -> l.startsWith("charton: timings "))
                .findFirst().orElseThrow(() -> new AssertionError("no timings line in " + result.stderr()));
        return JSON.readTree(line.substring("charton: timings ".length()));
    }

    /** What a client running as nobody gets from the socket: refused, closed, or a greeting. */
    private static String connectAsNobody(String socket) throws Exception {
        String client = String.join("\n",
                "import socket, sys",
                "s = socket.socket(socket.AF_UNIX)",
                "try:",
                "    s.connect(sys.argv[1])",
                "except OSError as e:",
                "    print('refused: ' + type(e).__name__); sys.exit(0)",
                "s.settimeout(20)",
                "print('closed without a word' if s.recv(8) == b'' else 'greeted')");
        Process process = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "/usr/bin/python3", "-c", client, socket).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return output;
    }

    private static void writeCsv(Path file, int slope) throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(',').append(i * slope).append('\n');
        }
        Files.writeString(file, csv);
    }
}
