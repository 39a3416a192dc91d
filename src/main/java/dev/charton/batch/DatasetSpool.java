package dev.charton.batch;

import dev.charton.bridge.ArrowStreamSender;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.PrivateTempFile;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dataset read once into an Arrow IPC stream in a temporary file only its owner can read, so
 * memory stays bounded however big the table, and every chart's worker gets the same bytes. The
 * file is deleted when closed, or at exit if charton is stopped first.
 */
final class DatasetSpool implements AutoCloseable {
    private final PrivateTempFile file;

    private DatasetSpool(PrivateTempFile file) {
        this.file = file;
    }

    static DatasetSpool read(Dataset dataset) {
        DatasetSpool spool = new DatasetSpool(createOwnerOnlyFile());
        Path file = spool.file();
        try (BufferAllocator allocator = new RootAllocator();
             TableReader table = TableReaders.open(dataset.read().input(), dataset.read().options(), allocator);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ArrowStreamSender.send(table, out);
            return spool;
        } catch (IOException e) {
            spool.close();
            throw new ChartonException(ExitCode.IO, "cannot write the dataset to " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    Path file() {
        return file.path();
    }

    /** Sends the whole stream to a worker. */
    void writeTo(OutputStream out) throws IOException {
        Files.copy(file.path(), out);
    }

    @Override
    public void close() {
        file.close();
    }

    private static PrivateTempFile createOwnerOnlyFile() {
        try {
            return PrivateTempFile.create("charton-batch-", ".arrows");
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot create a temporary file for a dataset: " + e.getMessage(), e);
        }
    }
}
