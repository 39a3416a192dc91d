package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regular file read in blocks cut on every core ({@link ParallelRecords}) gives the table that
 * the same bytes give on standard input (read by Commons CSV, one record after another), whatever
 * falls on a block's edge, and names the same line when it is refused.
 */
class CsvBlocksTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** The decisions and values of {@code bytes} read from a file in blocks of {@code blockBytes}. */
    private Map<String, List<Object>> fromFile(byte[] bytes, int blockBytes, List<ColumnDecision> decisions) {
        CsvOptions options = CsvOptions.builder().blockBytes(blockBytes).batchRows(700).build();
        try (CsvTableReader reader = CsvTables.openFile(CsvTables.temporaryFile(bytes), options, allocator)) {
            decisions.addAll(reader.decisions());
            return CsvTables.readAll(reader);
        }
    }

    private Map<String, List<Object>> piped(byte[] bytes, List<ColumnDecision> decisions) {
        try (CsvTableReader reader = CsvTables.open(bytes, CsvOptions.defaults().withBatchRows(700), allocator)) {
            decisions.addAll(reader.decisions());
            return CsvTables.readAll(reader);
        }
    }

    /** Reads {@code bytes} both ways, block sizes {@code blocks}, and checks they agree; returns the values. */
    private Map<String, List<Object>> sameEitherWay(byte[] bytes, int... blocks) {
        List<ColumnDecision> expectedDecisions = new ArrayList<>();
        Map<String, List<Object>> expected = piped(bytes, expectedDecisions);
        for (int block : blocks) {
            List<ColumnDecision> decisions = new ArrayList<>();
            assertEquals(expected, fromFile(bytes, block, decisions), "blocks of " + block + " bytes");
            assertEquals(expectedDecisions, decisions, "blocks of " + block + " bytes");
        }
        return expected;
    }

    private static int[] everySizeUpTo(int n) {
        int[] sizes = new int[n];
        Arrays.setAll(sizes, i -> i + 1);
        return sizes;
    }

    @Test
    void quotedFieldsWithLineEndsDelimitersAndQuotesSurviveEveryBlockEdge() {
        String csv = "id,note,x\n1,\"a, b\nc\",2\n2,\"say \"\"hi\"\"\r\n\",3\n3,\"\",4\n4,\"\"\"\",5\n";
        Map<String, List<Object>> values = sameEitherWay(csv.getBytes(StandardCharsets.UTF_8), everySizeUpTo(48));
        assertEquals(List.of("a, b\nc", "say \"hi\"\r\n", "", "\""), values.get("note").stream()
                .map(v -> v == null ? "" : v).toList());
    }

    @Test
    void crlfLineEndsSplitBetweenCrAndLfAreOneLineEnd() {
        String csv = "a,b\r\n1,2\r\n\r\n3,4\r\n5,6";
        Map<String, List<Object>> values = sameEitherWay(csv.getBytes(StandardCharsets.UTF_8), everySizeUpTo(24));
        assertEquals(List.of(1L, 3L, 5L), values.get("a"));
    }

    @Test
    void aByteOrderMarkAndCharactersOfSeveralBytesSplitAcrossBlocks() {
        String csv = "\uFEFFcity,sign\nZ\u00fcrich,\u20ac\nK\u00f8benhavn,\uD834\uDD1E\n\u6771\u4eac,\u00e9\n";
        Map<String, List<Object>> values = sameEitherWay(csv.getBytes(StandardCharsets.UTF_8), everySizeUpTo(40));
        assertEquals(List.of("Z\u00fcrich", "K\u00f8benhavn", "\u6771\u4eac"), values.get("city"));
        assertEquals(List.of("\u20ac", "\uD834\uDD1E", "\u00e9"), values.get("sign"));
    }

    @Test
    void utf16WithItsByteOrderMarkIsReadByTheSerialPathAsBefore() {
        byte[] bytes = "\uFEFFname,age\nJos\u00e9,30\n".getBytes(StandardCharsets.UTF_16BE);
        Map<String, List<Object>> values = sameEitherWay(bytes, 1, 3, 64);
        assertEquals(List.of("Jos\u00e9"), values.get("name"));
        assertEquals(List.of(30L), values.get("age"));
    }

    /** Rows {@code "i,i*0.5"} for i in [0, n), after a header. */
    private static StringBuilder rows(int n) {
        StringBuilder csv = new StringBuilder("n,half\n");
        for (int i = 0; i < n; i++) {
            csv.append(i).append(',').append(i * 0.5).append('\n');
        }
        return csv;
    }

    @Test
    void aRaggedRowInALaterBlockIsRefusedWithItsLine() {
        StringBuilder csv = rows(20_000).append("1,\"two\nlines\",3\n");
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (int block : new int[] {4096, 65_536}) {
            ChartonException e = assertThrows(ChartonException.class, () -> fromFile(bytes, block, new ArrayList<>()));
            assertTrue(e.getMessage().endsWith(":20002: expected 2 fields as in the header, found 3"
                    + " (--ragged skip leaves such rows out)"), e.getMessage());
        }
    }

    @Test
    void promotionsAcrossBlocksAreTheWholeFilesWithTheirLines() {
        StringBuilder csv = new StringBuilder("v,w\n");
        for (int i = 0; i < 30_000; i++) {
            String v = i < 12_000 ? Integer.toString(i) : i < 25_000 ? i + ".25" : i == 29_000 ? "n/a" : "1";
            csv.append(v).append(',').append(i == 27_000 ? "2024-02-30" : "2024-01-0" + (1 + i % 9)).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<Object>> values = sameEitherWay(bytes, 4096, 100_000);
        List<ColumnDecision> decisions = new ArrayList<>();
        fromFile(bytes, 4096, decisions);
        assertEquals(CsvType.STRING, decisions.get(0).type());
        assertTrue(decisions.get(0).reason().contains("int64 until line 12002 ('12000.25')"), decisions.get(0).reason());
        assertEquals("n/a", values.get("v").get(29_000));
        assertEquals(CsvType.CATEGORY, decisions.get(1).type()); // 2024-02-30 is no date: few distinct texts
    }

    @Test
    void aFileOfOneBlockIsReadOnTheCallersThreadAsInBlocks() {
        // Two chunks of rows and a promotion to text on the last row, which reads the file again.
        StringBuilder csv = new StringBuilder("n,t\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append(i == 1_499 ? "none" : Integer.toString(i)).append(",2024-01-0").append(1 + i % 9).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, List<Object>> values = sameEitherWay(bytes, 512, bytes.length, 4 * bytes.length);
        assertEquals("none", values.get("n").get(1_499));
        assertEquals("7", values.get("n").get(7));
        byte[] ragged = (csv + "1,2,3\n").getBytes(StandardCharsets.UTF_8);
        ChartonException e = assertThrows(ChartonException.class,
                () -> fromFile(ragged, ragged.length, new ArrayList<>()));
        assertTrue(e.getMessage().contains(":1502: expected 2 fields"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteInALaterBlockNamesTheLineItOpensOn() {
        StringBuilder csv = rows(5_000).append("7,\"never closed\n8,9\n");
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ChartonException e = assertThrows(ChartonException.class, () -> fromFile(bytes, 4096, new ArrayList<>()));
        assertTrue(e.getMessage().endsWith(":5002: a quoted field starting on this line is never closed (unbalanced \")"),
                e.getMessage());
    }

    @Test
    void bytesThatAreNoUtf8InALaterBlockAreLocated() {
        byte[] good = rows(5_000).toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(good, good.length + 4);
        bytes[good.length] = '1';
        bytes[good.length + 1] = ',';
        bytes[good.length + 2] = (byte) 0xC3;
        bytes[good.length + 3] = '\n';
        ChartonException e = assertThrows(ChartonException.class, () -> fromFile(bytes, 4096, new ArrayList<>()));
        assertTrue(e.getMessage().contains(":5002:3: invalid UTF-8 text at byte " + (good.length + 2)), e.getMessage());
    }

    @Test
    void skippedLinesBeforeTheHeaderKeepTheLineNumbers() {
        String csv = "exported by a tool\nsecond line, with a comma\na,b\n1,2\n1,2,3\n";
        CsvOptions options = CsvOptions.builder().skipRows(2).blockBytes(3).build();
        ChartonException e = assertThrows(ChartonException.class, () -> {
            try (CsvTableReader reader = CsvTables.openFile(CsvTables.temporaryFile(
                    csv.getBytes(StandardCharsets.UTF_8)), options, allocator)) {
                CsvTables.readAll(reader);
            }
        });
        assertTrue(e.getMessage().contains(":5: expected 2 fields"), e.getMessage());
    }
}
