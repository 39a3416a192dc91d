package dev.charton.output;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.PrivateTempFile;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    /** As Linux's own limit on links followed in one lookup (a loop ends there). */
    private static final int MAX_LINK_HOPS = 40;

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
        Path target = destination();
        if (Files.isDirectory(target)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": is a directory; give a file name for the " + what);
        }
        if (isSpecialFile(target)) {
            if (!Files.isWritable(target)) {
                throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot write to it (permission denied)");
            }
            return;
        }
        Path dir = directory(target);
        if (!Files.isDirectory(dir)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot write in " + dir + " (permission denied)");
        }
    }

    /**
     * Writes the whole output; on any failure nothing is left at the destination. A device or a
     * FIFO (/dev/null, a named pipe) is written in place: a rename would replace it with a file.
     */
    public void write(Content content) {
        if (path == null) {
            writeThrough(new StandardOutput(), "to standard output", content);
            return;
        }
        Path target = destination();
        if (isSpecialFile(target)) {
            OutputStream out;
            try {
                out = Files.newOutputStream(target, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot open it: " + e.getMessage(), e);
            }
            writeThrough(out, "to " + path, content);
            return;
        }
        writeAtomically(target, content);
    }

    /**
     * A temporary file beside the target, renamed over it once complete; whatever goes wrong (an
     * Error too), closing the temporary file deletes what is left of it.
     */
    private void writeAtomically(Path target, Content content) {
        Path dir = directory(target);
        try (PrivateTempFile temp = createTemp(dir, target)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp.path()), 1 << 16)) {
                content.writeTo(out);
            }
            // The temporary file is the owner's alone while it is written; the finished file gets
            // the permissions of the file it replaces, or the usual rw-r--r--.
            Files.setPosixFilePermissions(temp.path(), Files.exists(target) ? Files.getPosixFilePermissions(target) : FINISHED);
            Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, path + ": cannot write the " + what + ": " + e.getMessage(), e);
        }
    }

    private PrivateTempFile createTemp(Path dir, Path target) {
        try {
            return PrivateTempFile.create(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (AccessDeniedException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot write in " + dir + " (permission denied)", e);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, path + ": cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Standard output, a device or a FIFO: written as it comes. When the reader stops reading (a
     * broken pipe, as {@code | head} does) charton ends quietly with 141, as cat and git do when
     * SIGPIPE stops them: the reader chose to stop, so there is no failure to report.
     */
    private void writeThrough(OutputStream destination, String where, Content content) {
        try (OutputStream out = new BufferedOutputStream(destination, 1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw brokenPipe(e) ? readerGone(where, e)
                    : new ChartonException(ExitCode.IO, "cannot write the " + what + " " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Arrow's writer reports a failed write wrapped in an unchecked exception.
            throw brokenPipe(e) ? readerGone(where, e) : e;
        }
    }

    private ChartonException readerGone(String where, Exception e) {
        return new ChartonException(ExitCode.BROKEN_PIPE, "stopped writing the " + what + " " + where
                + ": its reader closed it", e);
    }

    private static boolean brokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file the output ends up in: a symbolic link is followed (a dangling one too), so a link to
     * a figure keeps pointing at the updated figure instead of being replaced by a file.
     */
    private Path destination() {
        Path target = path;
        try {
            for (int hops = 0; Files.isSymbolicLink(target) && hops < MAX_LINK_HOPS; hops++) {
                Path parent = target.toAbsolutePath().getParent();
                target = parent.resolve(Files.readSymbolicLink(target));
            }
        } catch (IOException e) {
            return path;
        }
        return target;
    }

    /** Something that exists but is neither a regular file nor a directory: a device, a FIFO, a socket. */
    private static boolean isSpecialFile(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** Standard output, which stays open after a figure (the shell writes more to it). */
    private static final class StandardOutput extends FilterOutputStream {
        StandardOutput() {
            super(new FileOutputStream(FileDescriptor.out));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }


    private static Path directory(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
