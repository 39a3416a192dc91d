package dev.charton.input.csv;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Integers and naive timestamps are parsed once, by classification, and conversion stores what it
 * parsed ({@link RowChunk#parsed}): the values kept must be the values the text reads as, and a
 * column promoted after them must read as if every value had been parsed again.
 */
class ParsedValuesTest {
    private static final LocalDateTime START = LocalDateTime.of(1969, 12, 31, 23, 59, 58, 250_000_000);

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    @Test
    void theValuesKeptAreTheValuesTheTextReadsAs() {
        String[] cells = {"2024-02-29 13:45:07.123456", " 2024-03-01 ", "2024-03-01T00:00", "NA", null,
                "1900-01-01 00:00:00.5"};
        RowChunk chunk = chunkOf(cells);
        RowChunk promoted = chunkOf("2024-03-01 10:00:00", "2024-03-01 10:00:00+02:00", "2015/01/01 01:00:00");
        classify(chunkOf("2024-01-01 00:00:00"), chunk, promoted);

        long[] parsed = chunk.parsed[0];
        assertNotNull(parsed, "a column that may be a timestamp keeps its parsed values");
        for (int i = 0; i < cells.length; i++) {
            if (parsed[i] != TextValues.NOT_A_VALUE) {
                assertEquals(TextValues.naiveMicros(TextValues.trim(cells[i])), parsed[i], "row " + i);
            }
        }
        assertEquals(micros(LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_456_000)), parsed[0]);
        assertEquals(micros(LocalDate.of(2024, 3, 1).atStartOfDay()), parsed[1], "an ISO date is its midnight");
        assertEquals(micros(LocalDate.of(2024, 3, 1).atStartOfDay()), parsed[2]);
        assertEquals(TextValues.NOT_A_VALUE, parsed[3], "a null token");
        assertEquals(TextValues.NOT_A_VALUE, parsed[4], "a field added by --ragged pad");
        assertEquals(micros(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 500_000_000)), parsed[5]);
        assertNull(promoted.parsed[0], "an offset, then text: the storage changed, nothing is kept");
    }

    @Test
    void integersWrittenAsDigitsAloneAreKept() {
        RowChunk chunk = chunkOf("42", " -7 ", "+5", "NA", "9223372036854775807", "-9223372036854775807", "1,234");
        classify(chunkOf("1,000"), chunk); // a thousands separator: the column's reading from here on

        long[] parsed = chunk.parsed[0];
        assertEquals(42, parsed[0]);
        assertEquals(-7, parsed[1]);
        assertEquals(5, parsed[2]);
        assertEquals(TextValues.NOT_A_VALUE, parsed[3], "a null token");
        assertEquals(Long.MAX_VALUE, parsed[4]);
        assertEquals(-Long.MAX_VALUE, parsed[5]);
        assertEquals(TextValues.NOT_A_VALUE, parsed[6], "a thousands separator: read by the column's reading");
        assertEquals(CsvType.INT64, chunk.storages.get(0).type());
        assertEquals(',', chunk.storages.get(0).reading().group());
    }

    @Test
    void integersThenFractionsBigNumbersOrSeparatorsReadAsTheirText() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            texts.add(Long.toString(i * 1_000_003L - 3_000_000_000L));
        }
        List<String> fractions = new ArrayList<>(texts);
        fractions.add("0.25");
        List<String> big = new ArrayList<>(texts);
        big.add("92233720368547758070");
        List<String> grouped = new ArrayList<>(texts.subList(0, 10));
        grouped.addAll(List.of("1,234", "-5,678,901"));

        assertSameValues(map(texts, Double::valueOf), read(fractions).get("t").subList(0, texts.size()));
        assertEquals(0.25, read(fractions).get("t").get(texts.size()));
        assertSameValues(map(texts, BigDecimal::new), read(big).get("t").subList(0, texts.size()));
        List<Object> expected = map(texts.subList(0, 10), Long::valueOf);
        expected.addAll(List.of(1234L, -5678901L));
        assertSameValues(expected, read(grouped).get("t"));
    }

    @Test
    void numbersInAFloatColumnAreKeptAsTheBitsOfTheirDouble() {
        RowChunk first = chunkOf("0.5");
        RowChunk second = chunkOf("0.1", "3", "-1e-7", " 12345678901234567890 ", "NaN", "-0.0");
        classify(first, second);

        assertEquals(TextValues.NOT_A_VALUE, first.parsed[0][0], "parsed as the type before it: none yet");
        long[] parsed = second.parsed[0];
        assertEquals(Double.doubleToRawLongBits(0.1), parsed[0]);
        assertEquals(Double.doubleToRawLongBits(3.0), parsed[1], "an integer in a float column, as a double");
        assertEquals(Double.doubleToRawLongBits(-1e-7), parsed[2]);
        assertEquals(Double.doubleToRawLongBits(12345678901234567890.0), parsed[3]);
        assertEquals(TextValues.NOT_A_VALUE, parsed[4], "NaN is a null here, left to its consumer");
        assertEquals(TextValues.NOT_A_VALUE, parsed[5], "-0.0's bits are the mark of no value: parsed again");
        assertEquals(CsvType.FLOAT64, second.storages.get(0).type());
    }

    @Test
    void aChunkWhoseStorageChangesKeepsNothing() {
        RowChunk numbers = chunkOf("1", "2");
        RowChunk promoted = chunkOf("3", "4.5", "6");
        classify(numbers, promoted);
        RowChunk times = chunkOf("2024-01-01 00:00:00", "x");
        RowChunk text = chunkOf("2024-01-02 00:00:00");
        classify(times, text);

        assertNull(numbers.parsed[0], "the first value set the column's type");
        assertNull(promoted.parsed[0], "3 was parsed as an int64, 6 as a float64: the chunk is parsed again");
        assertNull(times.parsed[0], "a timestamp, then text: the storage changed within the chunk");
        assertNull(text.parsed[0], "a text column: nothing to keep");
    }

    @Test
    void integersThenFloatsThenIntegersReadAsTheirText() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 9000; i++) {
            texts.add(i < 5000 || i % 3 != 0 ? Integer.toString(i - 4000) : (i - 4000) + ".125");
        }
        assertSameValues(map(texts, Double::valueOf), read(texts).get("t"));
    }

    @Test
    void integersTypedFloat64ReadAsFloats() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(Integer.toString(i * 7 - 100));
        }
        CsvOptions options = CsvOptions.builder().typeOverrides(Map.of("t", CsvType.FLOAT64)).batchRows(700).build();
        assertSameValues(map(texts, Double::valueOf), CsvTables.readAll(csv(texts), options, allocator).get("t"));
    }

    @Test
    void decimalCommasAreReadByTheColumnsReading() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            texts.add(i % 2 == 0 ? i + ",5" : Integer.toString(i));
        }
        assertSameValues(map(texts, t -> Double.valueOf(t.replace(',', '.'))), read(texts).get("t"));
    }

    @Test
    void naiveTimestampsStoredFromTheParsedValuesEqualTheirText() {
        List<String> texts = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 9000; i++) {
            LocalDateTime t = START.plus(i * 1_234_567L, ChronoUnit.MICROS);
            String text = i % 5 == 0 ? t.toLocalDate().toString() : (i % 7 == 0 ? " " : "") + t.toString().replace('T', ' ');
            texts.add(i % 11 == 0 ? "" : text);
            expected.add(i % 11 == 0 ? null : i % 5 == 0 ? t.toLocalDate().atStartOfDay() : t);
        }
        Map<String, List<Object>> read = read(texts);
        assertSameValues(expected, read.get("t"));
    }

    @Test
    void naiveTimestampsThenOffsetsAreAllStoredAsUtc() {
        List<String> texts = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            LocalDateTime t = START.plusSeconds(i * 37L);
            texts.add(t.toString());
            expected.add(micros(t)); // naive values in a column with offsets are taken as UTC
        }
        for (int i = 0; i < 3000; i++) {
            LocalDateTime t = START.plusMinutes(i);
            texts.add(t + "+02:00");
            expected.add(micros(t.minusHours(2)));
        }
        try (CsvTableReader reader = CsvTables.open(csv(texts), CsvOptions.defaults().withBatchRows(700), allocator)) {
            assertEquals(CsvType.TIMESTAMP_TZ, reader.decisions().get(0).type());
            assertSameValues(expected, CsvTables.readAll(reader).get("t"));
        }
    }

    @Test
    void naiveTimestampsThenAWordAreReadAgainAsTheirText() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            texts.add((i % 3 == 0 ? " " : "") + START.plusSeconds(i).toString().replace('T', ' '));
        }
        texts.add("soon");
        Map<String, List<Object>> read = read(texts);
        assertSameValues(new ArrayList<>(texts), read.get("t"));
    }

    private Map<String, List<Object>> read(List<String> texts) {
        return CsvTables.readAll(csv(texts), CsvOptions.defaults().withBatchRows(700), allocator);
    }

    private static String csv(List<String> texts) {
        StringBuilder csv = new StringBuilder("t,n\n");
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            csv.append(text.contains(",") ? '"' + text + '"' : text).append(',').append(i).append('\n');
        }
        return csv.toString();
    }

    /** Classifies the chunks of one column in order, as the classifying thread does. */
    private static void classify(RowChunk... chunks) {
        TypeSniffer sniffer = new TypeSniffer(List.of("x"), new int[] {0}, CsvOptions.defaults(), "test.csv");
        for (RowChunk chunk : chunks) {
            sniffer.observe(chunk);
        }
    }

    private static List<Object> map(List<String> texts, java.util.function.Function<String, Object> read) {
        List<Object> values = new ArrayList<>();
        texts.forEach(t -> values.add(read.apply(t)));
        return values;
    }

    private static RowChunk chunkOf(String... cells) {
        RowChunk chunk = new RowChunk(cells.length);
        for (int i = 0; i < cells.length; i++) {
            chunk.add(new String[] {cells[i]}, i + 2);
        }
        return chunk;
    }

    private static long micros(LocalDateTime t) {
        return ChronoUnit.MICROS.between(LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC), t);
    }

    private static void assertSameValues(List<Object> expected, List<Object> actual) {
        assertNotEquals(0, expected.size());
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
        assertEquals(expected.size(), actual.size(), "rows");
    }
}
