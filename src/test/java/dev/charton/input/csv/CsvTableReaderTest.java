package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableReaderTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private CsvTableReader read(String csv, CsvOptions options) {
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        return new CsvTableReader(in, "test.csv", options, allocator);
    }

    private CsvTableReader read(String csv) {
        return read(csv, CsvOptions.defaults());
    }

    private static List<CsvType> types(CsvTableReader reader) {
        return reader.decisions().stream().map(ColumnDecision::type).toList();
    }

    @Test
    void infersEachBasicType() {
        String csv = "b,i,f,d,ts,s\n"
                + "true,1,1.5,2024-01-31,2024-01-31T10:00:00,x\n"
                + "FALSE,-42,2,2024-02-29,2024-02-29 23:59:59.123456,y\n";
        try (CsvTableReader reader = read(csv)) {
            assertEquals(List.of(CsvType.BOOLEAN, CsvType.INT64, CsvType.FLOAT64, CsvType.DATE, CsvType.TIMESTAMP,
                    CsvType.STRING), types(reader));
            assertTrue(reader.loadNextBatch());
            VectorSchemaRoot root = reader.root();
            assertEquals(2, root.getRowCount());
            assertEquals(Boolean.TRUE, root.getVector("b").getObject(0));
            assertEquals(Boolean.FALSE, root.getVector("b").getObject(1));
            assertEquals(-42L, root.getVector("i").getObject(1));
            assertEquals(2.0, root.getVector("f").getObject(1));
            assertEquals((int) LocalDate.of(2024, 2, 29).toEpochDay(), ((Number) root.getVector("d").getObject(1)).intValue());
            long micros = LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000_000L + (23 * 3600 + 59 * 60 + 59) * 1_000_000L + 123_456;
            assertEquals(micros, ((org.apache.arrow.vector.TimeStampMicroVector) root.getVector("ts")).get(1));
            assertEquals("y", root.getVector("s").getObject(1).toString());
            assertFalse(reader.loadNextBatch());
        }
    }

    @Test
    void nullTokensAreNullsAndDoNotDecideTheType() {
        String csv = "a,b,c\n1,NA,\nnull,2.5,N/A\n3,NaN,NULL\n";
        try (CsvTableReader reader = read(csv)) {
            assertEquals(List.of(CsvType.INT64, CsvType.FLOAT64, CsvType.STRING), types(reader));
            reader.loadNextBatch();
            VectorSchemaRoot root = reader.root();
            assertTrue(root.getVector("a").isNull(1));
            assertTrue(root.getVector("b").isNull(0));
            assertTrue(root.getVector("b").isNull(2), "NaN is a null token for floats");
            assertEquals(3, root.getVector("c").getNullCount());
        }
    }

    @Test
    void leadingZerosKeepAColumnAsText() {
        try (CsvTableReader reader = read("zip\n01234\n98765\n")) {
            assertEquals(List.of(CsvType.STRING), types(reader));
        }
    }

    @Test
    void integersBeyondInt64AreNotTruncated() {
        try (CsvTableReader reader = read("big\n9223372036854775807\n9223372036854775808\n")) {
            assertEquals(List.of(CsvType.FLOAT64), types(reader));
        }
    }

    @Test
    void offsetTimestampsAreUtcWithTheCommonZoneKept() {
        try (CsvTableReader reader = read("t\n2024-03-01T12:00:00+02:00\n2024-03-01T13:30:00+02:00\n")) {
            ColumnDecision d = reader.decisions().get(0);
            assertEquals(CsvType.TIMESTAMP_TZ, d.type());
            assertEquals(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "+02:00"), d.arrowType());
            reader.loadNextBatch();
            long expected = java.time.OffsetDateTime.parse("2024-03-01T12:00:00+02:00").toEpochSecond() * 1_000_000L;
            assertEquals(expected, ((org.apache.arrow.vector.TimeStampMicroTZVector) reader.root().getVector(0)).get(0));
        }
        try (CsvTableReader reader = read("t\n2024-03-01T12:00:00Z\n2024-03-01T13:30:00-05:00\n")) {
            assertEquals("UTC", reader.decisions().get(0).zone());
        }
    }

    @Test
    void decisionsSayWhy() {
        try (CsvTableReader reader = read("n\n1\n2\n")) {
            assertTrue(reader.decisions().get(0).reason().contains("2 non-null values"), reader.decisions().get(0).reason());
        }
    }

    @Test
    void typeOverrideWins() {
        try (CsvTableReader reader = read("n\n1\n2\n", CsvOptions.defaults().withTypeOverrides(Map.of("n", CsvType.STRING)))) {
            assertEquals(List.of(CsvType.STRING), types(reader));
            reader.loadNextBatch();
            assertEquals("2", reader.root().getVector(0).getObject(1).toString());
        }
    }

    @Test
    void streamsInBatchesOfTheConfiguredSize() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < 25; i++) {
            csv.append(i).append('\n');
        }
        try (CsvTableReader reader = read(csv.toString(), CsvOptions.defaults().withBatchRows(10))) {
            int[] sizes = new int[4];
            int batches = 0;
            while (reader.loadNextBatch()) {
                sizes[batches++] = reader.root().getRowCount();
            }
            assertEquals(3, batches);
            assertEquals(10, sizes[0]);
            assertEquals(5, sizes[2]);
            assertEquals(24L, reader.root().getVector(0).getObject(4));
        }
    }

    @Test
    void detectsTheDelimiter() {
        try (CsvTableReader reader = read("a;b;c\n1;2;3\n4;5;6\n")) {
            assertEquals(3, reader.decisions().size());
        }
        try (CsvTableReader reader = read("a\tb\n1\t2\n")) {
            assertEquals(2, reader.decisions().size());
        }
    }

    @Test
    void skipsAByteOrderMark() {
        try (CsvTableReader reader = read("\uFEFFname,v\nx,1\n")) {
            assertEquals("name", reader.decisions().get(0).name());
        }
    }

    @Test
    void raggedRowNamesFileAndLine() {
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (CsvTableReader reader = read("a,b\n1,2\n3\n")) {
                reader.loadNextBatch();
            }
        });
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("test.csv:3: expected 2 fields as in the header, found 1", e.getMessage());
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (CsvTableReader reader = read("a,b\n1,2\n3,\"open\n4,5\n")) {
                reader.loadNextBatch();
            }
        });
        assertEquals(ExitCode.DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("test.csv:3: a quoted field is never closed"), e.getMessage());
    }

    @Test
    void invalidUtf8IsADataError() {
        byte[] bytes = {'a', '\n', 'x', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (CsvTableReader reader = new CsvTableReader(new BufferedInputStream(new ByteArrayInputStream(bytes)),
                    "bad.csv", CsvOptions.defaults(), allocator)) {
                reader.loadNextBatch();
            }
        });
        assertEquals(ExitCode.DATA, e.exitCode());
        assertTrue(e.getMessage().startsWith("bad.csv:") && e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void emptyFileIsADataError() {
        ChartonException e = assertThrows(ChartonException.class, () -> read(""));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void headerOnlyGivesNoBatches() {
        try (CsvTableReader reader = read("a,b\n")) {
            assertFalse(reader.loadNextBatch());
            assertEquals(2, reader.root().getSchema().getFields().size());
            assertNull(reader.decisions().get(0).zone());
        }
    }
}
