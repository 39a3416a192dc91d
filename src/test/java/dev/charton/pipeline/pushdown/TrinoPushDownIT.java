package dev.charton.pipeline.pushdown;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.input.TableReader;
import dev.charton.input.sql.DatabaseUrl;
import dev.charton.input.sql.SqlQuery;
import dev.charton.lifecycle.Deadline;
import dev.charton.pipeline.ReducedFiguresIT;
import dev.charton.pipeline.plan.Aggregation;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.reduce.ReduceRequest;
import dev.charton.pipeline.reduce.ReducedTable;
import dev.charton.pipeline.reduce.Reductions;
import dev.charton.table.ArrowSpool;
import dev.charton.testing.Charton;
import dev.charton.testing.Png;
import dev.charton.testing.TrinoServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Histograms, group aggregates, heatmaps and boxes pushed into a real Trino (TrinoServer: a
 * coordinator and a worker, the table's rows spread over both). Trino keeps no row order, so
 * charton orders the groups by their keys sorted, nulls last: the statistic from the engine must
 * equal Java's from every row of the same query sorted by those keys (the order Java meets the
 * groups in), as a reduced table (in this JVM, fast) and, for one chart of each kind, as the PNG
 * drawn with --reduce none. When the engine fails on the SQL charton compiled, the chart is reduced
 * in Java with one warning; when the user's query itself fails, that is the one error.
 */
class TrinoPushDownIT {
    private static final String TABLE = "pushdown";
    private static final int ROWS = 100_000;
    private static final String ALL = "SELECT * FROM " + TABLE;
    /** Few rows: numpy's "auto" bins need the quartiles, which Trino picks by rank. */
    private static final String FEW = ALL + " WHERE id < 300";
    /**
     * Finite v and a q in every row: with several --y columns, Java orders a group's columns by the
     * first row holding a value of each, which sorting by the keys alone does not fix.
     */
    private static final String FULL = ALL + " WHERE v < 1000 AND q IS NOT NULL";

    private static TrinoServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadTable() {
        server = TrinoServer.shared();
        // PushDownEngines' table in Trino's SQL: nulls, infinities, a text column whose values first
        // appear out of order, dates. sequence() stops at 10,000 values: the rows are a product of two.
        server.execute("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " AS SELECT i AS id,"
                + " CASE WHEN i % 101 = 0 THEN NULL WHEN i % 997 = 0 THEN infinity()"
                + " ELSE sin(i / 300.0) * 10 + (i % 13) END AS v,"
                + " CASE WHEN i % 89 = 0 THEN NULL ELSE CAST(i % 40 AS double) / 4 END AS q,"
                + " CAST(i % 17 AS integer) AS n,"
                + " CASE WHEN i % 211 = 0 THEN NULL ELSE 'c' || CAST((i * 7) % 5 AS varchar) END AS cat,"
                + " CASE WHEN i % 3 = 0 THEN 'left' ELSE 'right' END AS side,"
                + " date_add('day', i % 60, DATE '2024-01-01') AS day"
                + " FROM (SELECT a.x * 1000 + b.y AS i FROM UNNEST(sequence(0, " + (ROWS / 1000 - 1) + ")) AS a(x)"
                + " CROSS JOIN UNNEST(sequence(0, 999)) AS b(y))");
    }

