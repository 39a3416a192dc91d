package dev.charton.batch;

import dev.charton.bridge.ArrowStreamSender;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.input.TableReader;
import dev.charton.input.TableReaders;
import dev.charton.lifecycle.Cleanup;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A dataset read once into an Arrow IPC stream in a temporary file only its owner can read, so
 * memory stays bounded however big the table, and every chart's worker gets the same bytes. The
 * file is deleted when closed, or at exit if charton is stopped first.
 */
final class DatasetSpool implements AutoCloseable {
    private final Path file;
    private final Cleanup.Registration deleteAtExit;

    private DatasetSpool(Path file, Cleanup.Registration deleteAtExit) {
        this.file = file;
        this.deleteAtExit = deleteAtExit;
    }

    static DatasetSpool read(Dataset dataset) {
        Path file = createOwnerOnlyFile();
        DatasetSpool spool = new DatasetSpool(file, Cleanup.onShutdown(() -> file.toFile().delete()));
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
        return file;
    }

    /** Sends the whole stream to a worker. */
    void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left in the temporary directory, readable by its owner only.
        } finally {
            deleteAtExit.close();
        }
    }

    private static Path createOwnerOnlyFile() {
        try {
            try {
                return Files.createTempFile("charton-batch-", ".arrows",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                return Files.createTempFile("charton-batch-", ".arrows");
            }
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot create a temporary file for a dataset: " + e.getMessage(), e);
        }
    }
}
