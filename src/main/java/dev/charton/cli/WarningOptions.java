package dev.charton.cli;

import dev.charton.error.Warnings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** --quiet, which every command accepts (a class of its own: picocli lists a class's setter options in no fixed order). */
final class WarningOptions {
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no warnings (values a chart cannot draw); errors are still printed.")
    void setQuiet(boolean value) {
        Warnings.setQuiet(value);
    }
}
