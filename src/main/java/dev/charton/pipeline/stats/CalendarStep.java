package dev.charton.pipeline.stats;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A step of a binned time axis that a person would count in: a multiple of a calendar unit, with
 * intervals starting on that unit's boundaries in UTC (weeks on Mondays, months and years by the
 * calendar, so a month interval is a whole month whatever its length). chartonpy's calendar_bins.py
 * takes the same steps in the same order.
 *
 * @param unit     the calendar unit
 * @param multiple how many units one interval spans (2 hours, 3 months)
 */
public record CalendarStep(Unit unit, long multiple) {
    /** The units, finest first; the fixed-length ones with their length in nanoseconds. */
    public enum Unit {
        NANOSECOND(1L), SECOND(1_000_000_000L), MINUTE(60_000_000_000L), HOUR(3_600_000_000_000L),
        DAY(86_400_000_000_000L), WEEK(7 * 86_400_000_000_000L), MONTH(0), YEAR(0);

        private final long nanoseconds;

        Unit(long nanoseconds) {
            this.nanoseconds = nanoseconds;
        }

        /** The name chartonpy's labels know the unit by. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The weeks' boundaries: 1970-01-01 was a Thursday, so Mondays fall 3 days before its multiples of 7. */
    private static final long MONDAY_NANOS = -3 * Unit.DAY.nanoseconds;
    /** The steps finer than a year, finest first; years follow as 1, 2, 5, 10, 20, 50 ... */
    private static final List<CalendarStep> FINER_THAN_A_YEAR = finerThanAYear();

    private static List<CalendarStep> finerThanAYear() {
        List<CalendarStep> steps = new ArrayList<>();
        for (long power = 1; power < NANOS_PER_SECOND; power *= 10) {
            for (long factor : new long[]{1, 2, 5}) {
                steps.add(new CalendarStep(Unit.NANOSECOND, factor * power));
            }
        }
        for (long seconds : new long[]{1, 2, 5, 10, 15, 30}) {
            steps.add(new CalendarStep(Unit.SECOND, seconds));
        }
        for (long minutes : new long[]{1, 2, 5, 10, 15, 30}) {
            steps.add(new CalendarStep(Unit.MINUTE, minutes));
        }
        for (long hours : new long[]{1, 2, 3, 6, 12}) {
            steps.add(new CalendarStep(Unit.HOUR, hours));
        }
        steps.add(new CalendarStep(Unit.DAY, 1));
        steps.add(new CalendarStep(Unit.WEEK, 1));
        for (long months : new long[]{1, 2, 3, 6}) {
            steps.add(new CalendarStep(Unit.MONTH, months));
        }
        return List.copyOf(steps);
    }

    /** The i-th step, finest first (every index has one: years grow without end). */
    static CalendarStep nth(int i) {
        return i < FINER_THAN_A_YEAR.size() ? FINER_THAN_A_YEAR.get(i) : year(i - FINER_THAN_A_YEAR.size());
    }

    private static CalendarStep year(int k) {
        long[] factors = {1, 2, 5};
        long multiple = factors[k % 3];
        for (int i = 0; i < k / 3; i++) {
            multiple = Math.multiplyExact(multiple, 10);
        }
        return new CalendarStep(Unit.YEAR, multiple);
    }

    /** Whether the step is a whole number of the values' units (a day of values counted in seconds, not 1 ms). */
    boolean fits(long nanosPerUnit) {
        return unit.nanoseconds == 0 || unit.nanoseconds * multiple % nanosPerUnit == 0;
    }

    private long fixedLength(long nanosPerUnit) {
        return unit.nanoseconds * multiple / nanosPerUnit;
    }

    /** Where the intervals of a fixed length are counted from: the epoch, or for weeks a Monday. */
    private long offset(long nanosPerUnit) {
        return unit == Unit.WEEK ? MONDAY_NANOS / nanosPerUnit : 0;
    }

    /** The index of the interval holding {@code value} (in units of {@code nanosPerUnit} since the epoch). */
    long index(long value, long nanosPerUnit) {
        if (unit.nanoseconds != 0) {
            return Math.floorDiv(value - offset(nanosPerUnit), fixedLength(nanosPerUnit));
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(value, NANOS_PER_SECOND / nanosPerUnit), 86_400L));
        long units = unit == Unit.MONTH ? day.getYear() * 12L + day.getMonthValue() - 1 : day.getYear();
        return Math.floorDiv(units, multiple);
    }

    /**
     * Where interval {@code index} starts, in units of {@code nanosPerUnit} since the epoch; past the
     * range of a long (an interval reaching beyond 2262 in nanoseconds), the range's end, which holds
     * every value the same.
     */
    long start(long index, long nanosPerUnit) {
        try {
            if (unit.nanoseconds != 0) {
                return Math.addExact(Math.multiplyExact(index, fixedLength(nanosPerUnit)), offset(nanosPerUnit));
            }
            long units = Math.multiplyExact(index, multiple);
            LocalDate first = unit == Unit.MONTH ? LocalDate.of(Math.toIntExact(Math.floorDiv(units, 12)),
                    (int) Math.floorMod(units, 12) + 1, 1) : LocalDate.of(Math.toIntExact(units), 1, 1);
            long seconds = first.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            return Math.multiplyExact(seconds, NANOS_PER_SECOND / nanosPerUnit);
        } catch (ArithmeticException e) {
            return index < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
