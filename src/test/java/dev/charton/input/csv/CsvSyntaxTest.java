package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text layer: delimiters, quoting, line ends, encodings, headers, comments, ragged rows, errors. */
class CsvSyntaxTest {
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

    private ChartonException failure(byte[] csv, CsvOptions options) {
        return assertThrows(ChartonException.class, () -> {
            try (CsvTableReader reader = CsvTables.open(csv, options, allocator)) {
                CsvTables.readAll(reader);
            }
        });
    }

    private ChartonException failure(String csv, CsvOptions options) {
        return failure(csv.getBytes(StandardCharsets.UTF_8), options);
    }

    @Test
    void detectsTheDelimiter() {
        assertEquals(List.of("a", "b", "c"), List.copyOf(read("a;b;c\n1;2,5;3\n4;5;6\n").keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(read("a\tb\n1\t2\n").keySet()));
        assertEquals(List.of("a", "b"), List.copyOf(read("a|b\n\"x|y\"|2\n").keySet()));
        assertEquals(List.of("only"), List.copyOf(read("only\n1\n2\n").keySet()));
    }

    @Test
    void delimiterOptionOverridesDetection() {
        Map<String, List<Object>> v = read("a;b,c\n1;2,3\n", CsvOptions.defaults().withDelimiter(','));
        assertEquals(List.of("a;b", "c"), List.copyOf(v.keySet()));
        assertEquals(List.of("1;2"), v.get("a;b"));
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        Map<String, List<Object>> v = read("k,text\r\n1,\"a, \"\"b\"\"\r\nnext\"\r\n2,\"\"\r\n3,plain\r\n",
                CsvOptions.builder().nulls(NullTokens.of(List.of())).build());
        assertEquals(List.of("a, \"b\"\r\nnext", "", "plain"), v.get("text"));
        assertEquals(List.of(1L, 2L, 3L), v.get("k"));
    }

    @Test
    void skipsAByteOrderMark() {
        assertEquals(List.of("name", "v"), List.copyOf(read("\uFEFFname,v\nx,1\n").keySet()));
    }

    @Test
    void readsOtherEncodings() {
        byte[] latin1 = "name,v\nZoë,1\n".getBytes(StandardCharsets.ISO_8859_1);
        try (CsvTableReader reader = CsvTables.open(latin1, CsvOptions.builder().encoding(StandardCharsets.ISO_8859_1)
                .build(), allocator)) {
            assertEquals(List.of("Zoë"), CsvTables.readAll(reader).get("name"));
        }
    }

    @Test
    void invalidUtf8NamesTheLineColumnAndByte() {
        byte[] bytes = {'a', '\n', 'x', '\n', 'y', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        ChartonException e = failure(bytes, CsvOptions.defaults());
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("<stdin>:4:1: invalid UTF-8 text at byte 6 (use --encoding to name the file's encoding)", e.getMessage());
    }

    @Test
    void invalidUtf8FarIntoTheFileIsStillPlacedExactly() {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",x\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(good, good.length + 4);
        bytes[good.length] = '1';
        bytes[good.length + 1] = ',';
        bytes[good.length + 2] = (byte) 0xFF;
        bytes[good.length + 3] = '\n';
        assertEquals("<stdin>:50002:3: invalid UTF-8 text at byte " + (good.length + 2)
                + " (use --encoding to name the file's encoding)", failure(bytes, CsvOptions.defaults()).getMessage());
    }

    @Test
    void aDelimiterEndingEveryRowMakesNoColumn() {
        Map<String, List<Object>> v = read("a;b;\n1;x;\n2;y;\n");
        assertEquals(List.of("a", "b"), List.copyOf(v.keySet()));
        assertEquals(List.of("x", "y"), v.get("b"));
        ChartonException e = failure("a;b;\n1;x;\n2;y;\n" + "3;z;\n".repeat(30000) + "4;w;oops\n", CsvOptions.defaults());
        assertTrue(e.getMessage().startsWith("<stdin>:30004: expected 2 fields as in the header, found 3"),
                e.getMessage());
    }

    @Test
    void trailingCommentsAreCutButNeverAValue() {
        Map<String, List<Object>> v = read("# sensor log\nday,note\n1,warm   # after lunch, sunny\n2,#FF0000\n"
                + "3,red #FF0000\n4,\"quoted # not a comment\"\n5,5'11\" tall # a quote inside a value\n");
        assertEquals(List.of("warm", "#FF0000", "red #FF0000", "quoted # not a comment", "5'11\" tall"),
                v.get("note"));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), v.get("day"));
    }

    @Test
    void aSpaceBeforeAnOpeningQuoteIsAllowed() {
        Map<String, List<Object>> v = read("id, name\n1, \"Smith, J\"\n2, \"Doe, A\" \n");
        assertEquals(List.of("Smith, J", "Doe, A"), v.get("name"));
        assertEquals(List.of(1L, 2L), v.get("id"));
    }

