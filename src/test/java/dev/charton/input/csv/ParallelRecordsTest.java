package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.testing.Corpora;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records cut from bytes in parallel blocks ({@link ParallelRecords}) are Commons CSV's
 * ({@link RecordParser}): the same fields, the same line for each record, the same failure, for
 * random quoted and multi-line text cut into blocks of every size, and for every file of the CSV
 * corpus whose dialect the byte path takes.
 */
class ParallelRecordsTest {
    private static final String[] PIECES = {"a", "b", "7", ",", ",", "\"", "\"", "\"\"", "\n", "\n", "\r\n", "\r",
        " ", "\t", "é", "€", "𝄞", "\u3000", "\u00a0", ";"};
    private static final int[] BLOCKS = {1, 2, 3, 5, 8, 13, 64, 4096};

    @TempDir
    Path dir;

    /** Each record as its line and fields, then how the pass ended: "end" or the failure's message. */
    private static List<String> outcome(RecordSource source) {
        List<String> seen = new ArrayList<>();
        try (source) {
            for (String[] record = source.next(); record != null; record = source.next()) {
                seen.add(source.line() + " " + String.join("|", record).replace("\r", "\\r").replace("\n", "\\n")
                        + " (" + record.length + ")");
            }
            seen.add("end");
        } catch (ChartonException e) {
            seen.add(e.getMessage());
        }
        return seen;
    }

    private static Dialect dialect(char delimiter, int skipLines) {
        return new Dialect(delimiter, '"', null, null, false, false, false, skipLines, true, "");
    }

    private static List<String> commons(Path file, Dialect dialect, CsvOptions options) throws IOException {
        return outcome(new RecordParser(Files.newInputStream(file), file, "f.csv", options, dialect));
    }

    private static List<String> parallel(Path file, Dialect dialect, Charset charset, int skipLines, int block) {
        return outcome(new ParallelRecords(file, charset, dialect, skipLines, block, "f.csv"));
    }

    @Test
    void randomQuotedMultiLineTextGivesCommonsCsvRecordsInBlocksOfEverySize() throws IOException {
        Random random = new Random(14);
        Path file = dir.resolve("random.csv");
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Dialect dialect = dialect(random.nextBoolean() ? ',' : ';', random.nextInt(3));
            List<String> expected = commons(file, dialect, CsvOptions.defaults());
            int block = BLOCKS[random.nextInt(BLOCKS.length)];
            assertEquals(expected, parallel(file, dialect, StandardCharsets.UTF_8, dialect.skipLines(), block),
                    "blocks of " + block + " bytes, skipping " + dialect.skipLines() + " lines, of: "
                            + text.toString().replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    /**
     * Fields are skipped eight bytes at a time ({@link ByteWords}): long fields, quoted or not, with a
     * quote, doubled quote, line end, delimiter or character beyond ASCII at every position of a word.
     */
    @Test
    void longFieldsWithAMarkAtEveryPositionInAWordGiveCommonsCsvRecords() throws IOException {
        String[] marks = {"\"", "\"\"", "\n", "\r\n", ",", "é", "€", " "};
        Random random = new Random(2);
        Path file = dir.resolve("long.csv");
        for (int round = 0; round < 1500; round++) {
            StringBuilder text = new StringBuilder();
            for (int record = random.nextInt(4); record >= 0; record--) {
                for (int field = random.nextInt(4); field >= 0; field--) {
                    boolean quoted = random.nextInt(3) > 0;
                    String body = "x".repeat(random.nextInt(30));
                    if (random.nextBoolean()) {
                        int at = random.nextInt(body.length() + 1);
                        String mark = marks[random.nextInt(marks.length)];
                        body = body.substring(0, at) + (quoted && mark.equals("\"") ? "\"\"" : mark) + body.substring(at);
                    }
                    text.append(quoted ? "\"" + body + "\"" : body).append(field > 0 ? "," : "");
                }
                text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Dialect dialect = dialect(',', 0);
            List<String> expected = commons(file, dialect, CsvOptions.defaults());
            int block = random.nextBoolean() ? 4096 : 9 + random.nextInt(40);
            assertEquals(expected, parallel(file, dialect, StandardCharsets.UTF_8, 0, block),
                    "blocks of " + block + " bytes, of: " + text.toString().replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void bytesThatAreNoUtf8AreLocatedAsCommonsCsvLocatesThem() throws IOException {
        Path file = dir.resolve("bad.csv");
        byte[] good = "a,b\n1,\"x\ny\"\n2,é\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        System.arraycopy(new byte[] {'3', ',', (byte) 0xFF, '\n'}, 0, bytes, good.length, 4);
        Files.write(file, bytes);
        List<String> expected = commons(file, dialect(',', 0), CsvOptions.defaults());
        List<String> actual = parallel(file, dialect(',', 0), StandardCharsets.UTF_8, 0, 5);
        assertTrue(expected.get(expected.size() - 1).contains(":5:3: invalid UTF-8 text at byte"), expected.toString());
        assertEquals(expected.get(expected.size() - 1), actual.get(actual.size() - 1));
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstField() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFname,age\r\n\"Jos\u00e9\",30\r\n").getBytes(StandardCharsets.UTF_8));
        List<String> expected = commons(file, dialect(',', 0), CsvOptions.defaults());
        assertEquals(List.of("1 name|age (2)", "2 José|30 (2)", "end"), expected);
        for (int block : BLOCKS) {
            assertEquals(expected, parallel(file, dialect(',', 0), StandardCharsets.UTF_8, 0, block));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFileTheBytePathTakesGivesCommonsCsvRecords() throws IOException {
        if (!Corpora.present("csv")) {
            return Corpora.skippedTest("csv");
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(Corpora.require("csv"))) {
            files = all.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(csv|txt|tsv)$")).sorted().toList();
        }
        assertTrue(files.size() > 50, "the CSV corpus has " + files.size() + " files");
        return files.stream().map(file -> DynamicTest.dynamicTest(Corpora.root().relativize(file).toString(), () -> {
            CsvOptions options = CsvOptions.defaults();
            Dialect dialect;
            Charset charset;
            try (RecordParser sniffed = new RecordParser(Files.newInputStream(file), file, "f.csv", options, null)) {
                dialect = sniffed.dialect();
                charset = sniffed.charset();
            } catch (ChartonException refused) {
                return; // refused while sniffing, before either parser cuts a record
            }
            if (!ParallelRecords.suits(charset, dialect)) {
                return;
            }
            List<String> expected = commons(file, dialect, options);
            for (int block : new int[] {7, 64, CsvOptions.DEFAULT_BLOCK_BYTES}) {
                assertEquals(expected, parallel(file, dialect, charset, dialect.skipLines(), block), "blocks of " + block);
            }
        }));
    }
}
