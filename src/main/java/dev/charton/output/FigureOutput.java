package dev.charton.output;

import java.util.Optional;

/** Where a figure goes: a file written atomically, or standard output for {@code -}. */
public final class FigureOutput {
    private final OutputTarget target;

    private FigureOutput(OutputTarget target) {
        this.target = target;
    }

    public static FigureOutput of(String argument) {
        return new FigureOutput(OutputTarget.of(argument, "figure"));
    }

    public boolean isStdout() {
        return target.isStdout();
    }

    /** The file name's extension in lower case, if the output is a file with one. */
    public Optional<String> extension() {
        return target.extension();
    }

    public String displayName() {
        return target.displayName();
    }

    /** Fails before any work is done when the figure could not be written there. */
    public void checkWritable() {
        target.checkWritable();
    }

    /** Writes the whole figure; on any failure nothing is left at the destination. */
    public void write(byte[] figure) {
        target.write(out -> out.write(figure));
    }
}
