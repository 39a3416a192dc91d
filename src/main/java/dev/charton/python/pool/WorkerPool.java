package dev.charton.python.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.WorkerLauncher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm workers, at most {@code size} per interpreter, each serving requests one after another. A
 * request borrows an idle worker (starting one while there are fewer than {@code size}) and gives
 * it back afterwards; a worker that died, crashed or was killed by a timeout is dropped, and the
 * next request gets a fresh one. Batch mode renders through this.
 */
public final class WorkerPool implements AutoCloseable {
    private final WorkerLauncher launcher;
    private final int size;
    private final Map<Path, Slots> byInterpreter = new HashMap<>();
    private boolean closed;

    public WorkerPool(WorkerLauncher launcher, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one worker, not " + size);
        }
        this.launcher = launcher;
        this.size = size;
    }

    /** Renders one request on a worker of {@code python}. */
    public PythonWorker.Rendered render(Path python, ObjectNode request, PythonWorker.DataWriter data, Duration timeout) {
        PythonWorker worker = borrow(python);
        try {
            return worker.render(request, data, timeout);
        } finally {
            giveBack(python, worker);
        }
    }

    /**
     * Adds a worker started ahead of demand (for instance while the input is still being read) as
     * an idle one of its interpreter; it is closed instead when the pool is full or closed.
     */
    public void offer(PythonWorker worker) {
        boolean taken;
        synchronized (this) {
            Slots slots = byInterpreter.computeIfAbsent(worker.python(), p -> new Slots());
            taken = !closed && slots.live < size && worker.isUsable();
            if (taken) {
                slots.live++;
                slots.idle.addLast(worker);
                notifyAll();
            }
        }
        if (!taken) {
            worker.close();
        }
    }

    /** The workers alive now, for every interpreter (for tests and the shell's status). */
    public synchronized int liveWorkers() {
        return byInterpreter.values().stream().mapToInt(s -> s.live).sum();
    }

    private PythonWorker borrow(Path python) {
        Slots slots;
        synchronized (this) {
            slots = byInterpreter.computeIfAbsent(python, p -> new Slots());
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the worker pool is closed");
                }
                PythonWorker idle = slots.idle.pollFirst();
                if (idle != null && idle.isUsable()) {
                    return idle;
                }
                if (idle != null) {
                    slots.live--;
                    idle.close();
                } else if (slots.live < size) {
                    slots.live++;
                    break;
                } else {
                    waitForAWorker();
                }
            }
        }
        try {
            return launcher.start(python);
        } catch (RuntimeException e) {
            synchronized (this) {
                slots.live--;
                notifyAll();
            }
            throw e;
        }
    }

    private void waitForAWorker() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartonException(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    private void giveBack(Path python, PythonWorker worker) {
        boolean usable = worker.isUsable();
        synchronized (this) {
            Slots slots = byInterpreter.get(python);
            if (usable && !closed) {
                slots.idle.addLast(worker);
            } else {
                slots.live--;
            }
            notifyAll();
        }
        if (!usable || closed) {
            worker.close();
        }
    }

    @Override
    public void close() {
        List<PythonWorker> idle = new ArrayList<>();
        synchronized (this) {
            closed = true;
            byInterpreter.values().forEach(s -> {
                idle.addAll(s.idle);
                s.live -= s.idle.size();
                s.idle.clear();
            });
            notifyAll();
        }
        idle.forEach(PythonWorker::close);
    }

    private static final class Slots {
        final Deque<PythonWorker> idle = new ArrayDeque<>();
        int live;
    }

}
