package dev.charton.error;

import java.util.Optional;

/**
 * Where charton tells the user of something it did that they may not expect (values it could not
 * draw): one {@code charton: warning: ...} line on stderr each, unless {@code --quiet} silenced them.
 */
public final class Warnings {
    private static volatile boolean quiet;
    private static volatile boolean detailed;

    private Warnings() {
    }

    public static void setQuiet(boolean value) {
        quiet = value;
    }

    /** Whether a warning carries its details (--verbose), such as an engine's own message. */
    public static void setDetailed(boolean value) {
        detailed = value;
    }

    /** {@code warning} followed by {@code detail} with --verbose, else by how to see it. */
    public static String detailed(String warning, String detail) {
        return warning + (detailed ? ": " + detail : " (--verbose shows why)");
    }

    /** The line to print for {@code warning} (null: nothing to say), unless warnings are silenced. */
    public static Optional<String> line(String warning) {
        return warning == null || quiet ? Optional.empty() : Optional.of("charton: warning: " + warning);
    }
}
