package dev.charton.pipeline.stats;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalendarCellsTest {
    private static final long MILLIS = 1_000_000L;

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static List<String> edges(CalendarCells cells) {
        return Arrays.stream(cells.edges()).mapToObj(edge -> Instant.ofEpochMilli(edge).toString()).toList();
    }

    @Test
    void fourYearsOfDaysAreFortyEightMonthsEachAsLongAsItsMonth() {
        CalendarCells cells = CalendarCells.of(ms("2012-01-01T00:00:00Z"), ms("2015-12-31T00:00:00Z"), MILLIS, 50);
        assertEquals(new CalendarStep(CalendarStep.Unit.MONTH, 1), cells.step());
        List<String> edges = edges(cells);
        assertEquals(49, edges.size());
        assertEquals("2012-01-01T00:00:00Z", edges.get(0));
        assertEquals("2012-03-01T00:00:00Z", edges.get(2)); // after the leap year's 29 days of February
        assertEquals("2016-01-01T00:00:00Z", edges.get(48));
        assertEquals(1, cells.binOf(ms("2012-02-29T23:59:59Z")), "the leap day is in February");
        assertEquals(2, cells.binOf(ms("2012-03-01T00:00:00Z")), "an edge starts its interval");
        assertEquals(-1, cells.binOf(ms("2011-12-31T23:59:59Z")));
    }

    @Test
    void monthEndsAreWhereTheCalendarPutsThem() {
        CalendarCells cells = CalendarCells.of(ms("2013-01-31T12:00:00Z"), ms("2013-05-31T12:00:00Z"), MILLIS, 5);
        assertEquals(new CalendarStep(CalendarStep.Unit.MONTH, 1), cells.step());
        assertEquals(List.of("2013-01-01T00:00:00Z", "2013-02-01T00:00:00Z", "2013-03-01T00:00:00Z", "2013-04-01T00:00:00Z",
                "2013-05-01T00:00:00Z", "2013-06-01T00:00:00Z"), edges(cells));
        assertEquals(1, cells.binOf(ms("2013-02-28T23:59:59.999Z")));
    }

    @Test
    void aYearAndAHalfIsQuartersFromJanuaryAndAFortnightIsWeeksFromMonday() {
        CalendarCells quarters = CalendarCells.of(ms("2019-11-15T00:00:00Z"), ms("2021-08-01T00:00:00Z"), MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.MONTH, 3), quarters.step());
        assertEquals("2019-10-01T00:00:00Z", edges(quarters).get(0));
        CalendarCells weeks = CalendarCells.of(ms("2024-02-22T00:00:00Z"), ms("2024-03-20T00:00:00Z"), MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.WEEK, 1), weeks.step());
        assertEquals(List.of("2024-02-19T00:00:00Z", "2024-02-26T00:00:00Z", "2024-03-04T00:00:00Z",
                "2024-03-11T00:00:00Z", "2024-03-18T00:00:00Z", "2024-03-25T00:00:00Z"), edges(weeks)); // Mondays
    }

    @Test
    void aSpanUnderAMinuteIsCutInSecondsAndUnderASecondInMilliseconds() {
        long start = ms("2012-03-05T14:00:07.300Z");
        CalendarCells seconds = CalendarCells.of(start, start + 42_000, MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.SECOND, 5), seconds.step());
        assertEquals("2012-03-05T14:00:05Z", edges(seconds).get(0));
        assertEquals("2012-03-05T14:00:50Z", edges(seconds).get(edges(seconds).size() - 1));
        CalendarCells millis = CalendarCells.of(start, start + 900, MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.NANOSECOND, 100_000_000), millis.step());
        assertEquals("2012-03-05T14:00:07.300Z", edges(millis).get(0));
        // Values in whole seconds are never cut finer than a second.
        CalendarCells whole = CalendarCells.of(1_330_956_007L, 1_330_956_010L, 1_000_000_000L, 50);
        assertEquals(new CalendarStep(CalendarStep.Unit.SECOND, 1), whole.step());
    }

    @Test
    void decadesAndCenturiesAreWholeYearsOnRoundYears() {
        CalendarCells decades = CalendarCells.of(ms("1931-06-01T00:00:00Z"), ms("2024-01-01T00:00:00Z"), MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.YEAR, 10), decades.step());
        assertEquals("1930-01-01T00:00:00Z", edges(decades).get(0));
        assertEquals("2030-01-01T00:00:00Z", edges(decades).get(10));
        CalendarCells centuries = CalendarCells.of(ms("1000-01-01T00:00:00Z"), ms("2999-01-01T00:00:00Z"), MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.YEAR, 200), centuries.step());
        assertEquals("1000-01-01T00:00:00Z", edges(centuries).get(0));
    }

    @Test
    void hoursStartAtMidnightUtcAndTheLastIntervalHoldsTheGreatestValue() {
        long start = ms("2012-03-05T13:10:00Z");
        CalendarCells hours = CalendarCells.of(start, ms("2012-03-06T09:00:00Z"), MILLIS, 10);
        assertEquals(new CalendarStep(CalendarStep.Unit.HOUR, 3), hours.step());
        assertEquals("2012-03-05T12:00:00Z", edges(hours).get(0));
        assertEquals(hours.edges().length - 2, hours.binOf(ms("2012-03-06T09:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> CalendarCells.of(start, start, MILLIS, 10));
    }
}
