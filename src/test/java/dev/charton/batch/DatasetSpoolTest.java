package dev.charton.batch;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A dataset read once into an owner-only Arrow IPC stream file that every chart's worker gets. */
class DatasetSpoolTest {
    @Test
    void theSpoolIsAnOwnerOnlyArrowStreamOfTheWholeTableDeletedOnClose() throws IOException {
        Path csv = Repo.example("weather.csv");
        Dataset weather = new Dataset("weather", 1, new DatasetRead(InputSource.of(csv.toString()), ReadOptions.defaults()),
                List.of());
        Path file;
        try (DatasetSpool spool = DatasetSpool.read(weather)) {
            file = spool.file();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            for (int reader = 0; reader < 2; reader++) { // every chart gets the same, whole stream
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                spool.writeTo(sent);
                assertEquals(365, rows(sent.toByteArray()));
            }
        }
        assertFalse(Files.exists(file));
    }

    private static long rows(byte[] stream) throws IOException {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            assertEquals(List.of("date", "temp_max", "temp_min", "precipitation", "wind", "weather"),
                    reader.getVectorSchemaRoot().getSchema().getFields().stream().map(f -> f.getName()).toList());
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
