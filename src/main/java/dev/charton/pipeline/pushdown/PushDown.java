package dev.charton.pipeline.pushdown;

import dev.charton.input.sql.SqlDialect;
import dev.charton.input.sql.SqlQuery;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.reduce.EngineGroups;
import dev.charton.pipeline.reduce.ReduceRequest;
import dev.charton.pipeline.reduce.ReducedTable;
import dev.charton.pipeline.reduce.Reductions;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compiles a chart's reduction into the SQL of the engine its table comes from, so the engine
 * sends picture-sized results instead of every row (docs/plan.md, "Push-down"): M4 for lines,
 * histogram bins, group aggregates (bars; lines, areas and scatters with --agg), heatmap cells and
 * box statistics. Java then
 * finishes the statistic from those rows exactly as it does from every row. Other charts, a table
 * that is not a query, and what the dialect cannot say exactly are reduced in Java from every row.
 */
public final class PushDown {
    private PushDown() {
    }

    /**
     * The statistic of {@code request} computed in the engine of {@code table}; empty when it cannot
     * be, with the reason given to {@code notPushed} when the table is a query. When the engine fails
     * on the SQL compiled for it (EngineFailed), its message goes to {@code engineFailed} too, and
     * the chart is reduced in Java, from the user's query alone.
     *
     * @param limits whether --xlim or --ylim is set (values outside are counted in Java, not here)
     */
    public static Optional<PushedDown> reduce(TableSource table, ReduceRequest request, ChartPlan plan, boolean limits,
                                              Schema schema, BufferAllocator allocator, Consumer<String> notPushed,
                                              Consumer<String> engineFailed) {
        if (!(table instanceof SqlQuery query)) {
            return Optional.empty();
        }
        return reduce(query, query.db().dialect(), request, plan, limits, schema, allocator, notPushed, engineFailed);
    }

