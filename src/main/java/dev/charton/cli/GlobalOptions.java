package dev.charton.cli;

import dev.charton.error.Warnings;
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

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no warnings (values a chart cannot draw); errors are still printed.")
    void setQuiet(boolean value) {
        Warnings.setQuiet(value);
    }

    static boolean verbose() {
        return verbose;
    }
}