    static Stream<Arguments> tables() {
        List<Arguments> all = new ArrayList<>();
        for (String agg : List.of("sum", "mean", "count", "min", "max")) {
            all.add(Arguments.of(ALL, request(ChartKind.BAR, "cat", List.of("q"), "side", null, agg, null)));
        }
        all.addAll(List.of(
                Arguments.of(ALL, request(ChartKind.BAR, "cat", List.of(), null, null, null, null)),
                Arguments.of(ALL, request(ChartKind.SCATTER, "n", List.of("v"), null, "side", "min", null)),
                Arguments.of(ALL, request(ChartKind.LINE, "day", List.of("q"), "cat", null, "max", null)),
                Arguments.of(ALL, request(ChartKind.HIST, null, List.of("v"), null, null, null, null)),
                Arguments.of(FULL, request(ChartKind.HIST, null, List.of("v", "q"), "side", null, null, 12)),
                Arguments.of(FEW, request(ChartKind.HIST, null, List.of("v"), null, "cat", null, null)),
                Arguments.of(ALL, request(ChartKind.HEATMAP, "n", List.of("cat"), null, null, null, null)),
                Arguments.of(ALL, request(ChartKind.HEATMAP, "id", List.of("n"), "q", null, "mean", null)),
                Arguments.of(FULL, request(ChartKind.HEATMAP, "v", List.of("cat"), null, "side", null, null)),
                Arguments.of(ALL, request(ChartKind.HEATMAP, "day", List.of("cat"), null, null, null, null)),
                Arguments.of(ALL, request(ChartKind.BOX, "cat", List.of("q"), "side", null, null, null)),
                Arguments.of(FULL, request(ChartKind.BOX, null, List.of("v", "q"), null, "side", null, null))));
        return all.stream();
    }

    private static ReduceRequest request(ChartKind kind, String x, List<String> y, String color, String facet,
                                         String agg, Integer bins) {
        return new ReduceRequest(kind, x, y, color, facet, agg, bins, 640, 480, 1, 1, false, false);
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("tables")
    void theEnginesStatisticIsJavasOfEveryRowSortedByTheKeys(String sql, ReduceRequest request) throws Exception {
        ChartPlan plan = new ChartPlan(request.kind(), request.x(), request.y(), request.color(), request.facet(),
                request.agg() == null ? null : Aggregation.named(request.agg()), request.bins());
        // The groups' keys: x (not a histogram's), a heatmap's y, then color (a heatmap's is its value) and panel.
        boolean heatmap = request.kind() == ChartKind.HEATMAP;
        List<String> keys = new ArrayList<>();
        Stream.of(request.kind() == ChartKind.HIST ? null : request.x(), heatmap ? request.y().get(0) : null,
                        heatmap ? null : request.color(), request.facet())
                .filter(key -> key != null && !keys.contains(key)).forEach(keys::add);
        // The chart's columns of the query, sorted (at the top level, where Trino keeps an ORDER BY).
        String sorted = "SELECT " + String.join(", ", plan.columns()) + " FROM (" + sql + ")"
                + (keys.isEmpty() ? "" : " ORDER BY " + String.join(" NULLS LAST, ", keys) + " NULLS LAST");
        List<String> why = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader rows = query(sorted).open(null, allocator);
             SpoolBatches every = new SpoolBatches(ArrowSpool.copy(rows, "every row"), allocator);
             ReducedTable java = Reductions.of(request).reduce(every, allocator)) {
            Optional<PushedDown> pushed = PushDown.reduce(query(sql), request, plan, false, every.schema(), allocator,
                    why::add, failure -> fail("the engine failed: " + failure));
            assertTrue(pushed.isPresent(), "not pushed: " + why);
            try (PushedDown engine = pushed.get()) {
                assertEquals(java.reduced(), engine.table().reduced());
                assertEquals(java.root().contentToTSVString(), engine.table().root().contentToTSVString());
                assertTrue(engine.rowsFetched() < 2_000, "rows that left the engine: " + engine.rowsFetched());
            }
        }
    }

    private static SqlQuery query(String sql) {
        return new SqlQuery(sql, new DatabaseUrl(server.url()), null, null, Deadline.after(null));
    }

