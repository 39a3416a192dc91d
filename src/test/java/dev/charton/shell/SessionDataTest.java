package dev.charton.shell;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.app.SchemaInspector;
import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session's copy of the data: read once into the session directory, sent as a whole Arrow stream. */
class SessionDataTest {
    @TempDir
    Path dir;

    private static InputSource weather() {
        return InputSource.of(Repo.example("weather.csv").toString());
    }

    @Test
    void keepsTheWholeTableAsAnArrowStreamOnlyTheUserCanRead() throws IOException {
        try (SessionData data = SessionData.load(weather(), ReadOptions.defaults(), dir, new Cancellation())) {
            assertEquals(365, data.rows());
            assertEquals(List.of("date", "temp_max", "temp_min", "precipitation", "wind", "weather"), data.columns());
            assertEquals(SchemaInspector.inspect(weather(), ReadOptions.defaults()).toText(), data.describe(),
                    "the shell's schema is charton schema's");
            try (var files = Files.list(dir)) {
                assertEquals(1, files.count(), "the copy is in the session directory");
            }
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            data.writeTo(sent);
            long rows = 0;
            try (RootAllocator allocator = new RootAllocator();
                 ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(sent.toByteArray()), allocator)) {
                while (reader.loadNextBatch()) {
                    rows += reader.getVectorSchemaRoot().getRowCount();
                }
            }
            assertEquals(365, rows);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "closing deletes the copy");
        }
    }

    @Test
    void everyLoadHasANewKey() {
        try (SessionData first = SessionData.load(weather(), ReadOptions.defaults(), dir, new Cancellation());
             SessionData second = SessionData.load(weather(), ReadOptions.defaults(), dir, new Cancellation())) {
            assertNotEquals(first.key(), second.key());
        }
    }

    @Test
    void aCtrlCStopsTheLoadAndLeavesNothing() throws IOException {
        Cancellation cancel = new Cancellation();
        cancel.request();
        ChartonException e = assertThrows(ChartonException.class,
                () -> SessionData.load(weather(), ReadOptions.defaults(), dir, cancel));
        assertEquals(ExitCode.INTERRUPTED, e.exitCode());
        assertTrue(e.getMessage().startsWith("cancelled (Ctrl-C): "), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        ChartonException e = assertThrows(ChartonException.class,
                () -> SessionData.load(InputSource.of(dir.resolve("none.csv").toString()), ReadOptions.defaults(), dir,
                        new Cancellation()));
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
    }
}
