package dev.charton.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AxisLimitsTest {
    @Test
    void numbersAndTimesReachPythonAsAPair() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("[-1.5,20.0]", json.writeValueAsString(AxisLimits.parse("--ylim", "-1.5, 20")));
        assertEquals("[\"2025-03-01\",\"2025-06-30T12:00\"]",
                json.writeValueAsString(AxisLimits.parse("--xlim", "2025-03-01,2025-06-30T12:00")));
        assertNull(AxisLimits.parse("--xlim", null));
    }

    @Test
    void timesAreComparedInTheColumnsOwnUnitAndZone() {
        AxisLimits limits = AxisLimits.parse("--xlim", "1970-01-02,1970-01-03T06:00");
        assertArrayEquals(new double[] {1, 2.25}, limits.inUnitsOf(new ArrowType.Date(DateUnit.DAY)));
        assertArrayEquals(new double[] {86_400_000, 194_400_000}, limits.inUnitsOf(new ArrowType.Date(DateUnit.MILLISECOND)));
        assertArrayEquals(new double[] {86_400e6, 194_400e6},
                limits.inUnitsOf(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)));
        // Wall-clock times of the column's zone: midnight in Paris (UTC+1 in January) is 23:00 UTC.
        assertArrayEquals(new double[] {82_800, 190_800},
                limits.inUnitsOf(new ArrowType.Timestamp(TimeUnit.SECOND, "Europe/Paris")));
        assertNull(limits.inUnitsOf(ArrowType.Utf8.INSTANCE));
    }

    @Test
    void timesOfDayAreOnTheEpochsDayForPythonAndTheirUnitSinceMidnightForJava() throws Exception {
        AxisLimits limits = AxisLimits.parse("--xlim", "08:00:30.5,24:00");
        assertEquals("[\"1970-01-01T08:00:30.500\",\"1970-01-02T00:00\"]", new ObjectMapper().writeValueAsString(limits));
        assertArrayEquals(new double[] {28_830.5, 86_400}, limits.inUnitsOf(new ArrowType.Time(TimeUnit.SECOND, 32)));
        assertArrayEquals(new double[] {28_830_500e6, 86_400e9}, limits.inUnitsOf(new ArrowType.Time(TimeUnit.NANOSECOND, 64)));
        assertNull(limits.inUnitsOf(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)));
        assertNull(AxisLimits.parse("--xlim", "2025-01-01,2025-01-02").inUnitsOf(new ArrowType.Time(TimeUnit.MICROSECOND, 64)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "5          | --xlim '5': expected MIN,MAX",
            "1,2,3      | --xlim '1,2,3': expected MIN,MAX",
            "3,1        | --xlim '3,1': MIN must be less than MAX",
            "1,soon     | --xlim '1,soon': expected two numbers, two dates (2024-01-31 or 2024-01-31T12:00) or two times of day (08:00 or 23:59:30)",
            "12:00,08:00 | --xlim '12:00,08:00': MIN must be before MAX",
            "08:00,24:01 | --xlim '08:00,24:01': expected two numbers, two dates (2024-01-31 or 2024-01-31T12:00) or two times of day (08:00 or 23:59:30)",
            "2025-02-01,2025-01-01 | --xlim '2025-02-01,2025-01-01': MIN must be before MAX"})
    void badLimitsAreAUsageError(String text, String message) {
        ChartonException e = assertThrows(ChartonException.class, () -> AxisLimits.parse("--xlim", text));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(message, e.getMessage());
    }
}
