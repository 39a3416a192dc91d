package dev.charton.pipeline.reduce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.arrow.vector.types.pojo.Schema;

/** The statistic that reduces a chart's rows, by kind and options (docs/plan.md). */
public final class Reductions {
    private Reductions() {
    }

    /** The reduction for {@code request}; check {@link #supports} first. */
    public static Reduction of(ReduceRequest request) {
        boolean aggregated = request.agg() != null;
        return switch (request.kind()) {
            case LINE, AREA -> aggregated ? new Aggregate(request) : new M4Points(request);
            case SCATTER -> aggregated ? new Aggregate(request) : new GridPoints(request);
            case BAR -> new Aggregate(request);
            case HIST -> new Bins(request);
            case BOX -> new Boxes(request, false);
            case HEATMAP -> new Cells(request);
        };
    }

    /**
     * Whether the chart can be reduced for these columns: points and group aggregates need an x with
     * positions (a number, a time, or for points the row number); otherwise every row is sent.
     */
    public static boolean supports(ReduceRequest request, Schema schema) {
        return switch (request.kind()) {
            case LINE, AREA, SCATTER -> request.agg() == null
                    ? XColumn.continuous(request.x(), schema)
                    : request.x() != null;
            case BAR -> request.x() != null;
            case HIST, BOX -> true;
            case HEATMAP -> request.x() != null && request.y().size() == 1;
        };
    }

    static ObjectNode reduced(String stat, long rowsRead) {
        ObjectNode reduced = JsonNodeFactory.instance.objectNode();
        reduced.put("stat", stat);
        reduced.put("rows_read", rowsRead);
        return reduced;
    }
}
