package dev.charton.input.csv;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.lifecycle.PrivateTempFile;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files, projection and limits, temporary files, and realistic datasets. */
class CsvInputsTest {
    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path tmp;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private CsvTableReader openFile(Path file, ReadOptions options) {
        InputSource source = InputSource.of(file.toString());
        return new CsvTableReader(source, source.open(), options, allocator);
    }

    @Test
    void projectionKeepsTheRequestedColumnsInTheRequestedOrderAndLimitStopsEarly() throws IOException {
        Path file = Files.writeString(tmp.resolve("t.csv"), "a,b,c\n1,x,1.5\n2,y,2.5\n3,z,oops\n");
        ReadOptions options = new ReadOptions(null, CsvOptions.defaults(), List.of("c", "a"), 2);
        try (CsvTableReader reader = openFile(file, options)) {
            assertEquals(List.of("c", "a"), reader.decisions().stream().map(ColumnDecision::name).toList());
            assertEquals(CsvType.FLOAT64, reader.decisions().get(0).type(), "row 3 is beyond the limit");
            Map<String, List<Object>> v = CsvTables.readAll(reader);
            assertEquals(List.of(1.5, 2.5), v.get("c"));
            assertEquals(List.of(1L, 2L), v.get("a"));
        }
        ChartonException e = assertThrows(ChartonException.class,
                () -> openFile(file, new ReadOptions(null, CsvOptions.defaults(), List.of("d"), ReadOptions.NO_LIMIT)));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertEquals(file + ": no column named 'd' (available: a, b, c)", e.getMessage());
    }

    @Test
    void aPipeIsReadThroughAPrivateCopyAndEveryTemporaryFileIsDeletedAfterwards() throws IOException {
        // $TMPDIR, when set, wins over java.io.tmpdir: then the files are looked for there.
        String previous = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            Path dir = PrivateTempFile.directory();
            Set<Path> before = chartonFiles(dir);
            Set<Path> created;
            StringBuilder csv = new StringBuilder("n,word\n");
            for (int i = 0; i < 20_000; i++) {
                csv.append(i).append(',').append(i < 15_000 ? Integer.toString(i) : "w" + i).append('\n');
            }
            try (CsvTableReader reader = CsvTables.open(csv.toString(), CsvOptions.defaults(), allocator)) {
                created = chartonFiles(dir);
                created.removeAll(before);
                assertFalse(created.isEmpty(), "the copy of the input and the spool");
                for (Path p : created) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p::toString);
                }
                assertEquals("w19999", CsvTables.readAll(reader).get("word").get(19_999), "read back from the copy");
            }
            for (Path p : created) {
                assertFalse(Files.exists(p), () -> p + " is deleted on close");
            }
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
    }

    private static Set<Path> chartonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("charton-(input|spool)-.*"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void stocksDatesInMonthNameLayoutAreDetectedAsDate32() throws IOException {
        Path stocks = Corpora.require("datasets/vega-datasets").resolve("stocks.csv");
        try (CsvTableReader reader = openFile(stocks, ReadOptions.defaults())) {
            List<ColumnDecision> d = reader.decisions();
            assertEquals(List.of(CsvType.CATEGORY, CsvType.DATE, CsvType.FLOAT64), d.stream().map(ColumnDecision::type).toList());
            assertEquals("MMM d yyyy", d.get(1).format());
            Map<String, List<Object>> v = CsvTables.readAll(reader);
            assertEquals(560, v.get("date").size());
            assertEquals((int) java.time.LocalDate.of(2000, 1, 1).toEpochDay(), v.get("date").get(0));
            assertEquals("MSFT", v.get("symbol").get(0));
        }
    }

    @Test
    void penguinsHaveNullsAndCategories() throws IOException {
        Path penguins = Corpora.require("datasets/palmerpenguins").resolve("penguins.csv");
        try (CsvTableReader reader = openFile(penguins, ReadOptions.defaults())) {
            Map<String, CsvType> types = reader.decisions().stream()
                    .collect(Collectors.toMap(ColumnDecision::name, ColumnDecision::type));
            assertEquals(CsvType.CATEGORY, types.get("species"));
            assertEquals(CsvType.FLOAT64, types.get("bill_length_mm"));
            assertEquals(CsvType.INT64, types.get("body_mass_g"), "NA is a null, not text");
            Map<String, List<Object>> v = CsvTables.readAll(reader);
            assertEquals(344, v.get("sex").size());
            assertTrue(v.get("sex").contains(null));
        }
    }
}
