package dev.charton.pipeline.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a figure draws, decided in Java once the column types are known: the kind and the columns
 * in each role, with the defaults filled in ({@code x} null: the row number). Python draws what
 * this says; it never chooses.
 *
 * @param agg  the aggregation Python would apply (null for none), for a heatmap the cell value's
 * @param bins histogram (or heatmap axis) bins asked for; null for automatic
 */
public record ChartPlan(ChartKind kind, String x, List<String> y, String color, String facet,
                        Aggregation agg, Integer bins) {
    public ChartPlan {
        y = List.copyOf(y);
    }

    /** The columns the chart reads, each once: the projection every reader is given. */
    public List<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        if (x != null) {
            names.add(x);
        }
        names.addAll(y);
        if (color != null) {
            names.add(color);
        }
        if (facet != null) {
            names.add(facet);
        }
        return new ArrayList<>(names);
    }
}
