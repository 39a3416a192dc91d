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
    private double[] ys = new double[0];

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
        int count = batch.getRowCount();
        String[] xReasons = xReasons(batch, count);
        YCheck yCheck = yCheck();
        String nullValue = plan.kind() == ChartKind.HIST ? "a null value" : "a null y";
        for (int column = 0; column < plan.y().size(); column++) {
            NumberView y = view(batch, plan.y().get(column));
            if (y == null) {
                continue;
            }
            values += count;
            long nulls = 0;
            long drawnHere = 0;
            if (xReasons == null && yCheck == null) {
                // Every value that is not null is drawn: only the nulls need counting, not a look at each row.
                nulls = y.nullCount(count);
                drawnHere = count - nulls;
            } else {
                if (ys.length < count) {
                    ys = new double[count];
                }
                y.values(ys, count);
                for (int row = 0; row < count; row++) {
                    double value = ys[row];
                    if (value != value) {
                        // Keeps the reasons in the order of their first row, as the warning lists them.
                        if (nulls++ == 0) {
                            skipped.putIfAbsent(nullValue, 0L);
                        }
                        continue;
                    }
                    String reason = xReasons == null ? null : xReasons[row];
                    if (reason == null && yCheck != null) {
                        reason = yCheck.reason(value);
                    }
                    if (reason == null) {
                        drawnHere++;
                    } else {
                        skipped.merge(reason, 1L, Long::sum);
                    }
                }
            }
            nonNull[column] += count - nulls;
            drawn[column] += drawnHere;
            if (nulls > 0) {
                skipped.merge(nullValue, nulls, Long::sum);
            }
        }
    }

    /** Why each row's x is not drawn (null where it is), or null when every x of the batch is drawn. */
    private String[] xReasons(VectorSchemaRoot batch, int count) {
        NumberView x = plan.x() == null ? null : view(batch, plan.x());
        if (x == null) {
            return null;
        }
        double[] range = spec.xlim() == null ? null
                : spec.xlim().inUnitsOf(batch.getVector(plan.x()).getField().getType());
        if (range == null && !spec.logX() && x.nullCount(count) == 0) {
            return null;
        }
        String[] reasons = new String[count];
        for (int row = 0; row < count; row++) {
            reasons[row] = xReason(x, row, range);
        }
        return reasons;
    }

    /** Why a y value that is not null is not drawn. */
    @FunctionalInterface
    private interface YCheck {
        String reason(double y);
    }

    /** The check of y values, or null when every value that is not null is drawn. */
    private YCheck yCheck() {
        if (plan.kind() == ChartKind.HIST) {
            // A histogram's values are its x axis; its y axis counts.
            double[] range = spec.xlim() == null ? null : spec.xlim().inUnitsOf(NUMBERS);
            if (!spec.logX() && range == null) {
                return null;
            }
            return y -> spec.logX() && y <= 0 ? "a value <= 0 on the log x axis"
                    : outside(y, range) ? "a value outside --xlim" : null;
        }
        boolean points = plan.kind() == ChartKind.LINE || plan.kind() == ChartKind.SCATTER
                || plan.kind() == ChartKind.AREA;
        double[] range = points && spec.ylim() != null ? spec.ylim().inUnitsOf(NUMBERS) : null;
        if (!spec.logY() && range == null) {
            return null;
        }
        return y -> spec.logY() && y <= 0 ? "y <= 0 on the log y axis" : outside(y, range) ? "y outside --ylim" : null;
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

    private static boolean outside(double value, double[] range) {
        return range != null && (value < range[0] || value > range[1]);
    }

    private static NumberView view(VectorSchemaRoot batch, String column) {
        FieldVector vector = batch.getVector(column);
        return vector == null ? null : NumberView.of(vector);
    }
}
