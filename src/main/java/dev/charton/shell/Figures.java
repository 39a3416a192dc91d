package dev.charton.shell;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.PrivateTempFile;
import dev.charton.output.FigureOutput;
import dev.charton.pipeline.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The session directory (private to the user, in the temporary directory: $TMPDIR) and the
 * figures of the session: a plot without -o goes to the next plot-N file there, and {@code save}
 * copies the last figure elsewhere. Figures stay after the shell ends; the directory is removed if
 * it holds none.
 */
final class Figures {
    private final Path directory;
    private int count;
    private Figure last;

    private Figures(Path directory) {
        this.directory = directory;
    }

    static Figures createDirectory() {
        try {
            return new Figures(Files.createTempDirectory(PrivateTempFile.directory(), "charton-shell-")); // rwx------
        } catch (IOException e) {
            throw new ChartonException(ExitCode.CANT_CREATE, "cannot create the shell's session directory: " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Where the next figure goes without -o: plot-N, for the session's N-th figure. */
    FigureOutput next(OutputFormat format) {
        return FigureOutput.of(directory.resolve("plot-" + (count + 1) + "." + format.optionName()).toString());
    }

    /** Writes a figure (atomically) and remembers it as the last one. */
    Figure write(FigureOutput out, OutputFormat format, byte[] bytes) {
        out.write(bytes);
        count++;
        last = new Figure(Path.of(out.displayName()), format, bytes);
        return last;
    }

    Optional<Figure> last() {
        return Optional.ofNullable(last);
    }

    /** Copies the last figure to {@code target}, whose extension, if it has one, must match its format. */
    Path save(String target) {
        Figure figure = last().orElseThrow(() -> new ChartonException(ExitCode.USAGE, "no figure to save yet: plot first"));
        FigureOutput out = FigureOutput.of(target);
        if (out.isStdout()) {
            throw new ChartonException(ExitCode.USAGE, "save: give a file name");
        }
        Optional<OutputFormat> named = out.extension().flatMap(OutputFormat::fromName);
        if (named.isPresent() && named.get() != figure.format()) {
            throw new ChartonException(ExitCode.USAGE, "the last figure is " + figure.format().optionName() + ", not "
                    + named.get().optionName() + ": save it under a ." + figure.format().optionName()
                    + " name, or plot again with -o " + target);
        }
        out.checkWritable();
        out.write(figure.bytes());
        return Path.of(out.displayName());
    }

    /** Removes the directory if no figure was left in it. */
    void close() {
        try (var entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        } catch (IOException ignored) {
            // A leftover empty directory under the temporary directory is harmless.
        }
    }

    /** A figure written in this session. */
    record Figure(Path path, OutputFormat format, byte[] bytes) {
    }
}
