package dev.charton.python.setup;

import dev.charton.python.protocol.PythonWorker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start workers: the extracted Python templates, the environment they run in, and where
 * their stderr goes.
 *
 * @param preload the renderer whose libraries a new worker imports before its first request
 *                ("none" for no preloading)
 */
public record WorkerLauncher(Path templates, Map<String, String> env, PrintStream stderr, String preload) {
    public WorkerLauncher {
        env = Map.copyOf(env);
    }

    public WorkerLauncher preloading(String renderer) {
        return new WorkerLauncher(templates, env, stderr, renderer);
    }

    /** Starts a worker on {@code python}; returns once it has greeted (its imports go on). */
    public PythonWorker start(Path python) {
        return PythonWorker.start(python, templates, preload, env, stderr);
    }
}
