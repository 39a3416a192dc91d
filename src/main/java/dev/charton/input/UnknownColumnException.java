package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

/** A column asked for that the table does not have; the message names the closest one and lists them all. */
public final class UnknownColumnException extends ChartonException {
    private final String column;

    public UnknownColumnException(String column, String message) {
        super(ExitCode.DATA, message);
        this.column = column;
    }

    public String column() {
        return column;
    }
}
