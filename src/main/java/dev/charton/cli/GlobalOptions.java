package dev.charton.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
final class GlobalOptions {
    private static boolean verbose;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and Python tracebacks when something fails.")
    void setVerbose(boolean value) {
        verbose = value;
    }

    static boolean verbose() {
        return verbose;
    }
}
