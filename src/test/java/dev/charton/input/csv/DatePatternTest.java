package dev.charton.input.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatePatternTest {
    private static long day(int y, int m, int d) {
        return LocalDate.of(y, m, d).toEpochDay();
    }

    @Test
    void monthAbbreviationLayoutOfTheStocksDataset() {
        DatePattern p = DatePattern.compile("MMM d yyyy");
        assertEquals(day(2000, 1, 1), p.epochDay("Jan 1 2000"));
        assertEquals(day(2010, 3, 1), p.epochDay("Mar 1 2010"));
        assertEquals(day(1999, 12, 31), p.epochDay("dec 31 1999"));
        assertEquals(TextValues.NOT_A_VALUE, p.epochDay("Jan 32 2000"));
        assertEquals(TextValues.NOT_A_VALUE, p.epochDay("Feb 29 2001"));
        assertEquals(TextValues.NOT_A_VALUE, p.epochDay("Jan 1 2000 "));
        assertEquals(TextValues.NOT_A_VALUE, p.epochDay("Jam 1 2000"));
        assertEquals(TextValues.NOT_A_VALUE, p.epochDay("Jan 1 200"));
    }

    @Test
    void agreesWithJavaTimeOverManyDays() {
        String[] layouts = {"d/M/yyyy", "MM/dd/yyyy", "d MMMM yyyy", "yyyy/M/d", "d.M.yyyy", "MMM d, yyyy"};
        for (String layout : layouts) {
            DatePattern ours = DatePattern.compile(layout);
            DateTimeFormatter java = DateTimeFormatter.ofPattern(layout.replace("yyyy", "uuuu"), Locale.ENGLISH);
            for (LocalDate d = LocalDate.of(1999, 1, 1); d.getYear() < 2001; d = d.plusDays(1)) {
                assertEquals(d.toEpochDay(), ours.epochDay(d.format(java)), layout + " " + d.format(java));
            }
        }
    }

    @Test
    void literalsInQuotes() {
        assertEquals(day(2024, 5, 6), DatePattern.compile("'day' d 'of' M, yyyy").epochDay("day 6 of 5, 2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HH:mm", "yyy-MM-dd", "yyyy-MM-dd hh:mm", "yyyy-MM-dd mm", "d d M yyyy", "'open",
        "yyyy-MM-dd HH:mm z"})
    void unsupportedLayoutsSayWhy(String layout) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatePattern.compile(layout));
        assertTrue(e.getMessage().contains("format '" + layout + "'"), e.getMessage());
    }
}
