package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Type inference over the whole file, promotion, dictionaries, overrides, and what the decisions say. */
class CsvInferenceTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close(); // fails the test if any Arrow buffer leaked
    }

    private static Integer day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    private List<ColumnDecision> decisions(String csv, CsvOptions options) {
        try (CsvTableReader reader = CsvTables.open(csv, options, allocator)) {
            return reader.decisions();
        }
    }

    private List<CsvType> types(String csv) {
        return decisions(csv, CsvOptions.defaults()).stream().map(ColumnDecision::type).toList();
    }

    @Test
    void infersEachType() {
        String csv = "b,i,big,f,d,ts,tz,s\n"
                + "true,1,99999999999999999999,1.5,2024-01-31,2024-01-31T10:00:00,2024-01-31T10:00:00Z,x\n"
                + "FALSE,-42,-99999999999999999999,2,2024-02-29,2024-02-29 23:59:59.123456,2024-02-29T23:59Z,y\n";
        assertEquals(List.of(CsvType.BOOLEAN, CsvType.INT64, CsvType.DECIMAL, CsvType.FLOAT64, CsvType.DATE,
                CsvType.TIMESTAMP, CsvType.TIMESTAMP_TZ, CsvType.STRING), types(csv));
        Map<String, List<Object>> v = CsvTables.readAll(csv, CsvOptions.defaults(), allocator);
        assertEquals(List.of(true, false), v.get("b"));
        assertEquals(List.of(1L, -42L), v.get("i"));
        assertEquals(List.of(new BigDecimal("99999999999999999999"), new BigDecimal("-99999999999999999999")), v.get("big"));
        assertEquals(List.of(1.5, 2.0), v.get("f"));
        assertEquals(List.of(day(2024, 1, 31), day(2024, 2, 29)), v.get("d"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000), v.get("ts").get(1));
        assertEquals(List.of("x", "y"), v.get("s"));
    }

    @Test
    void nullTokensAreNullsAndDoNotDecideTheType() {
        String csv = "a,b,c,d\n1,NA,,x\nnull,2.5,N/A,NaN\n3,NaN,NULL,y\n";
        assertEquals(List.of(CsvType.INT64, CsvType.FLOAT64, CsvType.FLOAT64, CsvType.STRING), types(csv));
        Map<String, List<Object>> v = CsvTables.readAll(csv, CsvOptions.defaults(), allocator);
        assertEquals(java.util.Arrays.asList(1L, null, 3L), v.get("a"));
        assertEquals(java.util.Arrays.asList(null, 2.5, null), v.get("b"), "NaN is a null token for floats");
        assertEquals(java.util.Arrays.asList("x", "NaN", "y"), v.get("d"), "but text in a string column");
        assertTrue(decisions(csv, CsvOptions.defaults()).get(2).reason().startsWith("no values"));
    }

    @Test
    void userNullTokensReplaceTheDefaults() {
        CsvOptions options = CsvOptions.builder().nulls(NullTokens.of(List.of("-"))).build();
        Map<String, List<Object>> v = CsvTables.readAll("a,b\n-,NA\n2,x\n", options, allocator);
        assertEquals(java.util.Arrays.asList(null, 2L), v.get("a"));
        assertEquals(List.of("NA", "x"), v.get("b"));
    }

    @Test
    void surroundingSpacesDoNotHideNumbersButTextIsKeptExactly() {
        Map<String, List<Object>> v = CsvTables.readAll("n, s\n 1 , a \n2,b\n", CsvOptions.defaults(), allocator);
        assertEquals(List.of(1L, 2L), v.get("n"));
        assertEquals(List.of(" a ", "b"), v.get("s"));
    }

    @Test
    void leadingZerosKeepAColumnAsText() {
        assertEquals(List.of(CsvType.STRING), types("zip\n01234\n98765\n"));
    }

    @Test
    void integersBeyondInt64StayExactAsDecimal() {
        Map<String, List<Object>> v = CsvTables.readAll("big\n9223372036854775807\n9223372036854775808\n",
                CsvOptions.defaults(), allocator);
        assertEquals(List.of(new BigDecimal("9223372036854775807"), new BigDecimal("9223372036854775808")), v.get("big"));
        assertEquals(List.of(CsvType.STRING), types("huge\n1234567890123456789012345678901234567890\n"),
                "beyond 38 digits no numeric type holds every digit");
    }

    /** The row number where a late value appears, far beyond any sample a reader might take. */
    private static String lateValue(int rows, int at, String value) {
        StringBuilder csv = new StringBuilder("id,v\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(i == at ? value : Integer.toString(i * 7)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aLateFloatPromotesTheWholeColumnToFloat64() {
        String csv = lateValue(70_000, 60_000, "0.5");
        try (CsvTableReader reader = CsvTables.open(csv, CsvOptions.defaults(), allocator)) {
            ColumnDecision d = reader.decisions().get(1);
            assertEquals(CsvType.FLOAT64, d.type());
            assertTrue(d.reason().contains("int64 until line 60001 ('0.5')"), d.reason());
            List<Object> values = CsvTables.readAll(reader).get("v");
            assertEquals(70_000, values.size());
            assertEquals(7.0, values.get(0));
            assertEquals(0.5, values.get(59_999));
            assertEquals(70_000 * 7.0, values.get(69_999));
        }
    }

    @Test
    void aLateWordPromotesToStringKeepingEveryTextExactly() {
        String csv = lateValue(70_000, 65_000, "n/a (sensor off)");
        List<Object> values = CsvTables.readAll(csv, CsvOptions.defaults(), allocator).get("v");
        assertEquals("7", values.get(0));
        assertEquals("n/a (sensor off)", values.get(64_999));
        assertEquals("490000", values.get(69_999));
    }

    @Test
    void promotionsFollowTheLattice() {
        assertEquals(List.of(CsvType.FLOAT64), types("v\n1\n99999999999999999999\n2.5\n"));
        assertEquals(List.of(CsvType.DECIMAL), types("v\n1\n99999999999999999999\n"));
        assertEquals(List.of(CsvType.TIMESTAMP), types("v\n2024-01-01\n2024-01-02 10:30\n"));
        assertEquals(List.of(CsvType.STRING), types("v\ntrue\n1\n"));
        assertEquals(List.of(CsvType.TIMESTAMP_TZ), types("v\n2024-01-01T10:00Z\n2024-01-01T10:00\n"));
        List<ColumnDecision> d = decisions("v\n1\n99999999999999999999\n2.5\nx\n", CsvOptions.defaults());
        assertTrue(d.get(0).reason().contains("int64 until line 3")
                && d.get(0).reason().contains("decimal128(38, 0) until line 4")
                && d.get(0).reason().contains("float64 until line 5 ('x')"), d.get(0).reason());
    }

    @Test
    void fewDistinctTextsBecomeOneFixedDictionaryAcrossBatches() {
        StringBuilder csv = new StringBuilder("city,n\n");
        String[] cities = {"Oslo", "Lima", "Pune"};
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String city = i == 999 ? "Nuuk" : cities[i % 3];
            csv.append(city).append(',').append(i).append('\n');
            expected.add(city);
        }
        try (CsvTableReader reader = CsvTables.open(csv.toString(), CsvOptions.defaults().withBatchRows(100), allocator)) {
            ColumnDecision d = reader.decisions().get(0);
            assertEquals(CsvType.CATEGORY, d.type());
            assertTrue(d.reason().contains("4 distinct values"), d.reason());
            assertEquals(4, CsvTables.dictionaryOf(reader, "city").getVector().getValueCount(),
                    "the dictionary holds the value first seen in the last batch too");
            assertEquals(expected, CsvTables.readAll(reader).get("city"));
        }
    }

    @Test
    void manyDistinctTextsStayPlainStrings() {
        StringBuilder csv = new StringBuilder("id\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("item-").append(i).append('\n');
        }
        ColumnDecision d = decisions(csv.toString(), CsvOptions.defaults()).get(0);
        assertEquals(CsvType.STRING, d.type());
        assertEquals(List.of(CsvType.STRING), types("name\na\nb\nc\n"), "each value once: no dictionary");
    }

    @Test
    void typeOverridesWinAndAreChecked() {
        CsvOptions options = CsvOptions.defaults().withTypeOverrides(Map.of("n", CsvType.STRING, "c", CsvType.CATEGORY));
        try (CsvTableReader reader = CsvTables.open("n,c\n1,a\n2,b\n", options, allocator)) {
            assertEquals(List.of(CsvType.STRING, CsvType.CATEGORY), reader.decisions().stream().map(ColumnDecision::type).toList());
            assertEquals("set by --type; 2 distinct values, dictionary-encoded", reader.decisions().get(1).reason());
            Map<String, List<Object>> v = CsvTables.readAll(reader);
            assertEquals(List.of("1", "2"), v.get("n"));
            assertEquals(List.of("a", "b"), v.get("c"));
        }
        CsvOptions asInt = CsvOptions.defaults().withTypeOverrides(Map.of("n", CsvType.INT64));
        ChartonException e = assertThrows(ChartonException.class, () -> decisions("n\n1\n2\n2.5\n", asInt));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("<stdin>:4: column 'n' is int64 by --type, but has '2.5'", e.getMessage());
        ChartonException unknown = assertThrows(ChartonException.class,
                () -> decisions("a\n1\n", CsvOptions.defaults().withTypeOverrides(Map.of("b", CsvType.INT64))));
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("no column named 'b' (available: a)"), unknown.getMessage());
    }

    @Test
    void offsetTimestampsAreUtcWithTheCommonZoneKept() {
        String csv = "t\n2024-03-01T12:00:00+02:00\n2024-03-01T13:30:00+02:00\n";
        try (CsvTableReader reader = CsvTables.open(csv, CsvOptions.defaults(), allocator)) {
            ColumnDecision d = reader.decisions().get(0);
            assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "+02:00"), d.arrowType());
            reader.loadNextBatch();
            long expected = OffsetDateTime.parse("2024-03-01T12:00:00+02:00").toEpochSecond() * 1_000_000L;
            assertEquals(expected, ((org.apache.arrow.vector.TimeStampMicroTZVector) reader.root().getVector(0)).get(0));
        }
        ColumnDecision mixed = decisions("t\n2024-03-01T12:00:00Z\n2024-03-01T13:30:00-05:00\n", CsvOptions.defaults()).get(0);
        assertEquals("UTC", mixed.zone());
        assertTrue(mixed.reason().contains("offsets differ"), mixed.reason());
    }

    @Test
    void commonDateLayoutsAreDetected() {
        Map<String, List<Object>> v = CsvTables.readAll("d\nJan 1 2000\nFeb 29 2000\n", CsvOptions.defaults(), allocator);
        assertEquals(List.of(day(2000, 1, 1), day(2000, 2, 29)), v.get("d"));
        ColumnDecision ambiguous = decisions("d\n1/2/2000\n3/4/2000\n", CsvOptions.defaults()).get(0);
        assertEquals(CsvType.DATE, ambiguous.type());
        assertEquals("M/d/yyyy", ambiguous.format());
        assertTrue(ambiguous.reason().contains("d/M/yyyy fits too"), ambiguous.reason());
        assertEquals("d/M/yyyy", decisions("d\n1/2/2000\n31/5/2000\n", CsvOptions.defaults()).get(0).format(),
                "31 cannot be a month");
    }

    @Test
    void dateFormatChoosesTheLayout() {
        CsvOptions dayFirst = CsvOptions.builder().dateFormat("d/M/yyyy").build();
        Map<String, List<Object>> v = CsvTables.readAll("d\n1/2/2000\n2000-03-04\n", dayFirst, allocator);
        assertEquals(List.of(day(2000, 2, 1), day(2000, 3, 4)), v.get("d"),
                "the layout and ISO dates both");
        assertEquals(List.of(CsvType.STRING), decisions("d\nJan 1 2000\n", dayFirst).stream().map(ColumnDecision::type).toList());
    }

    @Test
    void decisionsSayWhy() {
        ColumnDecision n = decisions("n,s\n1,a\n2,3\n", CsvOptions.defaults()).get(0);
        assertEquals("all 2 values fit int64", n.reason());
        ColumnDecision s = decisions("s\nabc\n2\n", CsvOptions.defaults()).get(0);
        assertTrue(s.reason().contains("'abc' on line 2"), s.reason());
        assertNull(n.zone());
    }
}
