package dev.charton.pipeline.reduce;

import dev.charton.pipeline.stats.RowSpill;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * One pass that hands each point ({@link PointRows}) to a statistic as it is read, placed on axes
 * the source recorded ({@link RecordedAxes}), so nothing is spilled and the input is read once.
 * The extents are measured on the way all the same: if they are not the recorded ones (statistics
 * written wrong), the pass is void and the caller falls back to {@link SpilledPoints}.
 */
final class DirectPoints {
    private DirectPoints() {
    }

    /** The rows read, or empty when the recorded axes proved wrong and what {@code consumer} received is void. */
    static OptionalLong place(BatchSource source, PointRows points, RecordedAxes axes, RowSpill.BlockConsumer consumer)
            throws IOException {
        long rows = points.scan(source, consumer::accept);
        return axes.measuredBy(points) ? OptionalLong.of(rows) : OptionalLong.empty();
    }
}
