package dev.charton.shell;

import dev.charton.input.sql.PushDownEngines;
import dev.charton.input.sql.SqlEngine;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.Repo;
import dev.charton.testing.TestPython;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code load --db URL --sql QUERY} in a real terminal, then {@code plot}: the shell holds the
 * query's result and draws from it the picture {@code charton plot} draws with the statistic
 * computed in the engine.
 */
class ShellSqlIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final Pattern FIGURE = Pattern.compile("figure: (\\S+)");
    private static final String QUERY = "SELECT * FROM " + PushDownEngines.TABLE;
    private static final String CHART = "--kind bar --x cat --y q --agg mean --color side";

    @TempDir
    Path tmp;

    static List<String> engines() {
        return PushDownEngines.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aLoadedQueryIsPlottedAsTheEngineWouldReduceIt(String engineName) throws Exception {
        TestPython.interpreter();
        SqlEngine engine = PushDownEngines.engine(engineName);
        Map<String, String> env = new HashMap<>(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString(),
                "CHARTON_INLINE_IMAGES", "none"));
        if (engine.secret() != null) {
            env.put("CHARTON_DB_PASSWORD", engine.secret());
        }
        Path shellFigure;
        try (TerminalSession terminal = TerminalSession.start(tmp, env,
                List.of(Repo.launcher().toString(), "shell"))) {
            terminal.waitFor("no data loaded", START);
            terminal.enter("load --db " + engine.url() + " --sql \"" + QUERY + "\"");
            terminal.waitFor(PushDownEngines.ROWS + " rows, 7 columns", STEP);
            terminal.enter("plot " + CHART);
            shellFigure = figure(terminal.waitUntil(s -> FIGURE.matcher(s).find(), "the figure's path", STEP));
            terminal.enter("quit");
            assertEquals(0, terminal.waitForExit(STEP));
        }
        Path direct = tmp.resolve("direct.png");
        List<String> args = new java.util.ArrayList<>(List.of("plot", "--db", engine.url(), "--sql", QUERY));
        args.addAll(List.of(CHART.split(" ")));
        args.addAll(List.of("-o", direct.toString()));
        Charton.Result r = engine.env().apply(Charton.run(args.toArray(String[]::new))).go();
        assertEquals(0, r.exitCode(), r.toString());
        BufferedImage fromShell = Png.decode(shellFigure);
        BufferedImage fromEngine = Png.decode(direct);
        assertEquals(fromEngine.getWidth(), fromShell.getWidth());
        assertEquals(fromEngine.getHeight(), fromShell.getHeight());
        assertTrue(Png.distinctColours(fromShell) > 10, "a drawn chart, not a blank canvas");
        assertArrayEquals(fromEngine.getRGB(0, 0, fromEngine.getWidth(), fromEngine.getHeight(), null, 0,
                fromEngine.getWidth()), fromShell.getRGB(0, 0, fromShell.getWidth(), fromShell.getHeight(), null, 0,
                fromShell.getWidth()), "the shell's figure and the engine-reduced one differ");
    }

    private static Path figure(String screen) {
        Matcher m = FIGURE.matcher(screen);
        assertTrue(m.find(), screen);
        return Path.of(m.group(1));
    }
}
