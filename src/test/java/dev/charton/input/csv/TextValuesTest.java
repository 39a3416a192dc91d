package dev.charton.input.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "42", "9223372036854775807", "-9223372036854775808"})
    void int64Accepts(String s) {
        assertTrue(TextValues.isInt64(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", "01", "1.0", "1e3", "9223372036854775808", "12a", " 1"})
    void int64Rejects(String s) {
        assertFalse(TextValues.isInt64(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", ".5", "-0.25", "+3", "1e10", "1.5E-3", "inf", "-Infinity", "nan"})
    void floatAccepts(String s) {
        assertTrue(TextValues.isFloat(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "e5", "1e", "1.2.3", "0x10", "1,5", "abc"})
    void floatRejects(String s) {
        assertFalse(TextValues.isFloat(s));
    }

    @Test
    void datesMustBeRealCalendarDays() {
        assertTrue(TextValues.isIsoDate("2024-02-29"));
        assertFalse(TextValues.isIsoDate("2023-02-29"));
        assertFalse(TextValues.isIsoDate("2024-13-01"));
        assertFalse(TextValues.isIsoDate("2024-1-01"));
    }

    @Test
    void timestampsParseToUtcMicros() {
        assertEquals(0L, TextValues.parseTimestamp("1970-01-01T00:00", false));
        assertEquals(1_500_000L, TextValues.parseTimestamp("1970-01-01 00:00:01.5", false));
        assertEquals(-3_600_000_000L, TextValues.parseTimestamp("1970-01-01T00:00:00+01:00", true));
        assertEquals(3_600_000_000L, TextValues.parseTimestamp("1970-01-01T00:00:00-0100", true));
        assertNull(TextValues.parseTimestamp("1970-01-01T00:00:00Z", false), "an offset is not a naive timestamp");
        assertNull(TextValues.parseTimestamp("1970-01-01T24:00", false));
        assertNull(TextValues.parseTimestamp("1970-01-01T00:00:00.1234567890", false));
    }

    @Test
    void offsetIdsAreNormalised() {
        assertEquals("UTC", TextValues.offsetId("2024-01-01T00:00:00Z"));
        assertEquals("+05:30", TextValues.offsetId("2024-01-01T00:00:00+0530"));
    }
}
