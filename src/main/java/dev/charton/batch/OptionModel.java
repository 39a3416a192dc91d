package dev.charton.batch;

import picocli.CommandLine;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A command whose options a spec entry uses: a fresh picocli command line for each entry, and what
 * to make of it once parsed. Batch charts parse with {@code charton plot}'s own model, so every
 * plot option works in a spec, checked and converted exactly as on the command line.
 */
public record OptionModel<T>(Supplier<CommandLine> commandLine, Function<CommandLine, T> result) {
}
