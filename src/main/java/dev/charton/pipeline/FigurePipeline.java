package dev.charton.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.error.Warnings;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.input.UnknownColumnException;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.plan.ChartPlanner;
import dev.charton.pipeline.plan.FirstBatchAhead;
import dev.charton.pipeline.pushdown.EngineCounts;
import dev.charton.pipeline.pushdown.PushDown;
import dev.charton.pipeline.pushdown.PushedDown;
import dev.charton.pipeline.reduce.ReduceRequest;
import dev.charton.pipeline.reduce.ReducedTable;
import dev.charton.pipeline.reduce.Reduction;
import dev.charton.pipeline.reduce.Reductions;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.table.ArrowIpcWriter;
import dev.charton.table.ArrowStreamSender;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one figure pipeline that plot, batch and the shell drive: a table source, read with the
 * plan's projection, planned once its types are known, reduced to what the picture needs, sent to
 * Python as one Arrow stream, and drawn. Where the table comes from, which worker draws and where
 * the figure goes are the drivers' own.
 */
public final class FigurePipeline {
    private FigurePipeline() {
    }

    /**
     * A figure drawn, with the rows read from the table, the rows that reached Python, and the
     * warning on values it could not draw (null when it drew every one).
     */
    public record Drawn(PythonWorker.Rendered rendered, long rowsRead, long rowsSent, String warning) {
        public byte[] figure() {
            return rendered.figure();
        }

        /** This drawing with {@code first} said before its own warning, on the same line. */
        Drawn warnedFirst(String first) {
            return new Drawn(rendered, rowsRead, rowsSent, warning == null ? first : first + "; " + warning);
        }
    }

    /** Draws {@code request} from {@code table} on {@code renderer}; {@code id} names the request on the wire. */
    public static Drawn draw(RenderRequest request, TableSource table, FigureRenderer renderer, long id, Timings timings) {
        Planning planning = Planning.of(request);
        try {
            return draw(request, table, renderer, id, timings, planning);
        } catch (UnknownColumnException e) {
            throw planning.planner() == null ? e : planning.planner().naming(e);
        }
    }

    private static Drawn draw(RenderRequest request, TableSource table, FigureRenderer renderer, long id, Timings timings,
                              Planning planning) {
        try (BufferAllocator allocator = new RootAllocator();
             FirstBatchAhead reader = new FirstBatchAhead(table.open(planning.projection(), allocator))) {
            timings.mark("input_opened_at");
            ChartPlan plan = planning.plan(reader, table.displayName());
            if (plan == null) {
                return sendRows(request, reader, null, table.displayName(), renderer, id, timings);
            }
            DrawableValues drawable = planning.builtin() ? DrawableValues.of(plan, request.spec(), table.displayName())
                    : null;
            boolean exact = plan.columns().equals(planning.projection());
            TableReader projected = exact ? reader : TableReaders.keep(reader, plan.columns(), table.displayName());
            RenderRequest planned = request.planned(plan);
            ReduceRequest reduction = request.reduces() ? PictureGrid.reduceRequest(plan, request) : null;
            if (reduction == null || !Reductions.supports(reduction, projected.root().getSchema())) {
                // A template plugin gets every column; charton's renderers only the chart's.
                TableReader sent = planning.builtin() ? projected : reader;
                return sendRows(planned, sent, drawable, table.displayName(), renderer, id, timings);
            }
            List<String> engineFailed = new ArrayList<>();
            Optional<PushedDown> pushed = pushDown(request, table, reduction, plan, projected, allocator, timings,
                    engineFailed::add);
            if (pushed.isPresent()) {
                try (PushedDown engine = pushed.get()) {
                    timings.mark("input_reduced_at");
                    timings.note("query", engine.sql());
                    timings.count("rows_fetched", engine.rowsFetched());
                    if (drawable != null) {
                        EngineCounts counts = engine.counts();
                        drawable.countedElsewhere(counts.rows(), counts.numbers(), counts.nullX());
                    }
                    int columnCount = projected.root().getSchema().getFields().size();
                    return sendTable(planned, engine.table(), engine.rowsRead(), drawable, table.displayName(),
                            columnCount, renderer, id, timings);
                }
            }
            Drawn inJava;
            if (exact || !table.reopenable()) {
                inJava = sendReduced(planned, Reductions.of(reduction), table, plan.columns(), projected, drawable,
                        allocator, renderer, id, timings);
            } else {
                // Every pass of the reduction reads the table opened alike (its dictionaries numbered alike).
                try (TableReader planColumns = table.open(plan.columns(), allocator)) {
                    inJava = sendReduced(planned, Reductions.of(reduction), table, plan.columns(), planColumns, drawable,
                            allocator, renderer, id, timings);
                }
            }
            // Said only once the chart is drawn: had the user's query failed alone, its error is all there is to say.
            return engineFailed.isEmpty() ? inJava : inJava.warnedFirst(Warnings.detailed(table.displayName()
                    + ": the engine failed on the SQL charton compiled for this chart, so it was reduced in Java from"
                    + " every row", engineFailed.get(0)));
        }
    }

