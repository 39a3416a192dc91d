package dev.charton.table;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A table read once into an owner-only Arrow IPC stream file that every worker gets whole. */
class ArrowSpoolTest {
    private static final List<String> COLUMNS = List.of("date", "temp_max", "temp_min", "precipitation", "wind", "weather");

    @TempDir
    Path dir;

    private static InputSource weather() {
        return InputSource.of(Repo.example("weather.csv").toString());
    }

    @Test
    void theSpoolIsAnOwnerOnlyArrowStreamOfTheWholeTableDeletedOnClose() throws IOException {
        Path file;
        try (ArrowSpool spool = ArrowSpool.read(weather(), ReadOptions.defaults())) {
            file = spool.file();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(365, spool.rows());
            assertEquals(COLUMNS, spool.schema().getFields().stream().map(f -> f.getName()).toList());
            for (int reader = 0; reader < 2; reader++) { // every worker gets the same, whole stream
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                spool.writeTo(sent);
                assertEquals(365, rows(sent.toByteArray()));
            }
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aCheckBeforeEachBatchCanStopTheReadAndNothingIsLeft() throws IOException {
        AtomicInteger batches = new AtomicInteger();
        try (ArrowSpool spool = ArrowSpool.read(weather(), ReadOptions.defaults(), dir, batches::incrementAndGet)) {
            assertEquals(dir, spool.file().getParent());
        }
        assertTrue(batches.get() >= 2, "every batch, and the look for one more: " + batches.get());
        assertThrows(ChartonException.class, () -> ArrowSpool.read(weather(), ReadOptions.defaults(), dir, () -> {
            throw new ChartonException(ExitCode.INTERRUPTED, "stopped");
        }));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private static long rows(byte[] stream) throws IOException {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            assertEquals(COLUMNS, reader.getVectorSchemaRoot().getSchema().getFields().stream().map(f -> f.getName()).toList());
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
