package dev.charton.error;

import java.util.Optional;

/**
 * Where charton tells the user of something it did that they may not expect (values it could not
 * draw): one {@code charton: warning: ...} line on stderr each, unless {@code --quiet} silenced them.
 */
public final class Warnings {
    private static volatile boolean quiet;

    private Warnings() {
    }

    public static void setQuiet(boolean value) {
        quiet = value;
    }

    /** The line to print for {@code warning} (null: nothing to say), unless warnings are silenced. */
    public static Optional<String> line(String warning) {
        return warning == null || quiet ? Optional.empty() : Optional.of("charton: warning: " + warning);
    }
}
