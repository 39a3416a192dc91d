package dev.charton.input;

/** Makes one line out of a library's exception, for messages that say what is wrong with an input. */
public final class FailureText {
    private FailureText() {
    }

    /** The innermost non-blank message (the one that says what is wrong), first line only. */
    public static String of(Throwable e) {
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        String text = message == null ? fallback(e) : message;
        return text.strip().lines().findFirst().orElse(text);
    }

    private static String fallback(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.io.EOFException) {
                return "it ends in the middle of its data (truncated?)";
            }
        }
        return e.getClass().getSimpleName();
    }
}
