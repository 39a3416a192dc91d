package dev.charton.pipeline;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own code for a figure: a script run in place of a renderer (or null), and the
 * {@code --param key=value} pairs handed to that script or to a template plugin as strings.
 */
public record UserCode(Path script, Map<String, String> params) {
    public static final UserCode NONE = new UserCode(null, Map.of());

    public UserCode {
        params = Map.copyOf(params);
    }

    /** The script named on the command line, made absolute and checked, so Python finds the same file. */
    public static UserCode of(String script, Map<String, String> params) {
        if (script == null) {
            return new UserCode(null, params);
        }
        Path path = Path.of(script).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, script + ": is a directory, not a Python script");
        }
        if (!Files.isRegularFile(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, script + ": no such script");
        }
        if (!Files.isReadable(path)) {
            throw new ChartonException(ExitCode.NO_INPUT, script + ": permission denied");
        }
        return new UserCode(path, params);
    }
}
