package dev.charton.python.setup;

import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.service.WorkerService;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /**
     * A worker on {@code python}, once it has greeted (its imports go on): one of the worker
     * service's when it runs and can serve, else a process of this command's own (and the service
     * is started once the command is done, if this interpreter can run the renderer).
     */
    public PythonWorker start(Path python) {
        Optional<WorkerService> service = WorkerService.forWorkers(python, templates, preload, env);
        Optional<PythonWorker> served = service.flatMap(s -> s.connect(stderr));
        if (served.isPresent()) {
            return served.get();
        }
        PythonWorker worker = PythonWorker.start(python, templates, preload, env, stderr);
        if (!worker.info().tooOld() && worker.info().missingPackages().isEmpty()) {
            service.ifPresent(WorkerService::startAfterCommand);
        }
        return worker;
    }
}
