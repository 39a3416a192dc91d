package dev.charton.pipeline.reduce;

import dev.charton.input.ColumnRange;
import dev.charton.pipeline.stats.HistogramBins;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram counted in the one pass over a source that recorded the values' range (Parquet
 * statistics): the edges come from the range before any value is read. Given --bins they are
 * exact; for "auto", {@value HistogramBins#MAX_AUTO_BINS} equal bins are counted and the counts must
 * show that "auto" is capped to them ({@link HistogramBins#settleAuto}). The range measured on the
 * way must be the one recorded.
 *
 * @param bins     the edges
 * @param counts   by series id, the count per bin
 * @param rowsRead the rows of the source
 */
record BinCounts(HistogramBins bins, long[][] counts, long rowsRead) {

    /** The counts, or null when the recorded range proved wrong or the counts do not settle "auto". */
    static BinCounts inOnePass(BatchSource source, PointRows points, ColumnRange recorded, Integer binCount)
            throws IOException {
        HistogramBins bins = HistogramBins.equal(recorded.min(), recorded.max(),
                binCount == null ? HistogramBins.MAX_AUTO_BINS : binCount);
        // One count per lane (Lanes), added up at the end.
        List<List<long[]>> lanes = new ArrayList<>();
        List<PointRows.Sink> sinks = new ArrayList<>();
        for (int lane = 0; lane < Lanes.COUNT; lane++) {
            List<long[]> bySeries = new ArrayList<>();
            lanes.add(bySeries);
            sinks.add((keys, values, ids, numbers, length) -> count(bins, bySeries, values, ids, length));
        }
        long rowsRead = points.scan(source, sinks);
        AxisRange expected = AxisRange.spanning(recorded.min(), recorded.max(), false);
        if (!expected.sameAs(points.yRange())) {
            return null;
        }
        long[][] counts = sum(lanes, bins.count());
        if (binCount == null && !bins.settleAuto(total(counts, bins.count()), recorded.min(), recorded.max())) {
            return null;
        }
        return new BinCounts(bins, counts, rowsRead);
    }

    private static void count(HistogramBins bins, List<long[]> bySeries, double[] values, int[] ids, int length) {
        for (int i = 0; i < length; i++) {
            while (bySeries.size() <= ids[i]) {
                bySeries.add(new long[bins.count()]);
            }
            int bin = bins.binOf(values[i]);
            if (bin >= 0) { // else outside a range recorded wrong: the pass is void
                bySeries.get(ids[i])[bin]++;
            }
        }
    }

    /** By series id (as many as any lane saw), the lanes' counts added up. */
    private static long[][] sum(List<List<long[]>> lanes, int binCount) {
        int series = lanes.stream().mapToInt(List::size).max().orElse(0);
        long[][] counts = new long[series][binCount];
        for (List<long[]> lane : lanes) {
            for (int id = 0; id < lane.size(); id++) {
                for (int bin = 0; bin < binCount; bin++) {
                    counts[id][bin] += lane.get(id)[bin];
                }
            }
        }
        return counts;
    }

    private static long[] total(long[][] counts, int binCount) {
        long[] total = new long[binCount];
        for (long[] series : counts) {
            for (int bin = 0; bin < binCount; bin++) {
                total[bin] += series[bin];
            }
        }
        return total;
    }
}
