package dev.charton.bridge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the Python worker of a {@code charton plot} before the command line is even parsed, so
 * Python's start and its imports (the longest part of a small plot) overlap the JVM's own start-up,
 * option parsing and input reading. The arguments are only scanned for the few that choose the
 * worker (--python, --renderer); the worker is used only if the parsed options turn out to ask for
 * exactly that one, in the same environment ({@link #claim}), otherwise it is closed. It never sets Python up: when
 * charton's environment has yet to be built, the normal path does that, saying so.
 */
public final class WorkerPrestart {
    private static final String DEFAULT_RENDERER = "matplotlib";
    /** What a plot with --script asks the worker for (RenderRequest.SCRIPT_RENDERER). */
    private static final String SCRIPT_RENDERER = "script";
    private static Pending pending;

    private WorkerPrestart() {
    }

    /** Called first thing in main. */
    public static synchronized void begin(String[] args) {
        Scan scan = Scan.of(List.of(args));
        if (scan == null) {
            return;
        }
        // vfork starts a child several times faster than the default posix_spawn helper on Linux.
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null && "Linux".equals(System.getProperty("os.name"))) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
        Map<String, String> env;
        try {
            env = MemoryLimit.workerEnvironment(System.getenv(),
                    scan.memoryLimit() == null ? null : MemoryLimit.parse(scan.memoryLimit()));
        } catch (RuntimeException e) {
            return; // a bad size: the parsed options report it
        }
        PythonSetup setup = new PythonSetup(env, System.err, scan.python());
        pending = new Pending(scan.python(), scan.renderer(), env, setup.startInBackground(scan.renderer(), false));
    }

    /**
     * The worker started for these options and this environment (options such as --templates-dir
     * change what Python sees), or null; a prestart is handed out once.
     */
    static synchronized CompletableFuture<PythonWorker> claim(String python, String renderer, Map<String, String> env) {
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

    /** What the arguments of a plot command say about its worker; null for any other command. */
    record Scan(String python, String renderer, String memoryLimit) {
        static Scan of(List<String> args) {
            int command = 0;
            while (command < args.size() && args.get(command).startsWith("-")) {
                command++;
            }
            if (command >= args.size() || !args.get(command).equals("plot")) {
                return null;
            }
            String python = null;
            String memoryLimit = null;
            String renderer = DEFAULT_RENDERER;
            boolean script = false;
            for (int i = command + 1; i < args.size(); i++) {
                String arg = args.get(i);
                String next = i + 1 < args.size() ? args.get(i + 1) : null;
                if (arg.equals("--")) {
                    break;
                } else if (List.of("-h", "--help", "-V", "--version").contains(arg)) {
                    return null;
                } else if (arg.startsWith("-r") && arg.length() > 2 && !arg.startsWith("--")) {
                    renderer = arg.substring(2);
                } else if (arg.equals("--script") || arg.startsWith("--script=")) {
                    script = true;
                } else {
                    python = value(arg, next, "--python", python);
                    memoryLimit = value(arg, next, "--memory-limit", memoryLimit);
                    renderer = value(arg, next, "--renderer", value(arg, next, "-r", renderer));
                }
            }
            return renderer == null ? null : new Scan(python, script ? SCRIPT_RENDERER : renderer, memoryLimit);
        }

        /** The value {@code arg} (and {@code next}) give option {@code name}, as NAME VALUE or NAME=VALUE; else {@code before}. */
        private static String value(String arg, String next, String name, String before) {
            if (arg.equals(name)) {
                return next;
            }
            return arg.startsWith(name + "=") ? arg.substring(name.length() + 1) : before;
        }
    }
}