    @Test
    void blankLinesAreNoRowsExceptEmptyValuesOfAOneColumnTable() {
        assertEquals(List.of(1L, 3L), read("\nx,y\n1,2\n\n   \n3,4\n").get("x"), "blank or spaces: no row");
        assertEquals(Arrays.asList("b", null, null, "c"), read("\na\nb\n\n\nc\n\n\n").get("a"),
                "one column: a blank line between rows is an empty value, not at the start or end");
    }

    @Test
    void commentLinesAreIgnored() {
        CsvOptions options = CsvOptions.builder().comment('#').build();
        assertEquals(List.of(1L, 3L), read("# generated\na\n1\n# a note\n3\n", options).get("a"));
    }

    @Test
    void skipRowsSkipsLinesBeforeTheHeaderAndKeepsLineNumbersTrue() {
        CsvOptions options = CsvOptions.builder().skipRows(2).build();
        assertEquals(List.of(1L), read("title \"unbalanced\nsecond;line\na,b\n1,2\n", options).get("a"));
        ChartonException e = failure("junk\r\njunk\r\na,b\r\n1,2\r\n3\r\n", options);
        assertTrue(e.getMessage().startsWith("<stdin>:5: expected 2 fields"), e.getMessage());
    }

    @Test
    void noHeaderNamesColumnsByPosition() {
        Map<String, List<Object>> v = read("1,x\n2,y\n", CsvOptions.builder().header(false).build());
        assertEquals(List.of("column_1", "column_2"), List.copyOf(v.keySet()));
        assertEquals(List.of(1L, 2L), v.get("column_1"));
    }

    @Test
    void blankAndDuplicateHeaderNamesAreMadeUnique() {
        assertEquals(List.of("a", "column_2", "a_1", "a_2"), List.copyOf(read("a,,a,a\n1,2,3,4\n").keySet()));
    }

    @Test
    void raggedRowsAreAnErrorByDefaultNamingTheLineTheRowStartsOn() {
        ChartonException e = failure("a,b\n1,\"two\nlines\"\n3\n", CsvOptions.defaults());
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("<stdin>:4: expected 2 fields as in the header, found 1 (--ragged pad fills missing fields with"
                + " nulls, --ragged skip leaves such rows out)", e.getMessage());
        ChartonException multiLine = failure("a,b\n1,2\n3,\"x\ny\",z\n", CsvOptions.defaults());
        assertTrue(multiLine.getMessage().startsWith("<stdin>:3: expected 2 fields as in the header, found 3"),
                multiLine.getMessage());
    }

    @Test
    void raggedPadFillsShortRowsWithNulls() {
        Map<String, List<Object>> v = read("a,b,c\n1,2,3\n4\n5,6\n", CsvOptions.builder().ragged(Ragged.PAD).build());
        assertEquals(List.of(1L, 4L, 5L), v.get("a"));
        assertEquals(Arrays.asList(3L, null, null), v.get("c"));
        ChartonException e = failure("a,b\n1,2,3\n", CsvOptions.builder().ragged(Ragged.PAD).build());
        assertTrue(e.getMessage().startsWith("<stdin>:2: expected 2 fields as in the header, found 3"), e.getMessage());
    }

    @Test
    void raggedSkipLeavesRowsOut() {
        Map<String, List<Object>> v = read("a,b\n1,2\n3\n4,5,6\n7,8\n", CsvOptions.builder().ragged(Ragged.SKIP).build());
        assertEquals(List.of(1L, 7L), v.get("a"));
    }

    @Test
    void unclosedQuoteNamesFileAndLine() {
        ChartonException e = failure("a,b\n1,2\n3,\"open\n4,5\n", CsvOptions.defaults());
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("<stdin>:3: a quoted field starting on this line is never closed (unbalanced \")", e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        ChartonException e = failure("a,b\n1,2\n3,\"x\"y\n", CsvOptions.defaults());
        assertTrue(e.getMessage().startsWith("<stdin>:4: text after the closing quote")
                || e.getMessage().startsWith("<stdin>:3: text after the closing quote"), e.getMessage());
    }

    @Test
    void emptyFileIsADataError() {
        ChartonException e = failure("", CsvOptions.defaults());
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals("<stdin>: the file is empty (expected a header row)", e.getMessage());
    }

    @Test
    void headerOnlyGivesNoBatches() {
        try (CsvTableReader reader = CsvTables.open("a,b\n", CsvOptions.defaults(), allocator)) {
            assertFalse(reader.loadNextBatch());
            assertEquals(2, reader.root().getSchema().getFields().size());
        }
    }

    @Test
    void streamsInBoundedBatches() {
        StringBuilder csv = new StringBuilder("n\n");
        for (int i = 0; i < 25_000; i++) {
            csv.append(i).append('\n');
        }
        try (CsvTableReader reader = CsvTables.open(csv.toString(), CsvOptions.defaults().withBatchRows(10_000), allocator)) {
            int batches = 0;
            long last = -1;
            while (reader.loadNextBatch()) {
                batches++;
                int rows = reader.root().getRowCount();
                assertTrue(rows == 10_000 || batches == 3 && rows == 5_000, "batch " + batches + " has " + rows);
                last = (Long) reader.root().getVector(0).getObject(rows - 1);
            }
            assertEquals(3, batches);
            assertEquals(24_999L, last);
        }
    }
}
