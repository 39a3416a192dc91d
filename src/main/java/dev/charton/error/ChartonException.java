package dev.charton.error;

/**
 * A failure the user can act on. Its message is the one line charton prints on stderr, so it names
 * what went wrong and where (file, line, column); the exit code says which kind of failure it was.
 */
public class ChartonException extends RuntimeException {
    private final ExitCode exitCode;

    public ChartonException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ChartonException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
