package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.Cleanup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An input that can only be read once (standard input, a FIFO, {@code /dev/fd/63}) copied to a
 * temporary file, for formats that need random access (Parquet reads its footer first; an Arrow
 * IPC file too). Only the owner can read it, and it is deleted when closed or when charton is stopped.
 */
final class PipeSpool implements AutoCloseable {
    private final Path file;
    private final Cleanup.Registration cleanup;

    private PipeSpool(Path file) {
        this.file = file;
        this.cleanup = Cleanup.onShutdown(() -> file.toFile().delete());
    }

    /** Copies the rest of {@code in}, the bytes of the input called {@code name} in messages. */
    static PipeSpool copy(InputStream in, String name) {
        Path file;
        try {
            file = Files.createTempFile("charton-stdin-", ".spool",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ChartonException(ExitCode.IO, name + ": cannot create a temporary file to hold it: "
                    + e.getMessage(), e);
        }
        PipeSpool spool = new PipeSpool(file);
        // Written into the file created above, so it keeps its owner-only permissions.
        try (OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException e) {
            spool.close();
            throw new ChartonException(ExitCode.IO, name + ": cannot copy it to " + file + ": " + e.getMessage(), e);
        }
        return spool;
    }

    Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The shutdown action still tries once more.
        }
        cleanup.close();
    }
}
