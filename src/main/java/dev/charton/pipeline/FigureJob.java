package dev.charton.pipeline;

import dev.charton.input.InputSource;
import dev.charton.input.ReadOptions;
import dev.charton.output.FigureOutput;
import dev.charton.python.setup.PythonChoice;

import java.time.Duration;

/**
 * One figure as the plot options describe it: the input and how to read it, what to draw, where
 * the figure goes, which Python draws it and how long it may take ({@code timeout} null: no limit).
 * {@code charton plot} runs one; {@code charton batch} builds one per chart from the same options.
 */
public record FigureJob(InputSource input, ReadOptions read, RenderRequest request, FigureOutput output,
                      PythonChoice python, Duration timeout) {
}
