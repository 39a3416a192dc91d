package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;
import dev.charton.lifecycle.Cleanup;
import dev.charton.lifecycle.Deadline;
import dev.charton.python.pool.WorkerPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Python process running charton's worker, serving requests one after another. It speaks the
 * framed protocol of docs/protocol.md over its {@link WorkerEnd}: the pipes of a process charton
 * started, or the socket of a worker service's serving process. A worker that crashed, timed out or
 * was left holding half a request is dead: {@link #isUsable()} says so, and a {@link WorkerPool}
 * replaces it.
 */
public final class PythonWorker implements AutoCloseable {
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final WorkerEnd end;
    private final Path python;
    private final OutputStream toPython;
    private final InputStream fromPython;
    private final PrintStream stderr;
    private final ObjectNode context;
    private final Cleanup.Registration killOnExit;
    private final WorkerInfo info;
    private volatile boolean broken;
    private volatile Integer reportedExit;

    private PythonWorker(WorkerEnd end, Path python, PrintStream stderr, ObjectNode context, Duration helloTimeout) {
        this.end = end;
        this.python = python;
        this.stderr = stderr;
        this.context = context;
        this.toPython = end.requests();
        this.fromPython = end.responses();
        this.killOnExit = Cleanup.onShutdown(this::killAtExit);
        Frame hello;
        try (Exchange greeting = new Exchange(helloTimeout, helloTimeout, "starting")) {
            hello = greeting.readFrame();
        }
        if (!Frame.HELLO.equals(hello.kind())) {
            kill();
            throw new ChartonException(ExitCode.UNAVAILABLE, "Python at " + python + " sent '" + hello.kind()
                    + "' instead of a greeting");
        }
        end.greeted(hello.header());
        this.info = WorkerInfo.from(hello.header());
    }

    /** Starts Python on charton_worker.py and waits for its greeting (not for its imports). */
    public static PythonWorker start(Path python, Path templates, String preload, Map<String, String> env,
                                     PrintStream stderr) {
        return over(ChildProcess.start(python, templates, preload, env, stderr), python, stderr, null, null);
    }

    /**
     * A worker over {@code end}, once it has greeted within {@code helloTimeout} (null: no limit).
     * Every frame sent carries {@code context} (null: none), the client's working directory and
     * environment, for a process that does not share them (docs/protocol.md, "The worker service").
     */
    public static PythonWorker over(WorkerEnd end, Path python, PrintStream stderr, ObjectNode context,
                                    Duration helloTimeout) {
        try {
            return new PythonWorker(end, python, stderr, context, helloTimeout);
        } catch (RuntimeException e) {
            end.kill();
            end.close();
            throw e;
        }
    }

    public WorkerInfo info() {
        return info;
    }

    public Path python() {
        return python;
    }

    /** True while the worker can take another request. */
    public boolean isUsable() {
        return !broken && end.isAlive();
    }

    /**
     * Sends one request with its Arrow data and returns the response: its header (media type,
     * length, timings) and the figure bytes. Python is killed, with all its children, when
     * {@code timeout} (null: none) passes before the figure is back.
     */
    public Rendered render(ObjectNode request, DataWriter data, Duration timeout) {
        return exchange(Frame.REQUEST, request, data, timeout, timeout, "rendering");
    }

    /**
     * As {@link #render}, within what is left of a command's {@code deadline}; a timeout names the
     * whole budget, the --timeout the user gave.
     */
    public Rendered renderWithin(ObjectNode request, DataWriter data, Deadline deadline) {
        return exchange(Frame.REQUEST, request, data, deadline.remaining(), deadline.budget(), "rendering");
    }

    /**
     * Sends one session request (an {@code EXEC} frame: run the user's code, show rows) with its
     * data, and returns the response; its payload is text. Otherwise as {@link #render}.
     */
    public Rendered execute(ObjectNode request, DataWriter data, Duration timeout) {
        return exchange(Frame.EXECUTE, request, data, timeout, timeout, "running Python code");
    }

    /** {@code told}: the timeout a message names (the command's whole budget), of which {@code timeout} is left. */
    private Rendered exchange(String kind, ObjectNode request, DataWriter data, Duration timeout, Duration told,
                              String phase) {
        if (!request.has("id")) {
            request.put("id", REQUEST_IDS.incrementAndGet());
        }
        try (Exchange exchange = new Exchange(timeout, told, phase)) {
            request.put("sent_at", System.currentTimeMillis());
            withContext(request);
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
        try (Exchange exchange = new Exchange(timeout, timeout, "describing itself")) {
            try {
                ObjectNode header = withContext(Frame.object().put("id", REQUEST_IDS.incrementAndGet()));
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
        private final Duration told;
        private final String phase;
        private final Watchdog watchdog;

        Exchange(Duration timeout, Duration told, String phase) {
            this.told = told;
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

        /** The next frame for charton, after passing on the output a service's process sent before it. */
        Frame readFrame() {
            try {
                while (true) {
                    Frame frame = Frame.readFrom(fromPython);
                    if (frame == null) {
                        throw died(null);
                    } else if (Frame.OUTPUT.equals(frame.kind())) {
                        passOn(frame);
                    } else if (Frame.EXIT.equals(frame.kind())) {
                        reportedExit = frame.header().path("status").asInt();
                        throw died(null);
                    } else {
                        return frame;
                    }
                }
            } catch (IOException e) {
                throw died(e);
            }
        }

        private void passOn(Frame output) throws IOException {
            byte[] text = fromPython.readNBytes(output.header().path("length").asInt());
            stderr.write(text);
            stderr.flush();
        }

        /** Why Python stopped talking: the timeout, or how the process ended. */
        private ChartonException died(IOException cause) {
            broken = true;
            if (watchdog != null && watchdog.fired()) {
                return new ChartonException(ExitCode.TEMP_FAIL, "Python did not finish within the timeout of "
                        + seconds(told) + " and was stopped (raise it with --timeout SECONDS, 0 for none)");
            }
            OptionalInt status;
            try {
                status = reportedExit != null ? OptionalInt.of(reportedExit) : end.exitStatus();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return new ChartonException(ExitCode.INTERRUPTED, "interrupted");
            }
            // A Python that dies before greeting is not a usable interpreter; later deaths are crashes.
            ExitCode code = info == null ? ExitCode.UNAVAILABLE : ExitCode.SOFTWARE;
            String message = "Python (" + python + ") " + (status.isPresent() ? describeExit(status.getAsInt()) : "ended")
                    + " while " + phase + " without sending a result";
            return new PythonFailure(code, message, end.crashDump());
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

    /** Kills Python and everything it started (a timeout, or the user cancelling a request). */
    public void kill() {
        broken = true;
        end.kill();
    }

    /** Charton is being stopped: Python goes, then its crash log (once Python can no longer create it). */
    private void killAtExit() {
        kill();
        end.close();
    }

    /** Ends the worker: it exits on its own when its input ends, and is killed if it does not. */
    @Override
    public void close() {
        end.close();
        killOnExit.close();
    }

    private ObjectNode withContext(ObjectNode header) {
        if (context != null) {
            header.set("context", context);
        }
        return header;
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
}
