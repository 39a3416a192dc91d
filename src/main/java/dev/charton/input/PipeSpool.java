package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.PrivateTempFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input that can only be read once (standard input, a FIFO, {@code /dev/fd/63}) copied to a
 * temporary file, for formats that need random access (Parquet reads its footer first; an Arrow
 * IPC file too). Only the owner can read it, and it is deleted when closed or when charton is stopped.
 */
final class PipeSpool implements AutoCloseable {
    private final PrivateTempFile file;

    private PipeSpool(PrivateTempFile file) {
        this.file = file;
    }

    /** Copies the rest of {@code in}, the bytes of the input called {@code name} in messages. */
    static PipeSpool copy(InputStream in, String name) {
        PipeSpool spool;
        try {
            spool = new PipeSpool(PrivateTempFile.create("charton-pipe-", ".spool"));
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, name + ": cannot create a temporary file to hold it: "
                    + e.getMessage(), e);
        }
        // Written into the file created above, so it keeps its owner-only permissions.
        try (OutputStream out = Files.newOutputStream(spool.path())) {
            in.transferTo(out);
        } catch (IOException e) {
            spool.close();
            throw new ChartonException(ExitCode.IO, name + ": cannot copy it to " + spool.path() + ": " + e.getMessage(), e);
        }
        return spool;
    }

    Path path() {
        return file.path();
    }

    @Override
    public void close() {
        file.close();
    }
}
