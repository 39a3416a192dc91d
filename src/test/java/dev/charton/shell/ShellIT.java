package dev.charton.shell;

import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.SeriesTable;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charton shell} in a real terminal (tmux): Tab completion of a column name, a plot whose
 * PNG is decoded, Python output and errors, Ctrl-C during a render that never ends, history across
 * sessions, quit and Ctrl-D. Every wait polls the screen up to a deadline.
 */
class ShellIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String PROMPT = "charton> ";
    private static final Pattern FIGURE = Pattern.compile("figure: (\\S+)");

    @TempDir
    Path tmp;

    private Path state;
    private Path pidFile;

    @BeforeEach
    void pythonIsSetUp() {
        TestPython.interpreter(); // on a fresh machine this builds charton's environment first, once
        state = tmp.resolve("state");
        pidFile = tmp.resolve("slow.pids");
    }

    private TerminalSession shell(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Repo.launcher().toString(), "shell"));
        command.addAll(Arrays.asList(args));
        Map<String, String> env = Map.of(
                "XDG_STATE_HOME", state.toString(),
                "CHARTON_TEMPLATES", TestPython.faultRenderers().toString(), // sleep_with_child: a render that hangs
                "CHARTON_TEST_PID_FILE", pidFile.toString(),
                "CHARTON_INLINE_IMAGES", "none");
        return TerminalSession.start(tmp, env, command);
    }

    @Test
    void completesPlotsRunsPythonSurvivesCtrlCAndQuits() throws IOException {
        try (TerminalSession terminal = shell(Repo.example("weather.csv").toString())) {
            awaitPrompt(terminal, "weather.csv: 365 rows, 6 columns");

            // Tab completes a column name, and the last item of a comma-separated list.
            terminal.type("plot --x da");
            terminal.press("Tab");
            terminal.waitUntil(s -> s.endsWith(PROMPT + "plot --x date"), "the completed column", STEP);
            terminal.type("--y temp_max,prec");
            terminal.press("Tab");
            terminal.waitUntil(s -> s.endsWith("--y temp_max,precipitation"), "the completed list", STEP);
            terminal.press("Enter");
            Path first = figure(terminal.waitUntil(s -> FIGURE.matcher(s).find(), "the figure's path", STEP), 1);
            assertTrue(first.getFileName().toString().equals("plot-1.png"), first::toString);
            BufferedImage image = Png.decode(first);
            assertEquals(800, image.getWidth());
            assertEquals(600, image.getHeight());
            assertTrue(Png.distinctColours(image) > 10, "a drawn chart, not a blank canvas");

            // Python: output, the value of the last line, a variable that persists, an error.
            terminal.enter("py");
            terminal.waitUntil(s -> s.endsWith("..."), "the block prompt", STEP);
            for (String line : List.of("x = 41", "print('hello', x + 1)", "nope + 1", ".")) {
                terminal.enter(line);
            }
            String screen = terminal.waitFor("NameError", STEP);
            assertTrue(screen.contains("hello 42\ncharton: <py>:3: NameError: name 'nope' is not defined"), screen);
            terminal.enter("py round(float(df['temp_max'].max()) - x, 1)");
            terminal.waitFor("\n-13.7\n", STEP);

            // Ctrl-C during a render that never ends: the render stops, its Python dies, nothing is written.
            Path slow = tmp.resolve("slow.png");
            terminal.enter("plot -r sleep_with_child -o " + slow);
            long[] pids = waitForPids();
            assertTrue(TestPython.alive(pids[0]) && TestPython.alive(pids[1]));
            terminal.press("C-c");
            screen = terminal.waitFor("cancelled (Ctrl-C): Python was stopped", STEP);
            assertGone(pids);
            assertFalse(Files.exists(slow), "no figure, not even a partial one");

            // The shell goes on with a fresh Python: the data is there, the variables are not.
            terminal.enter("py print(len(df), 'x' in dir())");
            terminal.waitFor("\n365 False\n", STEP);
            terminal.enter("plot --x weather --y wind --kind box");
            Path second = figure(terminal.waitUntil(s -> FIGURE.matcher(s).results().count() == 2, "a second figure", STEP), 2);
            assertEquals("plot-2.png", second.getFileName().toString());
            assertTrue(Png.distinctColours(Png.decode(second)) > 10);

            // save copies the last figure, in its own format only.
            Path saved = tmp.resolve("wind.png");
            terminal.enter("save " + tmp.resolve("wind.svg"));
            terminal.waitFor("the last figure is png, not svg", STEP);
            terminal.enter("save " + saved);
            terminal.waitFor("saved: " + saved, STEP);
            assertEquals(Files.readAllBytes(second).length, Files.readAllBytes(saved).length);

            terminal.enter("quit");
            assertEquals(0, terminal.waitForExit(STEP));
        }
        Path history = state.resolve("charton/history");
        assertTrue(Files.readString(history).contains("plot --x date --y temp_max,precipitation"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
    }

    @Test
    void historyOutlivesTheSessionAndCtrlDLeaves() throws IOException {
        try (TerminalSession terminal = shell(Repo.example("sales.csv").toString())) {
            awaitPrompt(terminal, "sales.csv: ");
            terminal.enter("schema");
            terminal.waitFor("revenue", STEP);
            terminal.enter("head 2");
            terminal.waitFor("549.0", STEP);
            terminal.enter("quit");
            assertEquals(0, terminal.waitForExit(STEP));
        }
        try (TerminalSession terminal = shell()) {
            awaitPrompt(terminal, "no data loaded");
            terminal.press("Up");
            terminal.waitUntil(s -> s.endsWith(PROMPT + "quit"), "the last command of the last session", STEP);
            terminal.press("Up");
            terminal.waitUntil(s -> s.endsWith(PROMPT + "head 2"), "the command before it", STEP);
            terminal.press("C-u");
            terminal.press("C-d");
            assertEquals(0, terminal.waitForExit(STEP));
        }
    }

    @Test
    void aTableWithoutRowsIsRefusedAndTheSessionGoesOn() throws IOException {
        Path header = Files.writeString(tmp.resolve("header.csv"), "date,temp_max\n");
        Path script = Files.writeString(tmp.resolve("note.py"), """
                import matplotlib.pyplot as plt
                fig, ax = plt.subplots()
                ax.text(0.5, 0.5, f"{len(df)} rows")
                """);
        String refusal = "charton: " + header + ": no rows to plot (the table has 2 columns but no data rows)";
        try (TerminalSession terminal = shell(header.toString())) {
            awaitPrompt(terminal, "header.csv: 0 rows, 2 columns");
            terminal.enter("plot --x date --y temp_max");
            terminal.waitFor(refusal, STEP);
            Path refused = tmp.resolve("refused.png");
            terminal.enter("plot --x date --y temp_max -o " + refused);
            terminal.waitUntil(s -> s.split(Pattern.quote(refusal), -1).length == 3, "the second refusal", STEP);
            assertFalse(Files.exists(refused), "no figure for a table without rows");

            // A script may draw something of its own: it is plotted, as the session's first figure.
            terminal.enter("plot --script " + script);
            Path first = figure(terminal.waitUntil(s -> FIGURE.matcher(s).find(), "the script's figure", STEP), 1);
            assertTrue(Png.distinctColours(Png.decode(first)) > 1, "the script's text is drawn");
            try (var figures = Files.list(first.getParent())) {
                assertEquals(List.of("plot-1.png"), figures.map(f -> f.getFileName().toString())
                        .filter(name -> !name.startsWith("charton-data-")).toList(), // the loaded data's spool
                        "the refused plots wrote nothing to the session directory");
            }
            terminal.enter("quit");
            assertEquals(0, terminal.waitForExit(STEP));
        }
    }

    /** The shell's plot reduces as plot does: the same statistic, so the same figure, byte for byte. */
    @Test
    void plotsAreReducedAsPlotReducesThem() throws IOException {
        Path data = SeriesTable.write(tmp.resolve("series.csv"), 200_000);
        try (TerminalSession terminal = shell(data.toString())) {
            awaitPrompt(terminal, "series.csv: 200000 rows, 6 columns");
            for (String mode : List.of("auto", "none")) {
                Path out = tmp.resolve("shell-" + mode + ".png");
                terminal.enter("plot --x t --y value --color cat --reduce " + mode + " -o " + out);
                terminal.waitUntil(s -> Files.exists(out) && s.endsWith(PROMPT.strip()), "the " + mode + " figure", STEP);
                Path plotted = tmp.resolve("plot-" + mode + ".png");
                Charton.Result p = Charton.run("plot", data.toString(), "--x", "t", "--y", "value", "--color", "cat",
                        "--reduce", mode, "-o", plotted.toString()).go();
                assertEquals(0, p.exitCode(), p::toString);
                assertArrayEquals(Files.readAllBytes(plotted), Files.readAllBytes(out), "shell and plot, --reduce " + mode);
            }
            terminal.enter("quit");
            assertEquals(0, terminal.waitForExit(STEP));
        }
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("shell-auto.png")), Files.readAllBytes(tmp.resolve("shell-none.png"))),
                "M4 keeps the line, not every antialiased pixel: had nothing been reduced, both would be equal");
    }

    /** Waits for the greeting, then for the prompt: only then are keys read by the line editor. */
    private static void awaitPrompt(TerminalSession terminal, String greeting) {
        terminal.waitFor(greeting, START);
        terminal.waitUntil(s -> s.endsWith(PROMPT.strip()), "the prompt", STEP);
    }

    private static Path figure(String screen, int nth) {
        Matcher m = FIGURE.matcher(screen);
        for (int i = 0; i < nth; i++) {
            assertTrue(m.find(), screen);
        }
        return Path.of(m.group(1));
    }

    /** The PIDs of the hanging renderer's Python and of its child, once it has written them. */
    private long[] waitForPids() throws IOException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!Files.exists(pidFile)) {
            assertTrue(System.nanoTime() < deadline, "the slow renderer never started");
            TerminalSession.pause();
        }
        return Arrays.stream(Files.readString(pidFile).trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    private static void assertGone(long[] pids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TestPython.alive(pids[0]) || TestPython.alive(pids[1])) {
            assertTrue(System.nanoTime() < deadline, "Python or its child survived Ctrl-C: " + Arrays.toString(pids));
            TerminalSession.pause();
        }
    }
}
