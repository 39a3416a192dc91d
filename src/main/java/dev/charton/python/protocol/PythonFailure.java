package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.nio.file.Path;

/** A failure on the Python side, with Python's own traceback (or crash dump) for {@code --verbose}. */
public final class PythonFailure extends ChartonException {
    private final String traceback;

    public PythonFailure(ExitCode code, String message, String traceback) {
        super(code, message);
        this.traceback = traceback == null ? "" : traceback;
    }

    public String traceback() {
        return traceback;
    }

    /**
     * The structured error of a response (docs/protocol.md): its category picks the exit code; a
     * software failure names where in the user's code it happened.
     */
    public static PythonFailure from(JsonNode error) {
        ExitCode code = switch (error.path("category").asText("")) {
            case "data" -> ExitCode.DATA;
            case "usage" -> ExitCode.USAGE;
            case "unavailable" -> ExitCode.UNAVAILABLE;
            case "output" -> ExitCode.CANT_CREATE;
            default -> ExitCode.SOFTWARE;
        };
        String message = error.path("message").asText("");
        if (code == ExitCode.SOFTWARE) {
            String where = error.path("file").isTextual()
                    ? display(error.path("file").asText()) + ":" + error.path("line").asInt() + ": " : "";
            message = where + error.path("type").asText("Error") + (message.isEmpty() ? "" : ": " + message);
        }
        return new PythonFailure(code, message, error.path("traceback").asText(""));
    }

    /** A file relative to the working directory when it lies inside it. */
    private static String display(String file) {
        try {
            Path path = Path.of(file);
            Path cwd = Path.of("").toAbsolutePath();
            return path.isAbsolute() && path.startsWith(cwd) ? cwd.relativize(path).toString() : file;
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }
}
