package dev.charton.cli;

import dev.charton.error.Warnings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
final class GlobalOptions {
    private static boolean verbose;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and Python tracebacks when something fails, and the engine's"
                    + " message when a push-down falls back to Java.")
    void setVerbose(boolean value) {
        verbose = value;
        Warnings.setDetailed(value);
    }

    static boolean verbose() {
        return verbose;
    }
}
