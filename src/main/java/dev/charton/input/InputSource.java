package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a table comes from: a file, standard input when the user wrote {@code -}, or an http(s)
 * URL, which is read once front to back as standard input is.
 */
public final class InputSource {
    private static final String STDIN = "-";

    private final String argument;
    private final Path path;
    private final UrlInput url;

    private InputSource(String argument, Path path, UrlInput url) {
        this.argument = argument;
        this.path = path;
        this.url = url;
    }

    public static InputSource of(String argument) {
        if (STDIN.equals(argument)) {
            return new InputSource(argument, null, null);
        }
        if (isFileUrl(argument)) {
            return new InputSource(argument, fileUrlPath(argument), null);
        }
        if (UrlInput.looksLikeUrl(argument)) {
            return new InputSource(argument, null, UrlInput.of(argument));
        }
        return new InputSource(argument, Path.of(argument), null);
    }

    /** Whether {@code argument} names a file by its path, relative or absolute (not -, not a URL). */
    public static boolean isPath(String argument) {
        return !STDIN.equals(argument) && !UrlInput.looksLikeUrl(argument) && !isFileUrl(argument);
    }

    private static boolean isFileUrl(String argument) {
        return argument.regionMatches(true, 0, "file:/", 0, 6);
    }

    private static Path fileUrlPath(String argument) {
        try {
            return Path.of(URI.create(argument));
        } catch (IllegalArgumentException e) {
            throw new ChartonException(ExitCode.USAGE, argument + ": not a file URL charton can read ("
                    + e.getMessage() + "); give the path", e);
        }
    }

    /** As the user wrote it: {@code -}, a path or a URL. */
    public String argument() {
        return argument;
    }

    /** True for an http(s) URL, false for a file or a URL that named one ({@code file://}). */
    public boolean isUrl() {
        return url != null;
    }

    public boolean isStdin() {
        return path == null && url == null;
    }

    /** The file, or empty for standard input. */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    /**
     * True for a regular file, which can be read again and at any offset. Standard input, a FIFO
     * and a process substitution ({@code /dev/fd/63}) can be read once, front to back.
     */
    public boolean isRegularFile() {
        return path != null && Files.isRegularFile(path);
    }

    /** How messages name this input. */
    public String displayName() {
        return isStdin() ? "<stdin>" : isUrl() ? url.displayName() : path.toString();
    }

    /** Checks that the input can be opened, so the failure names the file before any work starts. */
    public void checkReadable() {
        if (path == null) { // standard input, or a URL: reading it is the only check
            return;
        }
        if (Files.isDirectory(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, path + ": is a directory, not a data file");
        }
        if (!Files.exists(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, path + ": no such file");
        }
        if (!Files.isReadable(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, path + ": permission denied");
        }
    }

    /** Opens the bytes, buffered, with enough mark capacity to sniff the format. */
    public BufferedInputStream open() {
        checkReadable();
        try {
            // A FIFO through Files.newInputStream fails on its first read ("Illegal seek": its
            // available() asks for a position); FileInputStream reads pipes as they are.
            InputStream raw = isStdin() ? System.in : isUrl() ? url.open()
                    : isRegularFile() ? Files.newInputStream(path) : new FileInputStream(path.toFile());
            return new BufferedInputStream(raw, 1 << 16);
        } catch (NoSuchFileException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName() + ": no such file", e);
        } catch (FileNotFoundException e) {
            // FileInputStream's one exception for every failure to open; its message ends with the reason.
            String message = String.valueOf(e.getMessage());
            String reason = message.endsWith(")") && message.contains(" (")
                    ? message.substring(message.lastIndexOf(" (") + 2, message.length() - 1) : message;
            throw new ChartonException(ExitCode.NO_INPUT, displayName() + ": " + (reason.contains("Permission denied")
                    ? "permission denied" : reason.contains("No such file") ? "no such file" : "cannot open: " + reason), e);
        } catch (AccessDeniedException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName() + ": permission denied", e);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.IO, displayName() + ": cannot open: " + e.getMessage(), e);
        }
    }
}