    /** As {@link #reduce(TableSource, ReduceRequest, ChartPlan, boolean, Schema, BufferAllocator, Consumer, Consumer)}, in {@code dialect}. */
    static Optional<PushedDown> reduce(SqlQuery query, SqlDialect dialect, ReduceRequest request, ChartPlan plan,
                                       boolean limits, Schema schema, BufferAllocator allocator,
                                       Consumer<String> notPushed, Consumer<String> engineFailed) {
        if (request.logX() || request.logY() || limits) {
            notPushed.accept("values outside a log axis or --xlim/--ylim are counted in Java");
            return Optional.empty();
        }
        List<String> chartColumns = new ArrayList<>(request.y());
        chartColumns.addAll(Arrays.asList(request.x(), request.color(), request.facet()));
        Optional<String> clash = SqlColumns.clashingName(chartColumns);
        if (clash.isPresent()) {
            notPushed.accept("the column '" + clash.get() + "' is named as charton's own SQL names ("
                    + SqlColumns.OWN_PREFIX + "...): reduced in Java");
            return Optional.empty();
        }
        SqlColumns columns = new SqlColumns(dialect, query.text(), schema);
        EngineSession session = new EngineSession(query, allocator);
        String drawableX = plan.x() != null && columns.positioned(plan.x()) ? plan.x() : null;
        Compiled compiled = new Compiled(columns, session, request, plan, drawableX,
                DrawableSql.selectList(columns, drawableX, plan.y()), allocator);
        try {
            Optional<PushedDown> pushed = switch (request.kind()) {
                case LINE, AREA, SCATTER -> request.agg() != null ? compiled.aggregate() : compiled.m4();
                case BAR -> compiled.aggregate();
                case HIST -> compiled.histogram();
                case HEATMAP -> compiled.heatmap();
                case BOX -> compiled.box();
            };
            if (pushed.isEmpty()) {
                notPushed.accept(compiled.why != null ? compiled.why
                        : request.kind().name().toLowerCase(Locale.ROOT) + " charts of these columns are reduced in Java");
            }
            return pushed;
        } catch (EngineFailed e) {
            notPushed.accept("the engine failed on the SQL compiled for it: reduced in Java");
            engineFailed.accept(e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One chart's push-down, its queries sent through one session. */
    private static final class Compiled {
        private final SqlColumns columns;
        private final EngineSession session;
        private final ReduceRequest request;
        private final ChartPlan plan;
        private final String drawableX;
        private final String drawableList;
        private final BufferAllocator allocator;
        private String why;

        Compiled(SqlColumns columns, EngineSession session, ReduceRequest request, ChartPlan plan, String drawableX,
                 String drawableList, BufferAllocator allocator) {
            this.columns = columns;
            this.session = session;
            this.request = request;
            this.plan = plan;
            this.drawableX = drawableX;
            this.drawableList = drawableList;
            this.allocator = allocator;
        }

        /** The series and panel columns. */
        private List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (request.color() != null) {
                keys.add(request.color());
            }
            if (request.facet() != null && !Objects.equals(request.facet(), request.color())) {
                keys.add(request.facet());
            }
            return keys;
        }

        private boolean groupable(List<String> keys, List<String> values) {
            return keys.stream().allMatch(columns::key) && values.stream().allMatch(columns::number);
        }

        /**
         * A line's M4 points, the one reduction that a subset of the rows gives unchanged: an x column
         * (not the row number, which a query's rows do not have), no aggregate, a linear x axis.
         */
        Optional<PushedDown> m4() throws IOException {
            if (request.kind() != ChartKind.LINE || request.x() == null || request.y().isEmpty()) {
                return Optional.empty();
            }
            ArrowType xType = columns.typeOf(request.x());
            Optional<String> position = SqlValues.position(columns.dialect(), request.x(), xType);
            if (position.isEmpty()) {
                return Optional.empty();
            }
            String sql = M4Sql.compile(columns.dialect(), session.user().text(), plan.columns(), position.get(),
                    request.x(), request.y(), keys(), request.gridColumns(), drawableList,
                    DrawableSql.names(drawableX, plan.y().size()));
            try (SpoolBatches rows = session.fetch(sql)) {
                EngineCounts counts = rows.rows() > 0 ? firstRowCounts(rows) : counts();
                return Optional.of(finish(Reductions.of(request).reduce(rows, allocator), counts));
            }
        }

        Optional<PushedDown> aggregate() throws IOException {
            List<String> keys = new ArrayList<>(List.of(request.x()));
            keys.addAll(keys());
            if (request.x() == null || !groupable(keys, request.y())) {
                return Optional.empty();
            }
            boolean keepNullX = !columns.positioned(request.x()) || columns.typeOf(request.x()) instanceof ArrowType.Bool;
            EngineCounts counts = counts();
            String sql = AggregateSql.compile(columns, plan.columns(), request.x(), keys, request.y(), keepNullX,
                    request.kind() == ChartKind.LINE);
            try (SpoolBatches rows = session.fetch(sql)) {
                return Optional.of(finish(EngineGroups.aggregate(request).reduce(rows, allocator), counts));
            }
        }

        Optional<PushedDown> histogram() throws IOException {
            List<String> counted = EngineGroups.counted(request);
            if (counted.isEmpty() || !groupable(keys(), counted)) {
                return Optional.empty();
            }
            HistogramSql sql = new HistogramSql(columns, plan.columns(), counted, keys());
            Map<String, Object> statistics = session.row(sql.statistics(drawableList));
            double[] range = HistogramSql.range(statistics, counted.size());
            if (range[0] == 0) {
                why = "no finite values to count: Java says which";
                return Optional.empty();
            }
            Optional<HistogramSql.Counted> bins;
            try {
                bins = sql.bins(session, (long) range[0], range[1], range[2], request.bins());
            } catch (IllegalArgumentException e) {
                why = "the bins cannot be drawn: Java says why";
                return Optional.empty();
            }
            if (bins.isEmpty()) {
                why = "numpy's \"auto\" bins need exact quartiles, which " + columns.dialect() + " SQL lacks: reduced in Java";
                return Optional.empty();
            }
            try (SpoolBatches rows = bins.get().rows()) {
                return Optional.of(finish(EngineGroups.bins(request, bins.get().bins()).reduce(rows, allocator),
                        DrawableSql.read(statistics, plan.y().size())));
            }
        }

        /**
         * A heatmap's cells, when its axes and panels are keys the engine groups as Java does and the
         * --color value is a number.
         */
        Optional<PushedDown> heatmap() throws IOException {
            if (request.x() == null || request.y().size() != 1) {
                return Optional.empty();
            }
            List<String> axes = List.of(request.x(), request.y().get(0));
            List<String> named = new ArrayList<>(axes);
            if (request.facet() != null) {
                named.add(request.facet());
            }
            if (request.color() != null) {
                named.add(request.color());
            }
            if (named.stream().distinct().count() != named.size() || !named.stream().allMatch(columns::key)
                    || request.color() != null && !columns.number(request.color())) {
                return Optional.empty();
            }
            HeatmapSql sql = new HeatmapSql(columns, plan.columns(), axes);
            Map<String, Object> statistics = session.row(sql.statistics(drawableList));
            List<EngineGroups.AxisCounts> counts = new ArrayList<>();
            List<String[]> edges = new ArrayList<>();
            for (int axis = 0; axis < 2; axis++) {
                EngineGroups.AxisCounts axisCounts = sql.axis(statistics, axis);
                if (axisCounts.many() && sql.infinite(statistics, axis)) {
                    why = "infinite values on a heatmap axis: Java says why they cannot be binned";
                    return Optional.empty();
                }
                Optional<String[]> axisEdges = axisCounts.many() && sql.temporal(axis)
                        ? sql.timeEdges(axis, axisCounts.calendar(columns.typeOf(axes.get(axis)), request))
                        : Optional.of(sql.numberEdges(axisCounts.edges(request)));
                if (axisEdges.isEmpty()) {
                    why = "a heatmap's time intervals finer than a microsecond or beyond its unit's range are cut in Java";
                    return Optional.empty();
                }
                counts.add(axisCounts);
                edges.add(axisEdges.get());
            }
            try (SpoolBatches rows = session.fetch(sql.cells(edges, request.facet(), request.color()))) {
                return Optional.of(finish(EngineGroups.cells(request, counts.get(0), counts.get(1)).reduce(rows, allocator),
                        DrawableSql.read(statistics, plan.y().size())));
            }
        }

        /**
         * Boxes, on engines charton computes exact quantiles in (the quartiles are picked by rank, a
         * sort per box: not asked of an unknown engine, which is left to Java like "auto" bins).
         */
        Optional<PushedDown> box() throws IOException {
            List<String> keys = new ArrayList<>();
            if (request.x() != null) {
                keys.add(request.x());
            }
            keys.addAll(keys());
            if (request.y().isEmpty() || !groupable(keys, request.y())) {
                return Optional.empty();
            }
            if (!columns.dialect().exactQuantiles()) {
                why = "box quartiles are computed in the engine only where it has exact quantiles, which "
                        + columns.dialect() + " SQL lacks: reduced in Java";
                return Optional.empty();
            }
            Map<String, Object> statistics = session.row(new HistogramSql(columns, plan.columns(), request.y(), keys())
                    .statistics(drawableList));
            double[] range = HistogramSql.range(statistics, request.y().size());
            String sql = new BoxSql(columns, plan.columns(), request.y(), keys)
                    .boxes(range[1], range[2], EngineGroups.flierRows(request));
            try (SpoolBatches rows = session.fetch(sql)) {
                return Optional.of(finish(EngineGroups.boxes(request).reduce(rows, allocator),
                        DrawableSql.read(statistics, plan.y().size())));
            }
        }

        /** The drawable counts of the user's rows, in a query of their own. */
        private EngineCounts counts() {
            return DrawableSql.read(session.row(columns.with(plan.columns(), false) + "\nSELECT " + drawableList
                    + " FROM " + SqlColumns.ROWS), plan.y().size());
        }

        private EngineCounts firstRowCounts(SpoolBatches rows) {
            List<Map<String, Object>> first = new ArrayList<>();
            rows.scan((batch, dictionaries) -> {
                if (first.isEmpty() && batch.getRowCount() > 0) {
                    Map<String, Object> row = new HashMap<>();
                    batch.getFieldVectors().forEach(v -> row.put(v.getName(), v.getObject(0)));
                    first.add(row);
                }
            });
            return DrawableSql.read(first.get(0), plan.y().size());
        }

        private PushedDown finish(ReducedTable table, EngineCounts counts) {
            table.reduced().put("rows_read", counts.rows());
            return new PushedDown(table, session.sent(), session.rowsFetched(), counts);
        }
    }
}
