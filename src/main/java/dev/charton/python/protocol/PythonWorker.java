package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.Cleanup;
import dev.charton.lifecycle.PrivateTempFile;
import dev.charton.python.pool.WorkerPool;
import dev.charton.python.setup.PythonTemplates;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Python process running charton_worker.py, serving requests one after another. It speaks the
 * framed protocol of docs/protocol.md on its stdin and stdout; its stderr (including everything user
 * code prints) is passed on to ours. A worker that crashed, timed out or was left holding half a
 * request is dead: {@link #isUsable()} says so, and a {@link WorkerPool} replaces it.
 */
public final class PythonWorker implements AutoCloseable {
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final Process process;
    private final Path python;
    private final OutputStream toPython;
    private final InputStream fromPython;
    private final Thread stderrPump;
    private final CrashLog crashLog;
    private final Cleanup.Registration killOnExit;
    private final WorkerInfo info;
    private volatile boolean broken;

    private PythonWorker(Process process, Path python, PrintStream stderr, CrashLog crashLog) {
        this.process = process;
        this.python = python;
        this.crashLog = crashLog;
        this.toPython = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromPython = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderrPump = new Thread(() -> pump(process.getErrorStream(), stderr), "python-stderr");
        this.stderrPump.setDaemon(true);
        this.stderrPump.start();
        this.killOnExit = Cleanup.onShutdown(this::killAtExit);
        Frame hello = new Exchange(null, "starting").readFrame();
        if (!Frame.HELLO.equals(hello.kind())) {
            kill();
            throw new ChartonException(ExitCode.UNAVAILABLE, "Python at " + python + " sent '" + hello.kind()
                    + "' instead of a greeting");
        }
        this.info = WorkerInfo.from(hello.header());
    }

    /** Starts Python on charton_worker.py and waits for its greeting (not for its imports). */
    public static PythonWorker start(Path python, Path templates, String preload, Map<String, String> env,
                              PrintStream stderr) {
        CrashLog crashLog = CrashLog.next();
        // No "-X faulthandler": Python 2 refuses -X before charton_worker.py could say it is too
        // old. The worker turns faulthandler on itself once it has checked the version and set up
        // its channels, so a crash inside site or a .pth file, before that, is not dumped.
        ProcessBuilder builder = new ProcessBuilder(python.toString(),
                templates.resolve(PythonTemplates.WORKER_SCRIPT).toString(), "--preload", preload,
                "--spawned-at", Long.toString(System.currentTimeMillis()), "--crash-log", crashLog.path());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("MPLBACKEND", "Agg");
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().remove("PYTHONSTARTUP");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ChartonException(ExitCode.UNAVAILABLE, "cannot run Python at " + python + ": " + reason(e), e);
        }
        try {
            return new PythonWorker(process, python, stderr, crashLog);
        } catch (RuntimeException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            crashLog.delete();
            throw e;
        }
    }

    public WorkerInfo info() {
        return info;
    }

    public Path python() {
        return python;
    }

    public long pid() {
        return process.pid();
    }

    /** True while the worker can take another request. */
    public boolean isUsable() {
        return !broken && process.isAlive();
    }

    /**
     * Sends one request with its Arrow data and returns the response: its header (media type,
     * length, timings) and the figure bytes. Python is killed, with all its children, when
     * {@code timeout} (null: none) passes before the figure is back.
     */
    public Rendered render(ObjectNode request, DataWriter data, Duration timeout) {
        return exchange(Frame.REQUEST, request, data, timeout, "rendering");
    }

    /**
     * Sends one session request (an {@code EXEC} frame: run the user's code, show rows) with its
     * data, and returns the response; its payload is text. Otherwise as {@link #render}.
     */
    public Rendered execute(ObjectNode request, DataWriter data, Duration timeout) {
        return exchange(Frame.EXECUTE, request, data, timeout, "running Python code");
    }

    private Rendered exchange(String kind, ObjectNode request, DataWriter data, Duration timeout, String phase) {
        if (!request.has("id")) {
            request.put("id", REQUEST_IDS.incrementAndGet());
        }
        try (Exchange exchange = new Exchange(timeout, phase)) {
            request.put("sent_at", System.currentTimeMillis());
            try {
                new Frame(kind, request).writeTo(toPython);
                data.writeTo(toPython);
                toPython.flush();
            } catch (IOException e) {
                // Python stopped reading: its response, or its death, says why.
            } catch (RuntimeException e) {
                // The input failed part-way (a bad row, a corrupt file): Python holds half a
                // stream, so this worker cannot be used again.
                kill();
                throw e;
            }
            return exchange.readResponse();
        }
    }

    /** Asks the worker to describe its interpreter, renderers and packages (charton doctor). */
    public JsonNode probe(Duration timeout) {
        try (Exchange exchange = new Exchange(timeout, "describing itself")) {
            try {
                ObjectNode header = Frame.object().put("id", REQUEST_IDS.incrementAndGet());
                new Frame(Frame.PROBE, header).writeTo(toPython);
                toPython.flush();
            } catch (IOException e) {
                // Answered below by the worker's death.
            }
            Rendered answer = exchange.readResponse();
            try {
                return Json.parse(answer.figure());
            } catch (IOException e) {
                throw new ChartonException(ExitCode.SOFTWARE, "Python's self-description is not JSON: " + e.getMessage(), e);
            }
        }
    }

    /**
     * One request and its response under a timeout. A watchdog kills Python when the time is up;
     * every failure to read becomes one ChartonException saying what happened to Python.
     */
    private final class Exchange implements AutoCloseable {
        private final Duration timeout;
        private final String phase;
        private final Watchdog watchdog;

        Exchange(Duration timeout, String phase) {
            this.timeout = timeout;
            this.phase = phase;
            this.watchdog = timeout == null ? null : Watchdog.start(timeout, PythonWorker.this::kill);
        }

        Rendered readResponse() {
            Frame response = readFrame();
            JsonNode header = response.header();
            long length = header.path("length").asLong(-1);
            if (!Frame.RESPONSE.equals(response.kind()) || length < 0 || length > Integer.MAX_VALUE - 8) {
                broken = true;
                throw new ChartonException(ExitCode.SOFTWARE, "Python answered with a malformed "
                        + response.kind() + " frame (length " + length + ")");
            }
            byte[] payload;
            try {
                payload = fromPython.readNBytes((int) length);
            } catch (IOException e) {
                throw died(e);
            }
            if (payload.length != length) {
                throw died(null);
            }
            if (header.path("closing").asBoolean()) {
                broken = true; // the worker ends after this answer: it cannot take another request
            }
            if (!"ok".equals(header.path("status").asText())) {
                throw PythonFailure.from(header.path("error"));
            }
            return new Rendered(header, payload);
        }

        Frame readFrame() {
            try {
                Frame frame = Frame.readFrom(fromPython);
                if (frame != null) {
                    return frame;
                }
                throw died(null);
            } catch (IOException e) {
                throw died(e);
            }
        }

        /** Why Python stopped talking: the timeout, or how the process ended. */
        private ChartonException died(IOException cause) {
            broken = true;
            if (watchdog != null && watchdog.fired()) {
                return new ChartonException(ExitCode.TEMP_FAIL, "Python did not finish within the timeout of "
                        + seconds(timeout) + " and was stopped (raise it with --timeout SECONDS, 0 for none)");
            }
            int status;
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
                status = process.waitFor();
                stderrPump.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return new ChartonException(ExitCode.INTERRUPTED, "interrupted");
            }
            // A Python that dies before greeting is not a usable interpreter; later deaths are crashes.
            ExitCode code = info == null ? ExitCode.UNAVAILABLE : ExitCode.SOFTWARE;
            String message = "Python (" + python + ") " + describeExit(status) + " while " + phase
                    + " without sending a result";
            return new PythonFailure(code, message, crashLog.read());
        }

        @Override
        public void close() {
            if (watchdog != null) {
                watchdog.cancel();
            }
        }
    }

    static String describeExit(int status) {
        if (status > 128 && status < 160) {
            int signal = status - 128;
            String name = switch (signal) {
                case 6 -> "SIGABRT";
                case 9 -> "SIGKILL, possibly out of memory";
                case 11 -> "SIGSEGV, a crash in native code";
                case 15 -> "SIGTERM";
                default -> "signal " + signal;
            };
            return "was killed (" + name + ")";
        }
        return "exited with code " + status;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
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

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Kills Python and everything it started (a timeout, or the user cancelling a request). */
    public void kill() {
        broken = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Charton is being stopped: Python goes, then its crash log (once Python can no longer create it). */
    private void killAtExit() {
        kill();
        try {
            process.onExit().get(1, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // SIGKILL was sent; the log is deleted anyway.
        }
        crashLog.delete();
    }

    /** Ends the worker: closing its stdin lets it exit on its own; it is killed if it does not. */
    @Override
    public void close() {
        try {
            toPython.close();
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
            killOnExit.close();
            crashLog.delete();
        }
    }

    /** A successful response: its header and payload (the figure). */
    public record Rendered(JsonNode header, byte[] figure) {
        public String mediaType() {
            return header.path("media_type").asText();
        }

        public JsonNode timings() {
            return header.path("timings");
        }
    }

    /** Writes the data that follows a request frame (an Arrow IPC stream). */
    @FunctionalInterface
    public interface DataWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The file Python's faulthandler writes a native crash dump to, shown with --verbose. Python
     * creates it (refusing one that exists): Files.createTempFile would set up SecureRandom, tens of
     * milliseconds on the way to starting Python.
     */
    private record CrashLog(Path file) {
        private static final AtomicLong COUNT = new AtomicLong();

        static CrashLog next() {
            return new CrashLog(PrivateTempFile.directory().resolve("charton-python-crash-"
                    + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + ".log"));
        }

        String path() {
            return file.toString();
        }

        String read() {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                return "";
            }
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover log in the temp directory is harmless.
            }
        }
    }
}
