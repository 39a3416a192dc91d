package dev.charton.shell;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

/**
 * A Ctrl-C that arrived while a command ran. The terminal's signal thread requests it; the command's
 * own thread checks it (between batches of input) or is woken by what the request does (the shell
 * kills a rendering Python).
 */
final class Cancellation {
    private volatile boolean requested;

    /** Called as a command starts: an earlier Ctrl-C does not cancel it. */
    void clear() {
        requested = false;
    }

    void request() {
        requested = true;
    }

    boolean requested() {
        return requested;
    }

    /** Throws when a Ctrl-C has arrived since the command started; {@code message} says what stopped. */
    void check(String message) {
        if (requested) {
            throw cancelled(message);
        }
    }

    static ChartonException cancelled(String message) {
        return new ChartonException(ExitCode.INTERRUPTED, "cancelled (Ctrl-C): " + message);
    }
}
