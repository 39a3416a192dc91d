package dev.charton.input.parquet;

import dev.charton.error.ChartonException;
import dev.charton.testing.Repo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    @Test
    void pageHeadersLongerThanTheFirstReadAreReadFromTheStream(@TempDir Path dir) throws Exception {
        Path file = textAndIds(dir);
        LocalInputFile input = new LocalInputFile(file);
        try (ParquetFileReader reader = ParquetFileReader.open(input)) {
            MessageType all = reader.getFooter().getFileMetaData().getSchema();
            // Every header is longer than 4 bytes: each is read again from the stream, and the walk still
            // lands on every page's start (a wrong header length would make the next header garbage).
            RowGroupBounds.check(input, reader.getRowGroups(), all, 4);
            RowGroupBounds.check(input, reader.getRowGroups(), all);
            // Cut the file's last page short: both ways see it.
            LocalInputFile cutInput = new LocalInputFile(cutInside(file, reader, 1));
            for (int firstRead : new int[] {4, 1 << 12}) {
                assertThrows(ParquetDecodingException.class,
                        () -> RowGroupBounds.check(cutInput, reader.getRowGroups(), all, firstRead));
            }
        }
    }

    @Test
    void aChunkRunningPastTheEndOfTheFileIsRefusedWithoutReadingItsPages(@TempDir Path dir) throws Exception {
        Path file = textAndIds(dir);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType all = reader.getFooter().getFileMetaData().getSchema();
            // Cut inside the first column's chunk: the file ends before that chunk does.
            LocalInputFile cutInput = new LocalInputFile(cutInside(file, reader, 0));
            ParquetDecodingException e = assertThrows(ParquetDecodingException.class,
                    () -> RowGroupBounds.check(cutInput, reader.getRowGroups(), all));
            assertEquals("column 'text' in row group 1 runs past the end of the file (truncated?)", e.getMessage());
        }
    }

    /** Two columns of 3,000 rows, plain and uncompressed, in one row group. */
    private static Path textAndIds(Path dir) throws IOException {
        String schema = "message m { required binary text (UTF8); required int64 id; }";
        List<Consumer<Group>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int row = i;
            rows.add(g -> g.append("text", "value " + row).append("id", (long) row));
        }
        return ParquetFixtures.write(dir.resolve("p.parquet"), schema, ParquetFixtures.Layout.plain(), rows);
    }

    /** A copy of {@code file} that ends 100 bytes into the first row group's chunk of column {@code column}. */
    private static Path cutInside(Path file, ParquetFileReader reader, int column) throws IOException {
        Path cut = file.resolveSibling("cut.parquet");
        long end = reader.getRowGroups().get(0).getColumns().get(column).getStartingPos() + 100;
        return Files.write(cut, Arrays.copyOf(Files.readAllBytes(file), (int) end));
    }
}
