package dev.charton.input.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-1", "+1", "42", "9223372036854775807", "-9223372036854775808"})
    void int64(String s) {
        assertEquals(TextValues.INT64, TextValues.numberKind(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "12345678901234567890123456789012345678"})
    void bigIntegersUpTo38Digits(String s) {
        assertEquals(TextValues.BIG_INTEGER, TextValues.numberKind(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", ".5", "-0.25", "+3.0", "1e10", "1.5E-3", "inf", "-Infinity", "nan", "NaN"})
    void floats(String s) {
        int kind = TextValues.numberKind(s);
        assertEquals(true, kind == TextValues.FLOAT || kind == TextValues.INT64, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1.2.3", "0x10", "1,5", "abc", "01", "007", "00.5", "12a",
            " 1", "123456789012345678901234567890123456789", "infinite", "1_000"})
    void notNumbers(String s) {
        assertEquals(TextValues.NOT_A_NUMBER, TextValues.numberKind(s), s);
    }

    @Test
    void parseDoubleIsCorrectlyRounded() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long mantissa = (random.nextLong() >>> 1) >>> random.nextInt(63);
            String digits = Long.toString(mantissa);
            int point = random.nextInt(digits.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
            if (text.endsWith(".") && random.nextBoolean()) {
                text += "0";
            }
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(TextValues.parseDouble(text)), text);
        }
        for (int i = 0; i < 200_000; i++) {
            long mantissa = (random.nextLong() >>> 1) >>> random.nextInt(63);
            String text = mantissa + "e" + (random.nextInt(660) - 345);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(TextValues.parseDouble(text)), text);
        }
        for (String s : new String[] {"0.1", "-0.0", "0", "1e300", "2.5E-5", "123456789012345678.5", "0.000000000000000000000001",
                "9007199254740993", "18446744073709551615", "9999999999999999999", "1.7976931348623157e308", "1.8e308",
                "4.9e-324", "2.2250738585072014E-308", "2.2250738585072011e-308", "1e-400", "1e+22", "1e23",
                "0.15361052458446667", "7.2057594037927933e16", "8.98846567431158e307", "123.456e-2", ".5e1", "5.e-1"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(TextValues.parseDouble(s)), s);
        }
        assertEquals(Double.POSITIVE_INFINITY, TextValues.parseDouble("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, TextValues.parseDouble("-inf"));
        assertEquals(Double.NaN, TextValues.parseDouble("nan"));
    }

    @Test
    void epochDaysMatchTheCalendar() {
        for (LocalDate d = LocalDate.of(1582, 1, 1); d.getYear() < 2500; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), TextValues.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
        }
        assertEquals(LocalDate.of(0, 3, 1).toEpochDay(), TextValues.epochDay(0, 3, 1));
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), TextValues.isoDateToEpochDay("9999-12-31"));
    }

    @Test
    void datesMustBeRealCalendarDays() {
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), TextValues.isoDateToEpochDay("2024-02-29"));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.isoDateToEpochDay("2023-02-29"));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.isoDateToEpochDay("1900-02-29"));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.isoDateToEpochDay("2024-13-01"));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.isoDateToEpochDay("2024-1-01"));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.isoDateToEpochDay("2024-04-31"));
    }

    @Test
    void timestampsParseToUtcMicros() {
        assertEquals(0L, TextValues.parseTimestamp("1970-01-01T00:00", false));
        assertEquals(1_500_000L, TextValues.parseTimestamp("1970-01-01 00:00:01.5", false));
        assertEquals(-3_600_000_000L, TextValues.parseTimestamp("1970-01-01T00:00:00+01:00", true));
        assertEquals(3_600_000_000L, TextValues.parseTimestamp("1970-01-01T00:00:00-0100", true));
        assertEquals(123_456L, TextValues.parseTimestamp("1970-01-01T00:00:00.123456789Z", true));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.parseTimestamp("1970-01-01T00:00:00Z", false),
                "an offset is not a naive timestamp");
        assertEquals(TextValues.NOT_A_VALUE, TextValues.parseTimestamp("1970-01-01T00:00:00", true));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.parseTimestamp("1970-01-01T24:00", false));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.parseTimestamp("1970-01-01T00:00:00.1234567890", false));
        assertEquals(TextValues.NOT_A_VALUE, TextValues.parseTimestamp("1970-01-01T00:00:00+1", true));
    }

    @Test
    void offsetIdsAreNormalised() {
        assertEquals("UTC", TextValues.offsetId("2024-01-01T00:00:00Z"));
        assertEquals("+05:30", TextValues.offsetId("2024-01-01T00:00:00+0530"));
        assertEquals("-08:00", TextValues.offsetId("2024-01-01 00:00-08"));
        assertNull(TextValues.offsetId("2024-01-01T00:00:00"));
    }

    @Test
    void trimRemovesSurroundingSpacesOnly() {
        String plain = "a b";
        assertSame(plain, TextValues.trim(plain));
        assertEquals("1.5", TextValues.trim("  1.5 "));
        assertEquals("", TextValues.trim("   "));
        assertEquals("\t1", TextValues.trim("\t1"));
    }

    @Test
    void booleansInAnyCase() {
        assertEquals(1, TextValues.parseBoolean("TRUE"));
        assertEquals(0, TextValues.parseBoolean("False"));
        assertEquals(-1, TextValues.parseBoolean("yes"));
        assertEquals(-1, TextValues.parseBoolean("1"));
    }
}
