package dev.charton.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.Cleanup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Python process running charton_worker.py. It speaks the framed protocol of docs/protocol.md
 * on its stdin and stdout; its stderr (including everything user code prints) is passed to ours.
 */
public final class PythonWorker implements AutoCloseable {
    private final Process process;
    private final OutputStream toPython;
    private final InputStream fromPython;
    private final Thread stderrPump;
    private final Cleanup.Registration killOnExit;
    private WorkerInfo info;
    private final AtomicBoolean timedOut = new AtomicBoolean();

    private PythonWorker(Process process, PrintStream stderr) throws IOException {
        this.process = process;
        this.toPython = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromPython = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderrPump = new Thread(() -> pump(process.getErrorStream(), stderr), "python-stderr");
        this.stderrPump.setDaemon(true);
        this.stderrPump.start();
        this.killOnExit = Cleanup.onShutdown(this::kill);
        Frame hello = readFrameOrCrash("starting");
        if (!Frame.HELLO.equals(hello.kind())) {
            throw new ChartonException(ExitCode.SOFTWARE, "Python sent '" + hello.kind() + "' instead of a greeting");
        }
        this.info = WorkerInfo.from(hello.header());
    }

    /**
     * Starts a worker. It greets at once with its version and missing packages, then imports the
     * renderer's libraries while the caller reads the input.
     */
    public static PythonWorker start(Path python, Path templates, String renderer, Map<String, String> env,
                                     PrintStream stderr) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-X", "faulthandler",
                templates.resolve(PythonTemplates.WORKER_SCRIPT).toString(), "--renderer", renderer));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("MPLBACKEND", "Agg");
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ChartonException(ExitCode.UNAVAILABLE, "cannot run Python at " + python + ": " + reason(e), e);
        }
        try {
            return new PythonWorker(process, stderr);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            if (e instanceof ChartonException ce) {
                throw ce;
            }
            throw new ChartonException(ExitCode.UNAVAILABLE, "Python at " + python + " did not start: " + reason(e), e);
        }
    }

    public WorkerInfo info() {
        return info;
    }

    /**
     * Sends one request with its Arrow data and copies the figure bytes of the response to
     * {@code figure}. Returns the response header (media type, length, timings).
     */
    public JsonNode render(ObjectNode request, DataWriter data, FigureReceiver figure, Duration timeout) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "python-timeout");
            t.setDaemon(true);
            return t;
        });
        ScheduledFuture<?> watchdog = timeout == null ? null : timer.schedule(() -> {
            timedOut.set(true);
            kill();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try {
                new Frame(Frame.REQUEST, request).writeTo(toPython);
                data.writeTo(toPython);
                toPython.flush();
            } catch (RuntimeException e) {
                // The input failed part-way (bad row, corrupt file): Python holds half a stream, so
                // this worker cannot be reused.
                kill();
                throw e;
            } catch (IOException e) {
                // Python stopped reading: its response (or its death) explains why.
                return readResponse(figure, timeout);
            }
            return readResponse(figure, timeout);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            timer.shutdownNow();
        }
    }

    private JsonNode readResponse(FigureReceiver figure, Duration timeout) {
        Frame response = readFrameOrCrash("rendering");
        JsonNode header = response.header();
        if (!"ok".equals(header.path("status").asText())) {
            throw failureFrom(header.path("error"));
        }
        long length = header.path("length").asLong(-1);
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new ChartonException(ExitCode.SOFTWARE, "Python announced a figure of " + length + " bytes");
        }
        byte[] bytes;
        try {
            bytes = fromPython.readNBytes((int) length);
        } catch (IOException e) {
            throw crashOr(e, "sending the figure", timeout);
        }
        if (bytes.length != length) {
            throw crashOr(null, "sending the figure", timeout);
        }
        figure.receive(bytes, header.path("media_type").asText());
        return header;
    }

    private Frame readFrameOrCrash(String phase) {
        try {
            Frame frame = Frame.readFrom(fromPython);
            if (frame != null) {
                return frame;
            }
        } catch (IOException e) {
            throw crashOr(e, phase, null);
        }
        throw crashOr(null, phase, null);
    }

    private ChartonException crashOr(IOException cause, String phase, Duration timeout) {
        if (timedOut.get()) {
            return new ChartonException(ExitCode.TEMP_FAIL, "Python did not finish within the timeout"
                    + (timeout == null ? "" : " of " + timeout.toSeconds() + " s") + "; it was stopped (raise --timeout)");
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
            return new ChartonException(ExitCode.INTERRUPTED, "interrupted");
        }
        // A Python that dies before greeting is not a usable interpreter; later deaths are crashes.
        ExitCode code = info == null ? ExitCode.UNAVAILABLE : ExitCode.SOFTWARE;
        return new ChartonException(code, "Python " + describeExit(status) + " while " + phase
                + " without sending a result" + (cause == null ? "" : " (" + reason(cause) + ")"), cause);
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

    private static PythonFailure failureFrom(JsonNode error) {
        String type = error.path("type").asText("Error");
        String message = error.path("message").asText("");
        String where = error.path("where").asText("");
        ExitCode code = switch (error.path("category").asText("")) {
            case "data" -> ExitCode.DATA;
            case "usage" -> ExitCode.USAGE;
            case "unavailable" -> ExitCode.UNAVAILABLE;
            case "output" -> ExitCode.CANT_CREATE;
            default -> ExitCode.SOFTWARE;
        };
        String summary = code == ExitCode.SOFTWARE
                ? (where.isEmpty() ? "" : where + ": ") + type + ": " + message
                : message;
        return new PythonFailure(code, summary, error.path("traceback").asText(""));
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

    /** Kills Python and anything it started. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            toPython.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException ignored) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            killOnExit.close();
        }
        try {
            stderrPump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the data that follows a request frame (an Arrow IPC stream). */
    @FunctionalInterface
    public interface DataWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Takes the complete figure of a successful response. */
    @FunctionalInterface
    public interface FigureReceiver {
        void receive(byte[] figure, String mediaType);
    }
}
