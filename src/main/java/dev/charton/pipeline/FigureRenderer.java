package dev.charton.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.python.protocol.PythonWorker;

/**
 * Where a figure is drawn: the worker a plot started, a batch's pool, the shell's session worker.
 * It sends the request header, then lets {@code data} write the Arrow stream, and returns Python's answer.
 */
@FunctionalInterface
public interface FigureRenderer {
    PythonWorker.Rendered render(ObjectNode header, PythonWorker.DataWriter data);
}
