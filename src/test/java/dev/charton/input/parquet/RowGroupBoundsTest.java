package dev.charton.input.parquet;

import dev.charton.error.ChartonException;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowGroupBoundsTest {
    /** A 489-byte file found by the Parquet fuzz target: its page declares about 2 GiB, which parquet-java allocated. */
    private static final Path PAGE_PAST_THE_END = Repo.root().resolve(
            "src/test/resources/dev/charton/fuzz/ParquetFuzzTestInputs/readsOrRefuses/page-runs-2-gib-past-the-file");

    /** A 702-byte file found by the Parquet fuzz target: its row group declares -59 rows. */
    private static final Path NEGATIVE_ROWS = Repo.root().resolve(
            "src/test/resources/dev/charton/fuzz/ParquetFuzzTestInputs/readsOrRefuses/row-group-negative-row-count");

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void aPageRunningPastTheEndOfTheFileIsRefusedWhenTheFileIsOpened() {
        ChartonException e = assertThrows(ChartonException.class,
                () -> ParquetFixtures.open(PAGE_PAST_THE_END, null, allocator).close());
        assertEquals("page-runs-2-gib-past-the-file: not a valid Parquet file: a page of column 'x' in row group 1"
                + " runs past the end of the file (truncated?)", e.getMessage());
        assertEquals(65, e.exitCode().code());
    }

    @Test
    void aRowGroupDeclaringNegativeRowsIsRefusedWhenTheFileIsOpened() {
        ChartonException e = assertThrows(ChartonException.class,
                () -> ParquetFixtures.open(NEGATIVE_ROWS, null, allocator).close());
        assertEquals("row-group-negative-row-count: not a valid Parquet file: row group 1 declares -59 rows",
                e.getMessage());
    }
}
