package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;

import java.io.IOException;
import java.util.List;

/**
 * The one decoding scan of a statistic that needs the data's extent before it can place values
 * (pixel columns, pixel rows, bin edges) and has no extent recorded: the points ({@link PointRows})
 * are kept in a {@link RowSpill}, in table order, and the extents measured on the way, so the later
 * passes read the spill instead of the input.
 */
final class SpilledPoints implements AutoCloseable {
    private final RowSpill rows = new RowSpill();
    private final PointRows points;
    private long rowsRead;

    private SpilledPoints(PointRows points) {
        this.points = points;
    }

    /** Reads {@code source} as {@link PointRows} does. */
    static SpilledPoints read(BatchSource source, XColumn x, SeriesColumns series, List<String> yNames,
                              boolean keepGaps, boolean keepInfinite, boolean logX, boolean logY)
            throws IOException {
        SpilledPoints spilled = new SpilledPoints(new PointRows(x, series, yNames, keepGaps, keepInfinite, logX, logY));
        try {
            spilled.rowsRead = spilled.points.scan(source,
                    (keys, ys, ids, numbers, length) -> spilled.rows.addAll(keys, ys, ids, length));
            return spilled;
        } catch (IOException | RuntimeException e) {
            spilled.close();
            throw e;
        }
    }

    RowSpill rows() {
        return rows;
    }

    AxisRange xRange() {
        return points.xRange();
    }

    AxisRange yRange() {
        return points.yRange();
    }

    long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