    private static Optional<PushedDown> pushDown(RenderRequest request, TableSource table, ReduceRequest reduction,
                                                 ChartPlan plan, TableReader projected, BufferAllocator allocator,
                                                 Timings timings, Consumer<String> engineFailed) {
        boolean limits = request.spec().xlim() != null || request.spec().ylim() != null;
        try {
            return PushDown.reduce(table, reduction, plan, limits, projected.root().getSchema(), allocator,
                    why -> timings.note("push_down", why), engineFailed);
        } catch (ChartonException e) {
            String source = table.displayName();
            throw e.getMessage().startsWith(source + ":") ? e
                    : new ChartonException(e.exitCode(), source + ": " + e.getMessage(), e);
        }
    }

    /** Every row of {@code table} (already projected) to Python, as it is read; {@code drawable} may be null. */
    private static Drawn sendRows(RenderRequest request, TableReader table, DrawableValues drawable, String source,
                                  FigureRenderer renderer, long id, Timings timings) {
        long[] rows = new long[1];
        String[] warning = new String[1];
        PythonWorker.Rendered rendered = renderer.render(request.toHeader(id), out -> {
            rows[0] = ArrowStreamSender.send(counting(drawable, table), out);
            timings.mark("input_sent_at");
            RowsRequired.check(request, source, table.root().getSchema().getFields().size(), rows[0]);
            warning[0] = drawable == null ? null : drawable.check();
        });
        return counted(new Drawn(rendered, rows[0], rows[0], warning[0]), timings);
    }

    private static TableReader counting(DrawableValues drawable, TableReader table) {
        return drawable == null ? table : drawable.counting(table);
    }

    /** The statistic computed from every row, and only it, to Python; {@code drawable} may be null. */
    private static Drawn sendReduced(RenderRequest request, Reduction reduction, TableSource table, List<String> columns,
                                     TableReader projected, DrawableValues drawable, BufferAllocator allocator,
                                     FigureRenderer renderer, long id, Timings timings) {
        int columnCount = projected.root().getSchema().getFields().size();
        try (TableBatches batches = TableBatches.over(table, columns, counting(drawable, projected), allocator);
             ReducedTable reduced = reduce(reduction, batches, request, table.displayName(), columnCount)) {
            timings.mark("input_reduced_at");
            long rowsRead = reduced.reduced().path("rows_read").asLong();
            return sendTable(request, reduced, rowsRead, drawable, table.displayName(), columnCount, renderer, id,
                    timings);
        }
    }

    /** A reduced table to Python, once the rows it was reduced from are known to be drawable. */
    private static Drawn sendTable(RenderRequest request, ReducedTable reduced, long rowsRead, DrawableValues drawable,
                                   String source, int columnCount, FigureRenderer renderer, long id, Timings timings) {
        RowsRequired.check(request, source, columnCount, rowsRead);
        String warning = drawable == null ? null : drawable.check();
        ObjectNode header = request.toHeader(id);
        ((ObjectNode) header.path("spec")).set("reduced", reduced.reduced());
        long[] sent = new long[1];
        PythonWorker.Rendered rendered = renderer.render(header, out -> {
            sent[0] = ArrowIpcWriter.write(reduced.root(), reduced.dictionaries(), out);
            timings.mark("input_sent_at");
        });
        return counted(new Drawn(rendered, rowsRead, sent[0], warning), timings);
    }

    private static ReducedTable reduce(Reduction reduction, TableBatches batches, RenderRequest request, String source,
                                       int columnCount) {
        try {
            return reduction.reduce(batches, batches.allocator());
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot reduce the data: " + e.getMessage(), e);
        } catch (ChartonException e) {
            if (batches.foundNoRows()) {
                RowsRequired.check(request, source, columnCount, 0);
            }
            throw e.getMessage().startsWith(source + ":") ? e
                    : new ChartonException(e.exitCode(), source + ": " + e.getMessage(), e);
        }
    }

    private static Drawn counted(Drawn drawn, Timings timings) {
        timings.count("rows_read", drawn.rowsRead());
        timings.count("rows_sent", drawn.rowsSent());
        return drawn;
    }

    /**
     * Which requests are planned in Java: the built-in renderers' (their columns projected, the
     * kind decided, refusals reported). A template plugin gets every column, with the plan's
     * decisions in its spec when the grammar can make them (a plugin may draw what the grammar
     * cannot: then its spec is as given); a user's script gets the table as it is.
     */
    private record Planning(ChartPlanner planner, boolean builtin) {
        static Planning of(RenderRequest request) {
            if (request.code().script() != null) {
                return new Planning(null, false);
            }
            if (request.drawsTheGrammar()) {
                return new Planning(new ChartPlanner(request.spec()), true);
            }
            try {
                return new Planning(new ChartPlanner(request.spec()), false);
            } catch (ChartonException e) {
                return new Planning(null, false);
            }
        }

        List<String> projection() {
            return builtin ? planner.projection().orElse(null) : null;
        }

        ChartPlan plan(FirstBatchAhead table, String source) {
            if (planner == null) {
                return null;
            }
            try {
                return planner.plan(table, source);
            } catch (ChartonException e) {
                if (builtin) {
                    throw e;
                }
                return null;
            }
        }
    }
}
