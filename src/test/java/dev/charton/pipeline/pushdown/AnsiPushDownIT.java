package dev.charton.pipeline.pushdown;

import dev.charton.input.TableReader;
import dev.charton.input.sql.DatabaseUrl;
import dev.charton.input.sql.PushDownEngines;
import dev.charton.input.sql.SqlDialect;
import dev.charton.input.sql.SqlEngine;
import dev.charton.input.sql.SqlQuery;
import dev.charton.lifecycle.Deadline;
import dev.charton.pipeline.plan.Aggregation;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.reduce.ReduceRequest;
import dev.charton.pipeline.reduce.ReducedTable;
import dev.charton.pipeline.reduce.Reductions;
import dev.charton.table.ArrowSpool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SQL charton writes for the ANSI fallback, and for each engine's own dialect, executed for real
 * on DuckDB and PostgreSQL: the reduced table from the engine's statistic must equal, value for
 * value, Java's reduction of every row of the same query. Where ANSI SQL cannot say a statistic
 * (exact quartiles for numpy's "auto" bins, unless the 100 bins' counts settle them), nothing is
 * pushed and the reason is given.
 */
class AnsiPushDownIT {
    private static final String ALL = "SELECT * FROM " + PushDownEngines.TABLE;
    private static final String FEW = ALL + " WHERE id < 300";
    private static final String FINITE = ALL + " WHERE v < 1000";
    /** Most values near 0, a long tail to 1: numpy's "auto" wants more than 100 bins, the 100 bins' counts show it. */
    private static final String TAILED = "SELECT CAST(1 AS DOUBLE PRECISION) / (1 + id % 1000) AS r, side FROM "
            + PushDownEngines.TABLE;

    /** A timestamp a minute apart per row: 139 days, cut into weeks (or into at most 5 months). */
    private static final String MINUTES = "SELECT *, TIMESTAMP '2024-02-27 13:30:00' + id * INTERVAL '1 minute' AS t FROM "
            + PushDownEngines.TABLE;

    static Stream<Arguments> cases() {
        List<Object[]> charts = List.of(
                new Object[]{ALL, request(ChartKind.HIST, null, List.of("v"), null, null, null, null)},
                new Object[]{TAILED, request(ChartKind.HIST, null, List.of("r"), "side", null, null, null)},
                new Object[]{ALL, request(ChartKind.HIST, null, List.of("v", "q"), "side", null, null, 12)},
                new Object[]{FEW, request(ChartKind.HIST, null, List.of("v"), null, "cat", null, null)},
                new Object[]{ALL, request(ChartKind.BAR, "cat", List.of("q"), "side", null, "mean", null)},
                new Object[]{ALL, request(ChartKind.BAR, "cat", List.of(), null, null, null, null)},
                new Object[]{ALL, request(ChartKind.BAR, "n", List.of("q"), null, "side", null, null)},
                new Object[]{ALL, request(ChartKind.LINE, "day", List.of("q"), "cat", null, "max", null)},
                new Object[]{ALL, request(ChartKind.LINE, "id", List.of("v"), "side", null, null, null)},
                new Object[]{ALL, request(ChartKind.SCATTER, "n", List.of("v"), null, "side", "min", null)},
                new Object[]{ALL, request(ChartKind.HEATMAP, "n", List.of("cat"), null, null, null, null)},
                new Object[]{ALL, request(ChartKind.HEATMAP, "id", List.of("n"), "q", null, "mean", null)},
                new Object[]{FINITE, request(ChartKind.HEATMAP, "id", List.of("v"), "q", "side", "sum", 7)},
                new Object[]{FINITE, request(ChartKind.HEATMAP, "v", List.of("cat"), null, "side", null, null)},
                // 60 days: more than a heatmap's 50 cells, so the axis is cut into calendar intervals (weeks).
                new Object[]{ALL, request(ChartKind.HEATMAP, "day", List.of("cat"), "q", null, null, null)},
                new Object[]{MINUTES, request(ChartKind.HEATMAP, "t", List.of("side"), "q", null, "max", null)},
                new Object[]{MINUTES, request(ChartKind.HEATMAP, "cat", List.of("t"), null, "side", null, 5)},
                new Object[]{ALL, request(ChartKind.BOX, "cat", List.of("q"), "side", null, null, null)},
                new Object[]{ALL, request(ChartKind.BOX, null, List.of("v", "q"), null, "side", null, null)},
                new Object[]{FEW, request(ChartKind.BOX, "n", List.of("v"), null, null, null, null)},
                new Object[]{TAILED, request(ChartKind.BOX, null, List.of("r"), "side", null, null, null)});
        List<Arguments> all = new ArrayList<>();
        for (String engine : PushDownEngines.NAMES) {
            for (SqlDialect dialect : List.of(SqlDialect.ANSI, SqlDialect.of(urlOf(engine)))) {
                for (Object[] chart : charts) {
                    all.add(Arguments.of(engine, dialect, chart[0], chart[1]));
                }
            }
        }
        return all.stream();
    }

