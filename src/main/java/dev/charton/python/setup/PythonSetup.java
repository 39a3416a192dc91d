package dev.charton.python.setup;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.pool.WorkerPrestart;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.protocol.WorkerInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Finds an interpreter that can run a renderer and starts a worker on it: the first candidate
 * whose worker reports no missing packages wins. When none can, charton builds its managed
 * environment (unless CHARTON_NO_SETUP=1) or says exactly what to install.
 */
public final class PythonSetup {
    private final Map<String, String> env;
    private final PrintStream stderr;
    private final UserDirectories dirs;
    private final ManagedEnvironment managed;
    private final PythonLocator locator;
    private final String pythonOption;

    public PythonSetup(Map<String, String> env, PrintStream stderr, String pythonOption) {
        this.env = env;
        this.stderr = stderr;
        this.dirs = UserDirectories.from(env);
        this.managed = new ManagedEnvironment(dirs, env);
        this.locator = new PythonLocator(env, managed);
        this.pythonOption = pythonOption;
    }

    /** The environment its Python processes see (CHARTON_TEMPLATES among it). */
    public Map<String, String> environment() {
        return env;
    }

    /** How workers are started, preloading {@code renderer}'s libraries. */
    public WorkerLauncher launcher(String renderer) {
        return new WorkerLauncher(PythonTemplates.directory(dirs), env, stderr, renderer);
    }

    /**
     * Starts choosing and starting a worker in the background, so Python starts (and imports its
     * libraries) while the caller reads its input. Failures surface from {@link #await}. A worker
     * charton's main already started for these options ({@link WorkerPrestart}) is used if there is one.
     */
    public CompletableFuture<PythonWorker> startWorkerAsync(String renderer) {
        CompletableFuture<PythonWorker> early = WorkerPrestart.claim(pythonOption, renderer, env);
        if (early == null) {
            return startInBackground(renderer, true);
        }
        return early.handle((worker, failure) -> worker != null || failure != null ? early : startInBackground(renderer, true))
                .thenCompose(f -> f);
    }

    /** Starts a worker on a background thread; without {@code mayInstall}, null instead of setting Python up. */
    public CompletableFuture<PythonWorker> startInBackground(String renderer, boolean mayInstall) {
        CompletableFuture<PythonWorker> future = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                future.complete(startWorker(renderer, mayInstall));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "python-start");
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    /** The worker of {@link #startWorkerAsync}, once it has started; its failure is rethrown as is. */
    public static PythonWorker await(CompletableFuture<PythonWorker> starting) {
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Starts a worker able to run {@code renderer}, setting up Python first if it must. */
    public PythonWorker startWorker(String renderer) {
        return startWorker(renderer, true);
    }

    private PythonWorker startWorker(String renderer, boolean mayInstall) {
        WorkerLauncher launcher = launcher(renderer);
        List<String> refusals = new ArrayList<>();
        List<String> missingEverywhere = List.of();
        for (PythonCandidate candidate : locator.candidates(pythonOption)) {
            if (!Files.isExecutable(candidate.executable())) {
                if (candidate.explicit()) {
                    throw new ChartonException(ExitCode.UNAVAILABLE, "Python not found at " + candidate.executable()
                            + " (from " + candidate.origin() + ")");
                }
                continue;
            }
            PythonWorker worker = launcher.start(candidate.executable());
            WorkerInfo info = worker.info();
            if (!info.tooOld() && info.missingPackages().isEmpty()) {
                return worker;
            }
            worker.close();
            if (candidate.explicit()) {
                throw info.tooOld() ? tooOld(candidate, info) : missingPackages(candidate, info.missingPackages());
            }
            String why = info.tooOld() ? info.tooOldReason() : "lacks " + String.join(", ", info.missingPackages());
            refusals.add(candidate.executable() + " (" + candidate.origin() + ") " + why);
            if (!info.tooOld()) {
                missingEverywhere = info.missingPackages();
            }
        }
        return mayInstall ? setUpManagedEnvironment(launcher, refusals, missingEverywhere) : null;
    }

    private static ChartonException tooOld(PythonCandidate candidate, WorkerInfo info) {
        return new ChartonException(ExitCode.UNAVAILABLE, "Python " + info.pythonVersion() + " at "
                + candidate.executable() + " (from " + candidate.origin() + ") is older than " + info.minimumPython()
                + ", the oldest charton supports; use Python " + info.minimumPython() + " or newer");
    }

    /** The interpreters charton would consider, in order, for charton doctor. */
    public List<PythonCandidate> candidates() {
        return locator.candidates(pythonOption);
    }

    public ManagedEnvironment managedEnvironment() {
        return managed;
    }

    private PythonWorker setUpManagedEnvironment(WorkerLauncher launcher, List<String> refusals, List<String> missing) {
        Path requirements = launcher.templates().resolve(PythonTemplates.REQUIREMENTS);
        if ("1".equals(env.get("CHARTON_NO_SETUP"))) {
            String what = !missing.isEmpty() ? "no Python can import " + String.join(", ", missing) + " ("
                    + String.join("; ", refusals) + "); install them with:"
                    : (refusals.isEmpty() ? "no Python 3 interpreter was found"
                    : "no Python charton can use was found (" + String.join("; ", refusals) + ")")
                    + "; install Python 3 (or pass --python), then:";
            throw new ChartonException(ExitCode.UNAVAILABLE, what + " python3 -m pip install "
                    + String.join(" ", missing.isEmpty() ? requirementNames(requirements) : missing)
                    + " (or unset CHARTON_NO_SETUP to let charton set up its own environment)");
        }
        Path base = locator.systemPython().orElseThrow(() -> new ChartonException(ExitCode.UNAVAILABLE,
                "no python3 on PATH to build charton's environment from; install Python 3 or pass --python"));
        refuseIfTooOld(launcher, new PythonCandidate(base, "python3 on PATH", false));
        managed.create(base, requirements, stderr);
        PythonWorker worker = launcher.start(managed.python());
        if (!worker.info().missingPackages().isEmpty()) {
            worker.close();
            throw missingPackages(new PythonCandidate(managed.python(), "charton's managed environment", false),
                    worker.info().missingPackages());
        }
        return worker;
    }

    /** An environment made from a Python too old for charton would be refused once built. */
    private static void refuseIfTooOld(WorkerLauncher launcher, PythonCandidate base) {
        try (PythonWorker worker = launcher.preloading("none").start(base.executable())) {
            if (worker.info().tooOld()) {
                throw tooOld(base, worker.info());
            }
        }
    }

    private static ChartonException missingPackages(PythonCandidate candidate, List<String> missing) {
        return new ChartonException(ExitCode.UNAVAILABLE, "Python at " + candidate.executable() + " (from "
                + candidate.origin() + ") cannot import " + String.join(", ", missing) + "; install them with: "
                + candidate.executable() + " -m pip install " + String.join(" ", missing));
    }

    private static List<String> requirementNames(Path requirements) {
        try {
            return ManagedEnvironment.requirementNames(requirements);
        } catch (IOException e) {
            return List.of("numpy", "pandas", "pyarrow", "matplotlib");
        }
    }
}
