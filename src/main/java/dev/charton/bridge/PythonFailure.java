package dev.charton.bridge;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

/** A failure on the Python side, with Python's own traceback for {@code --verbose}. */
public final class PythonFailure extends ChartonException {
    private final String traceback;

    public PythonFailure(ExitCode code, String message, String traceback) {
        super(code, message);
        this.traceback = traceback == null ? "" : traceback;
    }

    public String traceback() {
        return traceback;
    }
}