    private static String urlOf(String engine) {
        return engine.equals("DuckDB") ? "jdbc:duckdb:" : "jdbc:postgresql:";
    }

    private static ReduceRequest request(ChartKind kind, String x, List<String> y, String color, String facet,
                                         String agg, Integer bins) {
        return new ReduceRequest(kind, x, y, color, facet, agg, bins, 640, 480, 1, 1, false, false);
    }

    @ParameterizedTest(name = "{0} in {1}: {3} of {2}")
    @MethodSource("cases")
    void theEnginesStatisticIsJavasOfEveryRow(String engineName, SqlDialect dialect, String sql, ReduceRequest request)
            throws Exception {
        SqlEngine engine = PushDownEngines.engine(engineName);
        String url = engine.secret() == null ? engine.url() : engine.url() + "&password=" + engine.secret();
        SqlQuery query = new SqlQuery(sql, new DatabaseUrl(url), null, null, Deadline.after(null));
        ChartPlan plan = new ChartPlan(request.kind(), request.x(), request.y(), request.color(), request.facet(),
                request.agg() == null ? null : Aggregation.named(request.agg()), request.bins());
        List<String> why = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader rows = query.open(plan.columns(), allocator);
             SpoolBatches every = new SpoolBatches(ArrowSpool.copy(rows, "every row"), allocator);
             ReducedTable java = Reductions.of(request).reduce(every, allocator)) {
            Schema schema = every.schema();
            Optional<PushedDown> pushed = PushDown.reduce(query, dialect, request, plan, false, schema, allocator,
                    why::add, failure -> fail("the engine failed: " + failure));
            boolean ansiNeedsQuartiles = dialect == SqlDialect.ANSI && request.kind() == ChartKind.HIST
                    && request.bins() == null && !sql.equals(TAILED);
            if (ansiNeedsQuartiles) {
                assertTrue(pushed.isEmpty() && why.get(0).contains("exact quartiles"), "pushed: " + pushed + why);
                return;
            }
            if (dialect == SqlDialect.ANSI && request.kind() == ChartKind.BOX) {
                assertTrue(pushed.isEmpty() && why.get(0).contains("exact quantiles"), "pushed: " + pushed + why);
                return;
            }
            assertTrue(pushed.isPresent(), "not pushed: " + why);
            try (PushedDown engineTable = pushed.get()) {
                assertEquals(java.reduced(), engineTable.table().reduced());
                assertEquals(java.root().contentToTSVString(), engineTable.table().root().contentToTSVString());
                // M4 keeps up to four rows per pixel column and series, and every row tied on y.
                assertTrue(engineTable.rowsFetched() < PushDownEngines.ROWS / 20, "rows that left the engine: "
                        + engineTable.rowsFetched());
            }
        }
    }
}
