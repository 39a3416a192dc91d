package dev.charton.output;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.Cleanup;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

/**
 * Where charton's output goes: a file, written atomically (a temporary file in the same directory,
 * then a rename, so readers only ever see a whole file and a failure leaves nothing behind), or
 * standard output when the user wrote {@code -}. {@code what} names the output in messages.
 */
public final class OutputTarget {
    private static final Set<PosixFilePermission> FINISHED = PosixFilePermissions.fromString("rw-r--r--");

    private final Path path;
    private final String what;

    private OutputTarget(Path path, String what) {
        this.path = path;
        this.what = what;
    }

    public static OutputTarget of(String argument, String what) {
        return new OutputTarget("-".equals(argument) ? null : Path.of(argument), what);
    }

    /** What writes the content; it may fail part way, and then nothing is left at the destination. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public boolean isStdout() {
        return path == null;
    }

    /** The file name's extension in lower case, if the output is a file with one. */
    public Optional<String> extension() {
        if (path == null || path.getFileName() == null) {
            return Optional.empty();
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public String displayName() {
        return path == null ? "<stdout>" : path.toString();
    }

    /** Fails before any work is done when the output could not be written there. */
    public void checkWritable() {
        if (path == null) {
            return;
        }
        Path dir = directory();
        if (Files.isDirectory(path)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": is a directory; give a file name for the " + what);
        }
        if (!Files.isDirectory(dir)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot write in " + dir + " (permission denied)");
        }
    }

    /** Writes the whole output; on any failure nothing is left at the destination. */
    public void write(Content content) {
        if (path == null) {
            writeToStdout(content);
            return;
        }
        Path temp;
        try {
            temp = Files.createTempFile(directory(), "." + path.getFileName() + ".", ".tmp");
        } catch (AccessDeniedException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot write in " + directory() + " (permission denied)", e);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot create a file in " + directory() + ": " + e.getMessage(), e);
        }
        try (Cleanup.Registration ignored = Cleanup.onShutdown(() -> temp.toFile().delete())) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                content.writeTo(out);
            }
            // The temporary file is the owner's alone while it is written; the finished file gets
            // the permissions of the file it replaces, or the usual rw-r--r--.
            Files.setPosixFilePermissions(temp, Files.exists(path) ? Files.getPosixFilePermissions(path) : FINISHED);
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ChartonException(ExitCode.IO, path + ": cannot write the " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private void writeToStdout(Content content) {
        try {
            OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            content.writeTo(stdout);
            stdout.flush();
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, "cannot write the " + what + " to standard output: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Nothing more can be done; the name starts with a dot and ends in .tmp.
        }
    }

    private Path directory() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
