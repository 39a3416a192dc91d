package dev.charton.pipeline.reduce;

import dev.charton.input.ColumnRange;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The extents {@link PointRows} would measure, known before reading because the source recorded
 * its columns' ranges (Parquet statistics): when no x and no y is null, every row is a point, so
 * the x extent is the x column's range (without --x, row 0 to the last) and the y extent the union
 * of the --y columns' ranges.
 *
 * @param x the x axis's extent
 * @param y the y axis's extent
 */
record RecordedAxes(AxisRange x, AxisRange y) {

    static Optional<RecordedAxes> of(BatchSource source, String x, List<String> yNames, boolean logX, boolean logY) {
        ColumnRange ys = source.recordedRange(yNames).filter(range -> !range.hasNulls()).orElse(null);
        ColumnRange xs = x == null ? rowNumbers(source.knownRowCount()) : source.recordedRange(x).orElse(null);
        if (ys == null || xs == null || xs.hasNulls()) {
            return Optional.empty();
        }
        AxisRange xAxis = AxisRange.spanning(xs.min(), xs.max(), logX);
        AxisRange yAxis = AxisRange.spanning(ys.min(), ys.max(), logY);
        return xAxis == null || yAxis == null ? Optional.empty() : Optional.of(new RecordedAxes(xAxis, yAxis));
    }

    private static ColumnRange rowNumbers(OptionalLong rows) {
        return rows.isPresent() && rows.getAsLong() > 0 ? new ColumnRange(0, rows.getAsLong() - 1, false) : null;
    }

    /** Whether {@code points} measured these extents, so what was placed on them stands. */
    boolean measuredBy(PointRows points) {
        return x.sameAs(points.xRange()) && y.sameAs(points.yRange());
    }
}