    /**
     * A chart of each kind drawn from the engine's statistic and from every row: the same PNG. Every
     * row comes sorted by the keys from a subquery with a LIMIT, whose order Trino keeps (it drops
     * an ORDER BY without one, and charton's projection makes the query a subquery).
     */
    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("pictures")
    void theEnginesStatisticDrawsTheSamePictureAsEveryRow(String sql, String chart, String keys) throws Exception {
        Charton.Result pushed = draw(sql, chart, "auto");
        Charton.Result every = draw(sql + " ORDER BY " + keys + " LIMIT " + ROWS, chart, "none");
        JsonNode timings = ReducedFiguresIT.timings(pushed).path("java");
        assertTrue(timings.path("push_down").isMissingNode(), "not pushed down: " + timings);
        assertTrue(timings.path("query").asText().contains("GROUP BY"), "the SQL sent: " + timings);
        assertEquals(ReducedFiguresIT.timings(every).path("java").path("rows_read").asLong(),
                timings.path("rows_read").asLong(), timings.toString());
        long fetched = timings.path("rows_fetched").asLong();
        assertTrue(fetched > 0 && fetched <= 2_000, "rows that left the engine: " + fetched);
        assertEquals(warnings(every), warnings(pushed));
        assertEquals(0.0, Png.differingShare(Png.decode(tmp.resolve("auto.png")), Png.decode(tmp.resolve("none.png")), 0),
                chart + ": pixels differ");
    }

    static Stream<Arguments> pictures() {
        return Stream.of(
                Arguments.of(FEW, "--kind hist --y v --facet cat", "cat NULLS LAST"),
                Arguments.of(ALL, "--kind bar --x cat --y q --agg mean --color side", "cat NULLS LAST, side"),
                Arguments.of(FULL, "--kind heatmap --x id --y v --facet side", "id, v, side"),
                // 60 days: more than the 50 cells, so binned on calendar steps compared as timestamps.
                Arguments.of(ALL, "--kind heatmap --x day --y cat", "day, cat NULLS LAST"),
                Arguments.of(ALL, "--kind box --x cat --y q --color side", "cat NULLS LAST, side"));
    }

    /**
     * A column of the user's named as one of charton's own (which made Trino reject the SQL compiled
     * around the query as ambiguous, and could make an engine read charton's column for the user's)
     * is never pushed down: the chart is reduced in Java, saying why, and is the picture of every row.
     */
    @Test
    void aColumnNamedAsChartonsOwnIsReducedInJava() throws Exception {
        String sql = "SELECT v AS " + SqlColumns.ROW_NUMBER + ", side FROM " + TABLE;
        String chart = "--kind hist --y " + SqlColumns.ROW_NUMBER + " --color side";
        Charton.Result inJava = draw(sql, chart, "auto");
        Charton.Result every = draw(sql, chart, "none");
        assertEquals("the column 'charton_row' is named as charton's own SQL names (charton_...): reduced in Java",
                ReducedFiguresIT.timings(inJava).path("java").path("push_down").asText());
        assertEquals(warnings(every), warnings(inJava));
        assertEquals(0.0, Png.differingShare(Png.decode(tmp.resolve("auto.png")), Png.decode(tmp.resolve("none.png")), 0));
    }

    /** The user's query failing as it runs (the schema read before passes) is the one error, 65, with Trino's message. */
    @Test
    void theUsersQueryFailingIsTheOneError() {
        Path out = tmp.resolve("x.png");
        Charton.Result r = Charton.run("plot", "--db", server.url(), "--sql", "SELECT 1 / (id - 5) AS y FROM " + TABLE,
                "--kind", "hist", "--y", "y", "-o", out.toString()).go();
        assertEquals(65, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("charton: ") && r.stderr().contains("Division by zero"), r.stderr());
        assertFalse(Files.exists(out));
    }

    private Charton.Result draw(String sql, String chart, String reduce) {
        List<String> args = new ArrayList<>(List.of("plot", "--db", server.url(), "--sql", sql));
        args.addAll(List.of(chart.split(" ")));
        args.addAll(List.of("--reduce", reduce, "-o", tmp.resolve(reduce + ".png").toString()));
        Charton.Result r = Charton.run(args.toArray(String[]::new)).env("CHARTON_TIMINGS", "1").go();
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private static List<String> warnings(Charton.Result r) {
        return r.stderr().lines().filter(l -> l.startsWith("charton: warning")).toList();
    }
}
