package dev.charton.input.csv;

import dev.charton.lifecycle.Cleanup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Temporary files that only the user can read (the data may be private), in $TMPDIR or the JVM's
 * temporary directory, deleted when closed or, failing that, when charton is stopped.
 */
final class PrivateFiles implements AutoCloseable {
    private final Path path;
    private final Cleanup.Registration cleanup;

    private PrivateFiles(Path path) {
        this.path = path;
        this.cleanup = Cleanup.onShutdown(this::delete);
    }

    static PrivateFiles create(String prefix, String suffix) throws IOException {
        String dir = System.getenv("TMPDIR");
        Path parent = Path.of(dir != null && !dir.isBlank() ? dir : System.getProperty("java.io.tmpdir"));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new PrivateFiles(Files.createTempFile(parent, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        }
        return new PrivateFiles(Files.createTempFile(parent, prefix, suffix));
    }

    Path path() {
        return path;
    }

    private void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: it is in the user's temporary directory.
        }
    }

    @Override
    public void close() {
        delete();
        cleanup.close();
    }
}
