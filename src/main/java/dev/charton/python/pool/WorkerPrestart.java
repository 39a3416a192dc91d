package dev.charton.python.pool;

import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.MemoryLimit;
import dev.charton.python.setup.PythonSetup;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the Python worker of a {@code charton plot} before the command line is even parsed, so
 * Python's start and its imports (the longest part of a small plot) overlap the JVM's own start-up,
 * option parsing and input reading. The arguments are only scanned for the few that choose the
 * worker (--python, --renderer; {@code cli.PrestartScan}); the worker is used only if the parsed options turn out to ask for
 * exactly that one, in the same environment ({@link #claim}), otherwise it is closed. It never sets Python up: when
 * charton's environment has yet to be built, the normal path does that, saying so.
 */
public final class WorkerPrestart {
    private static Pending pending;

    private WorkerPrestart() {
    }

    /**
     * Called first thing in main with what the arguments say about the worker: the interpreter
     * (--python, or null), the renderer and the --memory-limit text (or null).
     */
    public static synchronized void begin(String python, String renderer, String memoryLimit) {
        // vfork starts a child several times faster than the default posix_spawn helper on Linux.
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null && "Linux".equals(System.getProperty("os.name"))) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
        Map<String, String> env;
        try {
            env = MemoryLimit.workerEnvironment(System.getenv(),
                    memoryLimit == null ? null : MemoryLimit.parse(memoryLimit));
        } catch (RuntimeException e) {
            return; // a bad size: the parsed options report it
        }
        PythonSetup setup = new PythonSetup(env, System.err, python);
        pending = new Pending(python, renderer, env, setup.startInBackground(renderer, false));
    }

    /**
     * The worker started for these options and this environment (options such as --templates-dir
     * change what Python sees), or null; a prestart is handed out once.
     */
    public static synchronized CompletableFuture<PythonWorker> claim(String python, String renderer, Map<String, String> env) {
        Pending p = pending;
        pending = null;
        if (p != null && Objects.equals(p.python(), python) && p.renderer().equals(renderer) && p.env().equals(env)) {
            return p.worker();
        }
        if (p != null) {
            p.worker().thenAccept(w -> {
                if (w != null) {
                    w.close();
                }
            });
        }
        return null;
    }

    /** Closes a prestarted worker nobody claimed (the start-up archive's training run starts one). */
    public static synchronized void discard() {
        Pending p = pending;
        pending = null;
        PythonWorker worker = p == null ? null : p.worker().exceptionally(failure -> null).join();
        if (worker != null) {
            worker.close();
        }
    }

    private record Pending(String python, String renderer, Map<String, String> env,
                           CompletableFuture<PythonWorker> worker) {
    }
}
