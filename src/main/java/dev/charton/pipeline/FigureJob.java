package dev.charton.pipeline;

import dev.charton.lifecycle.Deadline;
import dev.charton.output.FigureOutput;
import dev.charton.python.setup.PythonChoice;
import dev.charton.table.TableSource;

import java.time.Duration;

/**
 * One figure as the plot options describe it: the table (a file read with its options, or a query's
 * result), what to draw, where the figure goes, which Python draws it and how long the whole command
 * may take (the deadline's budget null: no limit).
 * {@code charton plot} runs one; {@code charton batch} builds one per chart from the same options.
 */
public record FigureJob(TableSource table, RenderRequest request, FigureOutput output, PythonChoice python,
                        Deadline deadline) {
    /** The budget of one figure, null for none. */
    public Duration timeout() {
        return deadline.budget();
    }
}
