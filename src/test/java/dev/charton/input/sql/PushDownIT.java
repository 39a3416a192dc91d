package dev.charton.input.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.pipeline.ReducedFiguresIT;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Histograms, group aggregates, heatmap cells and boxes reduced in the engine (--reduce auto) against the same chart from
 * every row (--reduce none), on each engine of PushDownEngines: the two PNGs decoded must be
 * identical pixel for pixel, the warnings on values not drawn the same, and the rows that left the
 * engine picture-sized (at most 2,000 rows of the 200,000). A scatter with --agg is compared with
 * Java's reduction in AnsiPushDownIT only: Java's own scatter aggregate already differs from
 * --reduce none in its pixels (marker sizes), with or without an engine.
 */
class PushDownIT {
    private static final String ALL = "SELECT * FROM " + PushDownEngines.TABLE;
    /** Few rows: numpy's "auto" needs the quartiles (the 100 bins' counts do not settle it). */
    private static final String FEW = ALL + " WHERE id < 300";
    /** Finite values of v only: a heatmap axis with infinities is not binned (Java says why). */
    private static final String FINITE = ALL + " WHERE v < 1000";
    /** A timestamp a minute apart per row: 139 days, binned by week (or by month into at most 6 intervals). */
    private static final String MINUTES = "SELECT *, TIMESTAMP '2024-02-27 13:30:00' + id * INTERVAL '1 minute' AS t FROM "
            + PushDownEngines.TABLE;

    @TempDir
    Path tmp;

    static Stream<Arguments> charts() {
        List<String[]> charts = List.of(
                new String[]{ALL, "--kind hist --y v"},
                new String[]{ALL, "--kind hist --y v --y q --color side --bins 12"},
                new String[]{FEW, "--kind hist --y v --facet cat"},
                new String[]{ALL, "--kind bar --x cat --y q --agg mean --color side"},
                new String[]{ALL, "--kind bar --x cat"},
                new String[]{ALL, "--kind bar --x n --y q"},
                new String[]{ALL, "--kind line --x day --y q --agg max --color cat"},
                new String[]{ALL, "--kind heatmap --x n --y cat"},
                new String[]{ALL, "--kind heatmap --x id --y n --color q --agg mean"},
                new String[]{FINITE, "--kind heatmap --x id --y v --facet side"},
                new String[]{ALL, "--kind heatmap --x day --y cat"},
                new String[]{MINUTES, "--kind heatmap --x t --y side --color q --agg max"},
                new String[]{MINUTES, "--kind heatmap --x cat --y t --bins 6"},
                new String[]{ALL, "--kind box --x cat --y q --color side"},
                new String[]{ALL, "--kind box --y v --y q --facet side"});
        List<Arguments> all = new ArrayList<>();
        for (String engine : PushDownEngines.NAMES) {
            for (String[] chart : charts) {
                all.add(Arguments.of(engine, chart[0], chart[1]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {2} of {1}")
    @MethodSource("charts")
    void theEnginesStatisticDrawsTheSamePictureAsEveryRow(String engineName, String query, String chart)
            throws Exception {
        SqlEngine engine = PushDownEngines.engine(engineName);
        Charton.Result pushed = draw(engine, query, chart, "auto");
        Charton.Result every = draw(engine, query, chart, "none");
        JsonNode timings = ReducedFiguresIT.timings(pushed).path("java");
        assertTrue(timings.path("push_down").isMissingNode(), "not pushed down: " + timings);
        String sql = timings.path("query").asText();
        assertTrue(sql.contains(PushDownEngines.TABLE) && sql.contains("GROUP BY"), "the SQL sent: " + sql);
        if (engine.secret() != null) {
            assertFalse(pushed.stderr().contains(engine.secret()), pushed.stderr());
        }
        long rows = ReducedFiguresIT.timings(every).path("java").path("rows_read").asLong();
        assertEquals(rows, timings.path("rows_read").asLong(), timings.toString());
        long fetched = timings.path("rows_fetched").asLong();
        assertTrue(fetched > 0 && fetched <= 2_000, "rows that left the engine: " + fetched);
        assertEquals(warnings(every), warnings(pushed));
        BufferedImage engineImage = Png.decode(tmp.resolve("auto.png"));
        BufferedImage everyRow = Png.decode(tmp.resolve("none.png"));
        assertEquals(0, differingPixels(engineImage, everyRow), chart + ": pixels differ");
    }

    /**
     * Columns named as charton's compiled SQL names its own: pushed down, a line's colour column
     * {@code charton_px} was read as charton's pixel column, and the line came out as a few rows
     * drawn wrong with exit 0. Such a chart is reduced in Java, saying why, and is the line of every
     * row (within ReducedFiguresIT's tolerance for M4 lines: 2% of the pixels by more than 16 levels).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void columnsNamedAsChartonsOwnAreReducedInJava(String engineName) throws Exception {
        SqlEngine engine = PushDownEngines.engine(engineName);
        String query = "SELECT id AS charton_row, q AS \"CHARTON_FIRST\", side AS charton_px FROM " + PushDownEngines.TABLE;
        String chart = "--kind line --x charton_row --y CHARTON_FIRST --color charton_px";
        Charton.Result reduced = draw(engine, query, chart, "auto");
        draw(engine, query, chart, "none");
        JsonNode timings = ReducedFiguresIT.timings(reduced).path("java");
        assertEquals("the column 'CHARTON_FIRST' is named as charton's own SQL names (charton_...): reduced in Java",
                timings.path("push_down").asText(), timings.toString());
        double share = Png.differingShare(Png.decode(tmp.resolve("auto.png")), Png.decode(tmp.resolve("none.png")), 16);
        assertTrue(share <= 0.02, share + " of the pixels differ by more than 16 levels");
    }

    static Stream<String> engines() {
        return PushDownEngines.NAMES.stream();
    }

    private Charton.Result draw(SqlEngine engine, String query, String chart, String reduce) {
        List<String> args = new ArrayList<>(List.of("plot", "--db", engine.url(), "--sql", query));
        args.addAll(List.of(chart.split(" ")));
        args.addAll(List.of("--reduce", reduce, "-o", tmp.resolve(reduce + ".png").toString()));
        Charton.Result r = engine.env().apply(Charton.run(args.toArray(String[]::new)).env("CHARTON_TIMINGS", "1")).go();
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private static List<String> warnings(Charton.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("charton: warning")).toList();
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differing += a.getRGB(x, y) == b.getRGB(x, y) ? 0 : 1;
            }
        }
        return differing;
    }
}
