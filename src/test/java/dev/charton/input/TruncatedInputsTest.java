package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.csv.CsvOptions;
import dev.charton.testing.Corpora;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copies of valid inputs cut short are named as such, never read as a shorter table. */
class TruncatedInputsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "arrow/integration/2.0.0-compression/generated_zstd.stream, 60, 8",
            "arrow/integration/0.14.1/generated_primitive.stream, 37, 4"})
    void aStreamWithoutItsEndMarkerIsTruncatedWhateverItsFraming(String file, long rows, int marker)
            throws IOException {
        byte[] whole = Files.readAllBytes(Corpora.require(file));
        assertEquals(rows, rowsOf(write("whole", whole)), "the whole stream reads");
        ChartonException e = failure(write("cut", Arrays.copyOf(whole, whole.length - marker)));
        assertEquals(ExitCode.DATA, e.exitCode());
        assertTrue(e.getMessage().contains(": truncated Arrow IPC stream: it ends after 2 record batches without the"
                + " end-of-stream marker"), e.getMessage());
    }

    @Test
    void aStreamCutInsideAMessageSaysSo() throws IOException {
        byte[] whole = Files.readAllBytes(Corpora.require("arrow/integration/2.0.0-compression/generated_zstd.stream"));
        Path cut = write("cut", Arrays.copyOf(whole, whole.length / 2));
        assertEquals(cut + ": truncated Arrow IPC stream: it ends in the middle of a message", failure(cut).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "parquet/data/alltypes_plain.parquet, truncated Parquet file",
            "arrow/integration/cpp-21.0.0/generated_primitive.arrow_file, truncated Arrow IPC file"})
    void aFileWithoutItsClosingSignatureIsTruncated(String file, String what) throws IOException {
        byte[] whole = Files.readAllBytes(Corpora.require(file));
        Path cut = write("cut", Arrays.copyOf(whole, whole.length * 2 / 3));
        assertEquals(cut + ": " + what + ": it does not end with the signature it starts with (" + whole.length * 2 / 3
                + " bytes; cut short?)", failure(cut).getMessage());
    }

    @Test
    void aFooterLongerThanTheFileIsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpora.require("parquet/data/alltypes_plain.parquet"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 8, bytes.length);
        Path corrupt = write("corrupt", bytes);
        assertTrue(failure(corrupt).getMessage().startsWith(corrupt + ": corrupt Parquet file: its footer length ("
                + bytes.length + " bytes) is more than"), failure(corrupt).getMessage());
    }

    @Test
    void theStartOfASignatureIsACutCopyUnlessCsvIsAskedFor() throws IOException {
        Path cut = write("cut", new byte[] {'P', 'A', 'R'});
        assertTrue(failure(cut).getMessage().startsWith(cut + ": truncated Parquet file:"), failure(cut).getMessage());
        ReadOptions asCsv = new ReadOptions(InputFormat.CSV, CsvOptions.defaults(), null, ReadOptions.NO_LIMIT);
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = TableReaders.open(InputSource.of(cut.toString()), asCsv, allocator)) {
            assertEquals("PAR", reader.root().getSchema().getFields().get(0).getName());
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private long rowsOf(Path file) {
        long rows = 0;
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = TableReaders.open(InputSource.of(file.toString()), ReadOptions.defaults(), allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.root().getRowCount();
            }
        }
        return rows;
    }

    private ChartonException failure(Path file) {
        return assertThrows(ChartonException.class, () -> rowsOf(file));
    }
}
