package dev.charton.pipeline;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.ForwardingTableReader;
import dev.charton.input.TableReader;
import dev.charton.pipeline.plan.ChartKind;
import dev.charton.pipeline.plan.ChartPlan;
import dev.charton.pipeline.reduce.NumberView;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, as the rows are read, the values of a chart's y columns that cannot be drawn and why (a
 * null, a value at or below zero on a log axis, one outside --xlim or --ylim), so the user is told
 * how many were left out rather than shown a chart with fewer points in silence; and refuses a y
 * column with no value to draw at all. Charts that count rows (a bar without y, a heatmap) have no
 * values of their own to lose.
 */
final class DrawableValues {
    private static final ArrowType NUMBERS = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private final ChartPlan plan;
    private final ChartSpec spec;
    private final String source;
    private final long[] drawn;
    private final long[] nonNull;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private long values;

    private DrawableValues(ChartPlan plan, ChartSpec spec, String source) {
        this.plan = plan;
        this.spec = spec;
        this.source = source;
        this.drawn = new long[plan.y().size()];
        this.nonNull = new long[plan.y().size()];
    }

    /** The counter for a chart of {@code plan}, or null when the chart draws no values of its own. */
    static DrawableValues of(ChartPlan plan, ChartSpec spec, String source) {
        if (plan.kind() == ChartKind.HEATMAP || plan.y().isEmpty()) {
            return null;
        }
        return new DrawableValues(plan, spec, source);
    }

    /** Takes in one batch of the chart's rows. */
    private void observe(VectorSchemaRoot batch) {
        NumberView x = plan.x() == null ? null : view(batch, plan.x());
        double[] xRange = plan.x() == null || spec.xlim() == null ? null
                : spec.xlim().inUnitsOf(batch.getVector(plan.x()).getField().getType());
        String nullValue = plan.kind() == ChartKind.HIST ? "a null value" : "a null y";
        for (int column = 0; column < plan.y().size(); column++) {
            NumberView y = view(batch, plan.y().get(column));
            if (y == null) {
                continue;
            }
            for (int row = 0; row < batch.getRowCount(); row++) {
                values++;
                String reason = y.isNull(row) ? nullValue : x != null ? xReason(x, row, xRange) : null;
                if (!y.isNull(row)) {
                    nonNull[column]++;
                    reason = reason != null ? reason : yReason(y.get(row));
                }
                if (reason == null) {
                    drawn[column]++;
                } else {
                    skipped.merge(reason, 1L, Long::sum);
                }
            }
        }
    }

    /**
     * Takes in what an engine counted of the rows instead of reading them (pipeline/pushdown): per y
     * column, the values that are numbers and, of these, those with a null x.
     */
    void countedElsewhere(long rows, long[] numbers, long[] nullX) {
        String nullValue = plan.kind() == ChartKind.HIST ? "a null value" : "a null y";
        for (int column = 0; column < plan.y().size(); column++) {
            values += rows;
            nonNull[column] += numbers[column];
            drawn[column] += numbers[column] - nullX[column];
            if (rows > numbers[column]) {
                skipped.merge(nullValue, rows - numbers[column], Long::sum);
            }
            if (nullX[column] > 0) {
                skipped.merge("a null x", nullX[column], Long::sum);
            }
        }
    }

    /** {@code reader}, every batch it loads taken in. */
    TableReader counting(TableReader reader) {
        return new ForwardingTableReader(reader) {
            @Override
            public boolean loadNextBatch() {
                boolean loaded = super.loadNextBatch();
                if (loaded) {
                    observe(root());
                }
                return loaded;
            }
        };
    }

    /**
     * Refuses a chart with a y column that has no value to draw; otherwise the warning for the values
     * left out, or null when every value is drawn.
     */
    String check() {
        for (int column = 0; column < plan.y().size(); column++) {
            if (drawn[column] == 0 && values > 0) {
                String why = nonNull[column] == 0 ? "every value is null" : "no value is drawable: " + reasons();
                throw new ChartonException(ExitCode.DATA, "--y: " + source + ": column '" + plan.y().get(column)
                        + "' has no value to draw (" + why + ")");
            }
        }
        if (skipped.isEmpty()) {
            return null;
        }
        long left = skipped.values().stream().mapToLong(Long::longValue).sum();
        return source + ": " + left + " of " + values + " values not drawn: " + reasons();
    }

    private String reasons() {
        List<String> parts = new ArrayList<>();
        skipped.forEach((reason, count) -> parts.add(count + " with " + reason));
        return String.join(", ", parts);
    }

    private String xReason(NumberView x, int row, double[] range) {
        if (x.isNull(row)) {
            return "a null x";
        }
        double value = x.get(row);
        if (spec.logX() && value <= 0) {
            return "x <= 0 on the log x axis";
        }
        return outside(value, range) ? "x outside --xlim" : null;
    }

    private String yReason(double y) {
        if (plan.kind() == ChartKind.HIST) {
            // A histogram's values are its x axis; its y axis counts.
            if (spec.logX() && y <= 0) {
                return "a value <= 0 on the log x axis";
            }
            return spec.xlim() != null && outside(y, spec.xlim().inUnitsOf(NUMBERS)) ? "a value outside --xlim" : null;
        }
        if (spec.logY() && y <= 0) {
            return "y <= 0 on the log y axis";
        }
        boolean points = plan.kind() == ChartKind.LINE || plan.kind() == ChartKind.SCATTER
                || plan.kind() == ChartKind.AREA;
        return points && spec.ylim() != null && outside(y, spec.ylim().inUnitsOf(NUMBERS)) ? "y outside --ylim" : null;
    }

    private static boolean outside(double value, double[] range) {
        return range != null && (value < range[0] || value > range[1]);
    }

    private static NumberView view(VectorSchemaRoot batch, String column) {
        FieldVector vector = batch.getVector(column);
        return vector == null ? null : NumberView.of(vector);
    }
}
