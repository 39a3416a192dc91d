package dev.charton.lifecycle;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A temporary file only the user can read (the data may be private), in {@link #directory()},
 * deleted when closed or, failing that, when charton is stopped (Ctrl-C, SIGTERM).
 */
public final class PrivateTempFile implements AutoCloseable {
    private final Path path;
    private final Cleanup.Registration cleanup;

    private PrivateTempFile(Path path) {
        this.path = path;
        this.cleanup = Cleanup.onShutdown(this::delete);
    }

    public static PrivateTempFile create(String prefix, String suffix) throws IOException {
        return create(directory(), prefix, suffix);
    }

    /** A new private temporary file in {@code parent} (the output's directory, the shell's own directory). */
    public static PrivateTempFile create(Path parent, String prefix, String suffix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new PrivateTempFile(Files.createTempFile(parent, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        }
        return new PrivateTempFile(Files.createTempFile(parent, prefix, suffix));
    }

    /**
     * Where charton puts every temporary file: the JVM's temporary directory, which the launcher
     * sets from $TMPDIR (the JVM alone ignores it), so charton, its libraries and Python agree.
     */
    public static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Path path() {
        return path;
    }

    private void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: it is in the user's temporary directory, readable by the user alone.
        }
    }

    @Override
    public void close() {
        delete();
        cleanup.close();
    }
}
