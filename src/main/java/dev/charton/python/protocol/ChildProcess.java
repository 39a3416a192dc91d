package dev.charton.python.protocol;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.python.setup.PythonTemplates;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A worker charton started itself: Python on charton_worker.py, speaking the protocol on its stdin
 * and stdout. Its stderr (everything user code prints included) is passed on to ours as it comes.
 */
public final class ChildProcess implements WorkerEnd {
    private final Process process;
    private final OutputStream requests;
    private final InputStream responses;
    private final Thread stderrPump;
    private final CrashLog crashLog;

    private ChildProcess(Process process, PrintStream stderr, CrashLog crashLog) {
        this.process = process;
        this.crashLog = crashLog;
        this.requests = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.responses = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderrPump = new Thread(() -> pump(process.getErrorStream(), stderr), "python-stderr");
        this.stderrPump.setDaemon(true);
        this.stderrPump.start();
    }

    /** Starts Python on charton_worker.py, preloading {@code preload}'s libraries. */
    public static ChildProcess start(Path python, Path templates, String preload, Map<String, String> env,
                                     PrintStream stderr) {
        CrashLog crashLog = CrashLog.next();
        // No "-X faulthandler": Python 2 refuses -X before charton_worker.py could say it is too
        // old. The worker turns faulthandler on itself once it has checked the version and set up
        // its channels, so a crash inside site or a .pth file, before that, is not dumped.
        ProcessBuilder builder = new ProcessBuilder(python.toString(),
                templates.resolve(PythonTemplates.WORKER_SCRIPT).toString(), "--preload", preload,
                "--spawned-at", Long.toString(System.currentTimeMillis()), "--crash-log", crashLog.path());
        builder.environment().clear();
        builder.environment().putAll(environment(env));
        try {
            return new ChildProcess(builder.start(), stderr, crashLog);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.UNAVAILABLE, "cannot run Python at " + python + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The environment a worker runs in, given charton's: wherever Python runs, it is this one. */
    public static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> worker = new java.util.HashMap<>(env);
        worker.put("MPLBACKEND", "Agg");
        worker.put("PYTHONUNBUFFERED", "1");
        worker.remove("PYTHONSTARTUP");
        return worker;
    }

    @Override
    public OutputStream requests() {
        return requests;
    }

    @Override
    public InputStream responses() {
        return responses;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public OptionalInt exitStatus() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
        int status = process.waitFor();
        stderrPump.join(2000);
        return OptionalInt.of(status);
    }

    @Override
    public String crashDump() {
        return crashLog.read();
    }

    /** Closing its stdin lets the worker exit on its own; it is killed if it does not. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // Already gone.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
            stderrPump.join(2000);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            crashLog.delete();
        }
    }

    private static void pump(InputStream from, PrintStream to) {
        byte[] buffer = new byte[8192];
        try (from) {
            int n;
            while ((n = from.read(buffer)) > 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException ignored) {
            // The process is gone; nothing more to pass on.
        }
    }
}
