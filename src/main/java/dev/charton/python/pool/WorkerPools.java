package dev.charton.python.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonChoice;
import dev.charton.python.setup.PythonSetup;
import dev.charton.python.setup.WorkerLauncher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Warm Python workers for many figures (a batch): one {@link WorkerPool} per Python choice
 * (interpreter option and environment) the figures make, each started ahead of demand so Python's start and imports
 * overlap the reading of the datasets.
 */
public final class WorkerPools implements AutoCloseable {
    private final int size;
    private final Map<PythonChoice, Pool> pools = new LinkedHashMap<>();

    public WorkerPools(int size) {
        this.size = size;
    }

    /**
     * Starts, in the background, up to {@code size} workers for each Python choice, given the
     * renderer of each figure to come (the most used one is preloaded).
     */
    public void warmUp(Map<PythonChoice, List<String>> renderersByChoice) {
        renderersByChoice.forEach((choice, renderers) -> {
            String preload = mostUsed(renderers);
            PythonSetup setup = choice.setup();
            WorkerLauncher launcher = setup.launcher(preload);
            WorkerPool workers = new WorkerPool(launcher, size);
            int warm = Math.min(size, renderers.size());
            CompletableFuture<Path> python = setup.startWorkerAsync(preload).thenApply(first -> {
                workers.offer(first);
                for (int i = 1; i < warm; i++) {
                    CompletableFuture.runAsync(() -> workers.offer(launcher.start(first.python())));
                }
                return first.python();
            });
            pools.put(choice, new Pool(workers, python));
        });
    }

    /** Waits until each choice has its interpreter; one that cannot be found or set up fails the batch. */
    public void awaitInterpreters() {
        pools.values().forEach(Pool::interpreter);
    }

    public PythonWorker.Rendered render(PythonChoice choice, ObjectNode request, PythonWorker.DataWriter data,
                                        Duration timeout) {
        Pool pool = pools.get(choice);
        return pool.workers().render(pool.interpreter(), request, data, timeout);
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.workers().close());
    }

    private static String mostUsed(List<String> renderers) {
        return renderers.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    private record Pool(WorkerPool workers, CompletableFuture<Path> python) {
        Path interpreter() {
            try {
                return python.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
    }
}
