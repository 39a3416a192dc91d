package dev.charton.pipeline.reduce;

import java.io.IOException;
import java.util.List;
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

    /**
     * The rows read, or empty when the recorded axes proved wrong and what {@code sinks} received is
     * void. With several sinks, each gets its share of every batch ({@link PointRows}).
     */
    static OptionalLong place(BatchSource source, PointRows points, RecordedAxes axes,
                              List<? extends PointRows.Sink> sinks) throws IOException {
        long rows = points.scan(source, sinks);
        return axes.measuredBy(points) ? OptionalLong.of(rows) : OptionalLong.empty();
    }
}
