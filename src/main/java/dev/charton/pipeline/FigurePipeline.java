package dev.charton.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.input.UnknownColumnException;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.plan.ChartPlanner;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.table.ArrowStreamSender;
import dev.charton.table.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.util.List;

/**
 * The one figure pipeline that plot, batch and the shell drive: a table source, read with the
 * plan's projection, planned once its types are known, reduced to what the picture needs, sent to
 * Python as one Arrow stream, and drawn. Where the table comes from, which worker draws and where
 * the figure goes are the drivers' own.
 */
public final class FigurePipeline {
    private FigurePipeline() {
    }

    /** A figure drawn, with the rows read from the table and the rows that reached Python. */
    public record Drawn(PythonWorker.Rendered rendered, long rowsRead, long rowsSent) {
        public byte[] figure() {
            return rendered.figure();
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
             TableReader reader = table.open(planning.projection(), allocator)) {
            timings.mark("input_opened_at");
            ChartPlan plan = planning.plan(reader.root().getSchema(), table.displayName());
            RenderRequest planned = plan == null ? request : request.planned(plan);
            TableReader sent = plan == null || plan.columns().equals(planning.projection()) ? reader
                    : TableReaders.keep(reader, plan.columns(), table.displayName());
            ObjectNode header = planned.toHeader(id);
            long[] rows = new long[1];
            PythonWorker.Rendered rendered = renderer.render(header, out -> {
                rows[0] = ArrowStreamSender.send(sent, out);
                timings.mark("input_sent_at");
                RowsRequired.check(request, table.displayName(), sent.root().getSchema().getFields().size(), rows[0]);
            });
            timings.count("rows_read", rows[0]);
            timings.count("rows_sent", rows[0]);
            return new Drawn(rendered, rows[0], rows[0]);
        }
    }

    /**
     * Which requests are planned in Java: the built-in renderers' (their columns projected, the
     * kind decided). A template plugin gets every column, with the plan's decisions in its spec
     * when the options allow one; a user's script gets the table as it is.
     */
    private record Planning(ChartPlanner planner, boolean builtin) {
        static Planning of(RenderRequest request) {
            if (request.code().script() != null) {
                return new Planning(null, false);
            }
            return new Planning(new ChartPlanner(request.spec()), request.drawsTheGrammar());
        }

        List<String> projection() {
            return builtin ? planner.projection().orElse(null) : null;
        }

        ChartPlan plan(org.apache.arrow.vector.types.pojo.Schema schema, String source) {
            if (planner == null) {
                return null;
            }
            if (builtin) {
                return planner.plan(schema, source);
            }
            try {
                return planner.plan(schema, source);
            } catch (dev.charton.error.ChartonException e) {
                return null; // a plugin may draw what the grammar cannot; its own code decides
            }
        }
    }
}
