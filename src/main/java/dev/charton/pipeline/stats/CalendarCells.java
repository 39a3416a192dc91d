package dev.charton.pipeline.stats;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A binned time axis on calendar boundaries: the finest {@link CalendarStep} that cuts the values'
 * range into at most the asked number of intervals, each closed on the left ([1 March, 1 April) for
 * March). chartonpy's calendar_bins.py bins the rows Python reads the same way, and labels both.
 */
public final class CalendarCells {
    private final CalendarStep step;
    private final long[] edges;
    private final long nanosPerUnit;

    private CalendarCells(CalendarStep step, long[] edges, long nanosPerUnit) {
        this.step = step;
        this.edges = edges;
        this.nanosPerUnit = nanosPerUnit;
    }

    /**
     * The axis for values from {@code least} to {@code greatest} (least < greatest), counted in units
     * of {@code nanosPerUnit} nanoseconds since the epoch (1 000 000 for milliseconds).
     */
    public static CalendarCells of(long least, long greatest, long nanosPerUnit, int count) {
        if (!(greatest > least) || count < 1) {
            throw new IllegalArgumentException("cannot bin [" + least + ", " + greatest + "] into " + count + " intervals");
        }
        for (int i = 0; ; i++) {
            CalendarStep step = CalendarStep.nth(i);
            if (!step.fits(nanosPerUnit)) {
                continue;
            }
            long first = step.index(least, nanosPerUnit);
            long last = step.index(greatest, nanosPerUnit);
            if (last - first + 1 <= count) {
                long[] edges = new long[(int) (last - first) + 2];
                for (int edge = 0; edge < edges.length; edge++) {
                    edges[edge] = step.start(first + edge, nanosPerUnit);
                }
                return new CalendarCells(step, edges, nanosPerUnit);
            }
        }
    }

    public CalendarStep step() {
        return step;
    }

    /** The intervals' edges, in the values' unit. */
    public long[] edges() {
        return edges.clone();
    }

    /** An edge as an instant; empty for one at the end of a long's range (CalendarStep.start). */
    public Optional<Instant> instant(long edge) {
        if (edge == Long.MIN_VALUE || edge == Long.MAX_VALUE) {
            return Optional.empty();
        }
        long unitsPerSecond = 1_000_000_000L / nanosPerUnit;
        return Optional.of(Instant.ofEpochSecond(Math.floorDiv(edge, unitsPerSecond),
                Math.floorMod(edge, unitsPerSecond) * nanosPerUnit));
    }

    /** The interval i with edges[i] <= value < edges[i + 1]; -1 outside every interval. */
    public int binOf(long value) {
        int insertion = Arrays.binarySearch(edges, value);
        // An exact edge starts its interval; between edges, the insertion point is the interval's end.
        int end = insertion >= 0 ? insertion + 1 : -insertion - 1;
        return end >= 1 && end < edges.length ? end - 1 : -1;
    }
}
