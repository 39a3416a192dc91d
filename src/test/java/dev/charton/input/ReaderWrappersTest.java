package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.input.csv.CsvOptions;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --columns and --limit on a reader that decodes everything itself (CSV): the generic wrappers. */
class ReaderWrappersTest {
    private final BufferAllocator allocator = new RootAllocator();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void columnsAreKeptInTheRequestedOrderAndTheLimitCutsTheLastBatch() throws IOException {
        Path csv = table(150_000);
        ReadOptions options = new ReadOptions(null, CsvOptions.defaults(), List.of("c", "a"), 140_000);
        List<Integer> batches = new ArrayList<>();
        try (TableReader table = TableReaders.open(InputSource.of(csv.toString()), options, allocator)) {
            VectorSchemaRoot root = table.root();
            assertEquals(List.of("c", "a"), root.getSchema().getFields().stream().map(f -> f.getName()).toList());
            long row = 0;
            while (table.loadNextBatch()) {
                batches.add(root.getRowCount());
                for (int i = 0; i < root.getRowCount(); i++, row++) {
                    assertEquals("c" + row, root.getVector(0).getObject(i).toString());
                    assertEquals(row, root.getVector(1).getObject(i));
                }
            }
            assertFalse(table.loadNextBatch());
        }
        assertEquals(List.of(65_536, 65_536, 140_000 - 2 * 65_536), batches);
    }

    @Test
    void aZeroLimitKeepsTheSchemaAndNoRows() throws IOException {
        ReadOptions options = new ReadOptions(null, CsvOptions.defaults(), null, 0);
        try (TableReader table = TableReaders.open(InputSource.of(table(5).toString()), options, allocator)) {
            assertEquals(3, table.root().getSchema().getFields().size());
            assertFalse(table.loadNextBatch());
        }
    }

    @Test
    void unknownAndRepeatedColumnsAreRefused() throws IOException {
        Path csv = table(2);
        ChartonException unknown = assertThrows(ChartonException.class, () -> TableReaders.open(InputSource.of(csv.toString()),
                new ReadOptions(null, CsvOptions.defaults(), List.of("b", "z"), ReadOptions.NO_LIMIT), allocator));
        assertEquals(csv + ": no column named 'z' (available: a, b, c)", unknown.getMessage());
        assertEquals(65, unknown.exitCode().code());
        ChartonException twice = assertThrows(ChartonException.class, () -> TableReaders.open(InputSource.of(csv.toString()),
                new ReadOptions(null, CsvOptions.defaults(), List.of("b", "b"), ReadOptions.NO_LIMIT), allocator));
        assertTrue(twice.getMessage().contains("'b' is listed twice"), twice.getMessage());
    }

    private Path table(int rows) throws IOException {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(',').append(i * 0.5).append(",c").append(i).append('\n');
        }
        return Files.writeString(dir.resolve("t.csv"), text);
    }
}
