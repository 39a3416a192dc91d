package dev.charton.input.csv;

import dev.charton.input.InputFormat;
import dev.charton.input.TextColumns;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The types sniffing reads beyond ISO numbers and dates, each with what {@code schema} says about it. */
class CsvSniffedTypesTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private Map<String, List<Object>> read(String csv, CsvOptions options) {
        return CsvTables.readAll(csv, options, allocator);
    }

    private Map<String, List<Object>> read(String csv) {
        return read(csv, CsvOptions.defaults());
    }

    private ColumnDecision decision(String csv, CsvOptions options) {
        try (CsvTableReader reader = CsvTables.open(csv, options, allocator)) {
            return reader.decisions().get(0);
        }
    }

    private ColumnDecision decision(String csv) {
        return decision(csv, CsvOptions.defaults());
    }

    private static LocalDateTime at(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s);
    }

    @Test
    void timesOfDayAreTime64() {
        assertEquals(CsvType.TIME, decision("t\n05:40\n9:26 PM\n23:59:58.5\n").type());
        List<Object> times = read("t\n05:40\n9:26 PM\n23:59:58.5\n").get("t");
        long minute = 60_000_000L;
        assertEquals(List.of(340 * minute, (21 * 60 + 26) * minute, 86_398_500_000L), times, "microseconds");
    }

    @Test
    void moreDateLayouts() {
        assertEquals(List.of(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 2, 1)), dates("d\n1-1-2016\n1-2-2016\n"));
        assertEquals(List.of(LocalDate.of(2005, 10, 3), LocalDate.of(2005, 10, 13)), dates("d\n2005-10-3\n2005-10-13\n"));
        assertEquals(List.of(LocalDate.of(2023, 12, 17), LocalDate.of(1999, 1, 7)), dates("d\n12/17/23\n1/7/99\n"));
        assertEquals("M/d/yy", decision("d\n12/17/23\n").format());
    }

    @Test
    void yearMonthsAreTheFirstOfTheMonth() {
        assertEquals(List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 1)), dates("m\n2025-01\n2025-12\n"));
    }

    private List<Object> dates(String csv) {
        Map<String, List<Object>> columns = read(csv);
        List<Object> values = columns.values().iterator().next();
        return values.stream().map(v -> (Object) LocalDate.ofEpochDay((Integer) v)).toList();
    }

    @Test
    void commonNonIsoTimestamps() {
        assertEquals(List.of(at(2015, 1, 1, 1, 0, 0), at(2015, 1, 1, 13, 0, 0)),
                read("time\n2015/01/01 01:00:00\n2015/01/01 13:00:00\n").get("time"));
        assertEquals(List.of(at(2024, 3, 14, 21, 26, 0), at(2024, 3, 14, 0, 5, 0)),
                read("t\n3/14/2024 9:26 PM\n3/14/2024 12:05 AM\n").get("t"));
        assertEquals(List.of(at(2024, 3, 14, 21, 26, 0)), read("t\n14.03.2024 21:26\n").get("t"));
        ColumnDecision d = decision("t\n3/14/2024 9:26 PM\n");
        assertEquals(CsvType.TIMESTAMP, d.type());
        assertTrue(d.reason().contains("layout M/d/yyyy h:mm a"), d.reason());
    }

    @Test
    void zoneNamesAndMixedOffsetsAreUtc() {
        ColumnDecision named = decision("t\n2021-05-25 04:55:03 UTC\n2021-05-25 05:00:00 UTC\n");
        assertEquals(CsvType.TIMESTAMP_TZ, named.type());
        assertEquals("UTC", named.zone());
        String mixed = "t\n2021-05-25T04:55:03+02:00\n2021-05-25 04:55:03\n";
        ColumnDecision d = decision(mixed);
        assertEquals(CsvType.TIMESTAMP_TZ, d.type());
        assertTrue(d.reason().contains("no offset"), d.reason());
        List<Object> micros = read(mixed).get("t");
        assertEquals(List.of(at(2021, 5, 25, 2, 55, 3), at(2021, 5, 25, 4, 55, 3)), micros.stream()
                .map(m -> (Object) LocalDateTime.ofEpochSecond((Long) m / 1_000_000, 0, ZoneOffset.UTC)).toList());
    }

    @Test
    void thousandsSeparatorsWhenEveryValueAgrees() {
        assertEquals(List.of(1234L, 12345678L), read("n\n\"1,234\"\n\"12,345,678\"\n").get("n"));
        assertEquals(List.of(123000L), read("text|number\nfoo|123,000\n").get("number"));
        assertTrue(decision("n\n\"1,234\"\n").reason().contains("thousands separator ','"));
    }

    @Test
    void decimalCommasWhenEveryValueAgrees() {
        assertEquals(List.of(2.5, 4.25), read("x;y\n1;2,5\n3;4,25\n").get("y"));
        assertEquals(List.of(1234.5, 2.0), read("v\n\"1.234,5\"\n\"2,0\"\n").get("v"));
    }

    @Test
    void aLonePointIsADecimalPoint() {
        assertEquals(List.of(1.234), read("v\n1.234\n").get("v"));
        assertEquals(List.of(1.234, 2.5), read("v\n1.234\n2.5\n").get("v"));
    }

    @Test
    void readingsThatDisagreeLeaveText() {
        assertEquals(CsvType.STRING, decision("v\n\"1,5\"\n\"1,234.5\"\n").type());
    }

    @Test
    void optionsSetTheReading() {
        CsvOptions comma = CsvOptions.builder().decimalComma(true).build();
        assertEquals(List.of(1.234), read("v\n\"1,234\"\n", comma).get("v"));
        CsvOptions spaces = CsvOptions.builder().thousands(' ').build();
        assertEquals(List.of(1234567L), read("v\n1 234 567\n", spaces).get("v"));
    }

    @Test
    void timestampFormatAndDateFormatWithATime() {
        CsvOptions ts = CsvOptions.builder().timestampFormat("dd.MM.yyyy HH:mm").build();
        assertEquals(List.of(at(2024, 3, 4, 21, 26, 0)), read("t\n04.03.2024 21:26\n", ts).get("t"));
        CsvOptions date = CsvOptions.builder().dateFormat("yyyyMMdd HHmmss").build();
        assertEquals(List.of(at(2024, 3, 4, 21, 26, 5)), read("t\n20240304 212605\n", date).get("t"));
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsText() throws IOException {
        // The bytes `printf 'name,age\nJosé,30\n' | iconv -t utf-16` writes: a little-endian mark, then UTF-16LE.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write("name,age\nJosé,30\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16 = bytes.toByteArray();
        assertEquals(InputFormat.CSV, InputFormat.sniff(new BufferedInputStream(new ByteArrayInputStream(utf16))));
        for (CsvOptions options : List.of(CsvOptions.defaults(),
                CsvOptions.builder().encoding(Charset.forName("UTF-16")).build())) {
            try (CsvTableReader reader = CsvTables.open(utf16, options, allocator)) {
                Map<String, List<Object>> v = CsvTables.readAll(reader);
                assertEquals(List.of("José"), v.get("name"));
                assertEquals(List.of(30L), v.get("age"));
            }
        }
    }

    @Test
    void utf32AndBigEndianMarksNameTheirEncodings() {
        for (ByteOrderMark mark : List.of(ByteOrderMark.UTF_16BE, ByteOrderMark.UTF_32LE, ByteOrderMark.UTF_32BE)) {
            byte[] text = "a,b\n1,2\n".getBytes(mark.charset());
            byte[] withMark = new byte[text.length + (mark.charset().name().contains("32") ? 4 : 2)];
            byte[] prefix = "\uFEFF".getBytes(mark.charset());
            System.arraycopy(prefix, 0, withMark, 0, prefix.length);
            System.arraycopy(text, 0, withMark, prefix.length, text.length);
            try (CsvTableReader reader = CsvTables.open(withMark, CsvOptions.defaults(), allocator)) {
                assertEquals(List.of(2L), CsvTables.readAll(reader).get("b"), mark.name());
            }
        }
    }

    @Test
    void aTextColumnThatMostlyLooksLikeNumbersOrTimesSaysWhichOptionReadsIt() {
        String spoiled = decision("v\n1\n2\nn/a\n4\n").reason();
        assertTrue(spoiled.contains("3 of 4 values look like numbers (not 'n/a'; --null-value 'n/a' reads"), spoiled);
        String twoWays = decision("v\n\"1,5\"\n\"1,234.5\"\n").reason();
        assertTrue(twoWays.contains("all 2 values look like numbers, but not all in one way: --thousands"), twoWays);
        String dates = decision("d\n2024-01-01\n2024-01-02\nsoon\n").reason();
        assertTrue(dates.contains("2 of 3 values look like dates or times"), dates);
        String words = decision("w\nred\ngreen\n").reason();
        assertTrue(!words.contains("look like"), words);
        // The word that spoils the numbers is past the sample of 10,000 values the hint counts.
        String late = decision("v\n" + "1.5\n".repeat(TextHint.SAMPLE + 5) + "oops\n").reason();
        assertTrue(late.contains("all of the first 10000 values look like numbers (not 'oops'; --null-value 'oops'"),
                late);
    }

    @Test
    void aTextColumnWhoseValuesNearlyAllReadAsNumbersOrTimesCarriesItInItsField() {
        String csv = "v,d,w\n" + "1,2024-01-01,red\n".repeat(9) + "oops,soon,1\n";
        try (CsvTableReader reader = CsvTables.open(csv, CsvOptions.defaults(), allocator)) {
            List<org.apache.arrow.vector.types.pojo.Field> fields = reader.root().getSchema().getFields();
            assertEquals(Optional.of("9 of 10 values look like numbers ('1') (not 'oops'; --null-value 'oops' reads such"
                    + " cells as nulls, in place of the default tokens)"), TextColumns.readsAs(fields.get(0)));
            assertTrue(TextColumns.readsAs(fields.get(1)).orElseThrow().startsWith("9 of 10 values look like dates or"
                    + " times ('2024-01-01') (not 'soon'"), fields.get(1).toString());
            assertEquals(Optional.empty(), TextColumns.readsAs(fields.get(2)));
        }
        String eightOfTen = "v\n" + "1\n".repeat(8) + "a\nb\n";
        try (CsvTableReader reader = CsvTables.open(eightOfTen, CsvOptions.defaults(), allocator)) {
            assertEquals(Optional.empty(), TextColumns.readsAs(reader.root().getSchema().getFields().get(0)));
        }
    }

    @Test
    void aQuotedNumberWithAThousandsSeparatorIsANumber() {
        assertEquals(List.of(1234L), read("a\n\"1,234\"\n").get("a"));
    }
}
