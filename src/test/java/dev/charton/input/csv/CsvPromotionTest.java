package dev.charton.input.csv;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Promotions that happen after rows were already stored in the narrower type, one per way the
 * spool gets its values back ({@link ColumnCast}): the stored values are cast exactly, or the text
 * is read again. Small batches and thousands of rows put the change well past the first segment.
 */
class CsvPromotionTest {
    private static final int EARLY = 5000;
    private static final int LATE = 3000;

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Reads column v of EARLY rows of {@code early} then LATE rows of {@code late}. */
    private ColumnRead read(IntFunction<String> early, IntFunction<String> late) {
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 0; i < EARLY; i++) {
            csv.append(early.apply(i)).append('\n');
        }
        for (int i = 0; i < LATE; i++) {
            csv.append(late.apply(i)).append('\n');
        }
        try (CsvTableReader reader = CsvTables.open(csv.toString(), CsvOptions.defaults().withBatchRows(700), allocator)) {
            ColumnDecision decision = reader.decisions().get(0);
            return new ColumnRead(decision, CsvTables.readAll(reader).get("v"));
        }
    }

    private record ColumnRead(ColumnDecision decision, List<Object> values) {
    }

    /** Like assertEquals, but names the first differing row instead of printing thousands. */
    private static void assertSameValues(List<Object> expected, List<Object> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
        assertEquals(expected.size(), actual.size(), "rows");
    }

    private static List<Object> expected(IntFunction<Object> early, IntFunction<Object> late) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < EARLY; i++) {
            values.add(early.apply(i));
        }
        for (int i = 0; i < LATE; i++) {
            values.add(late.apply(i));
        }
        return values;
    }

    @Test
    void int64ToDecimalKeepsEveryDigit() {
        ColumnRead r = read(i -> Long.toString(Long.MAX_VALUE - i), i -> "9" + (Long.MAX_VALUE - i));
        assertEquals(CsvType.DECIMAL, r.decision().type());
        assertSameValues(expected(i -> BigDecimal.valueOf(Long.MAX_VALUE - i), i -> new BigDecimal("9" + (Long.MAX_VALUE - i))),
                r.values());
    }

    @Test
    void int64ToFloat64GivesWhatParsingTheTextGives() {
        ColumnRead r = read(i -> Long.toString(9_007_199_254_740_993L + i), i -> i + ".5");
        assertEquals(CsvType.FLOAT64, r.decision().type());
        assertSameValues(expected(i -> Double.parseDouble(Long.toString(9_007_199_254_740_993L + i)), i -> i + 0.5), r.values());
    }

    @Test
    void decimalToFloat64() {
        ColumnRead r = read(i -> "123456789012345678901" + i, i -> "-" + i + "e-3");
        assertEquals(CsvType.FLOAT64, r.decision().type());
        assertSameValues(expected(i -> Double.parseDouble("123456789012345678901" + i), i -> Double.parseDouble("-" + i + "e-3")),
                r.values());
    }

    @Test
    void dateToTimestamp() {
        LocalDate start = LocalDate.of(1999, 12, 1);
        ColumnRead r = read(i -> start.plusDays(i).toString(), i -> start.plusDays(i) + " 12:30");
        assertEquals(CsvType.TIMESTAMP, r.decision().type());
        assertSameValues(expected(i -> start.plusDays(i).atStartOfDay(), i -> LocalDateTime.of(start.plusDays(i),
                java.time.LocalTime.of(12, 30))), r.values());
    }

    @Test
    void dictionaryTextThatTurnsOutTooVariedIsDecoded() {
        ColumnRead r = read(i -> "group-" + (i % 5), i -> "id-" + i);
        assertEquals(CsvType.STRING, r.decision().type());
        assertSameValues(expected(i -> "group-" + (i % 5), i -> "id-" + i), r.values());
    }

    @Test
    void numbersThatTurnOutTextAreReadAgainAsTheyWereWritten() {
        ColumnRead r = read(i -> (i % 2 == 0 ? " " : "") + i, i -> i % 2 == 0 ? "n/a" : "+" + i);
        assertEquals(CsvType.STRING, r.decision().type());
        assertSameValues(expected(i -> (i % 2 == 0 ? " " : "") + i, i -> i % 2 == 0 ? "n/a" : "+" + i), r.values());
    }

    @Test
    void fewDistinctNumbersThenAWordBecomeADictionary() {
        ColumnRead r = read(i -> Integer.toString(i % 3), i -> i % 2 == 0 ? "none" : "1");
        assertEquals(CsvType.CATEGORY, r.decision().type());
        assertSameValues(expected(i -> Integer.toString(i % 3), i -> i % 2 == 0 ? "none" : "1"), r.values());
    }

    @Test
    void aDateLayoutRuledOutLateIsReadAgainInTheRightOne() {
        // Until the late rows, 1/2/2000 may be January 2 or February 1; "25/12/2000" settles it.
        ColumnRead r = read(i -> (i % 12 + 1) + "/" + ((i + 5) % 12 + 1) + "/2000", i -> "25/12/2000");
        assertEquals("d/M/yyyy", r.decision().format());
        assertSameValues(expected(i -> (int) LocalDate.of(2000, (i + 5) % 12 + 1, i % 12 + 1).toEpochDay(),
                i -> (int) LocalDate.of(2000, 12, 25).toEpochDay()), r.values());
    }

    @Test
    void isoDatesThenALayoutKeepTheStoredDays() {
        LocalDate start = LocalDate.of(2001, 1, 1);
        java.time.format.DateTimeFormatter layout = java.time.format.DateTimeFormatter.ofPattern("MMM d yyyy",
                java.util.Locale.ENGLISH);
        ColumnRead r = read(i -> start.plusDays(i).toString(), i -> start.plusDays(i).format(layout));
        assertEquals("MMM d yyyy", r.decision().format());
        assertSameValues(expected(i -> (int) start.plusDays(i).toEpochDay(), i -> (int) start.plusDays(i).toEpochDay()),
                r.values());
    }

    @Test
    void nullsFirstThenText() {
        ColumnRead r = read(i -> "NA", i -> "word " + i); // (an empty cell alone on its line is a blank line)
        assertEquals(CsvType.STRING, r.decision().type());
        assertSameValues(expected(i -> null, i -> "word " + i), r.values());
    }

    @Test
    void booleansThatTurnOutTextKeepTheirSpelling() {
        ColumnRead r = read(i -> i % 2 == 0 ? "TRUE" : "false", i -> "maybe " + i);
        assertEquals(CsvType.STRING, r.decision().type());
        assertSameValues(expected(i -> i % 2 == 0 ? "TRUE" : "false", i -> "maybe " + i), r.values());
    }
}
