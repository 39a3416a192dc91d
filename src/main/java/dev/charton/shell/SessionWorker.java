package dev.charton.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.error.ChartonException;
import dev.charton.python.protocol.PythonWorker;
import dev.charton.python.setup.PythonSetup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one warm Python worker of a shell session. It keeps the session's data after it was sent once
 * (docs/protocol.md, "Shell sessions"), so later requests name the dataset instead of sending it. A
 * Ctrl-C kills it while it works; so do a timeout and a crash. The next request then starts a fresh
 * worker, which gets the data again.
 */
final class SessionWorker implements AutoCloseable {
    private static final String STOPPED = "Python was stopped; a new one starts with the next command"
            + " (variables of py are gone)";

    private final PythonSetup python;
    private final Cancellation cancel;
    private CompletableFuture<PythonWorker> starting;
    private PythonWorker worker;
    private String heldDataset;
    private volatile PythonWorker busy;

    SessionWorker(PythonSetup python, Cancellation cancel) {
        this.python = python;
        this.cancel = cancel;
    }

    /** Starts a worker in the background, so the first command finds it ready. */
    void startEarly(String renderer) {
        if (worker == null && starting == null) {
            starting = python.startWorkerAsync(renderer);
        }
    }

    /** Sends a render request ({@code RQST}) with the data {@code data} writes (the figure pipeline's, not kept). */
    PythonWorker.Rendered render(ObjectNode request, PythonWorker.DataWriter data, String renderer, Duration timeout) {
        return use(renderer, w -> w.render(request, data, timeout));
    }

    /** Sends a session request ({@code EXEC}) with the data (or a reference to it), or none. */
    PythonWorker.Rendered execute(ObjectNode request, SessionData data, String renderer, Duration timeout) {
        return use(renderer, w -> w.execute(request, attach(request, w, data), timeout), data);
    }

    /** Runs {@code call} on the worker (starting one if there is none), where a Ctrl-C can stop it. */
    <T> T use(String renderer, Function<PythonWorker, T> call) {
        return use(renderer, call, null);
    }

    private <T> T use(String renderer, Function<PythonWorker, T> call, SessionData sent) {
        PythonWorker w = worker(renderer);
        cancel.check("nothing was sent to Python");
        busy = w;
        try {
            T result = call.apply(w);
            if (sent != null) {
                heldDataset = sent.key(); // read to its end: the worker keeps it even if the request failed
            }
            return result;
        } catch (ChartonException e) {
            if (cancel.requested()) {
                throw Cancellation.cancelled(STOPPED);
            }
            if (sent != null && w.isUsable()) {
                heldDataset = sent.key();
            }
            throw e;
        } finally {
            busy = null;
            if (!w.isUsable()) {
                drop();
            }
        }
    }

    /** Stops the request under way: its worker is killed, with everything it started. */
    void interrupt() {
        PythonWorker w = busy;
        if (w != null) {
            w.kill();
        }
    }

    private PythonWorker.DataWriter attach(ObjectNode request, PythonWorker w, SessionData data) {
        if (data == null) {
            request.put("data", "none");
            return out -> { };
        }
        request.put("dataset", data.key());
        if (data.key().equals(heldDataset)) {
            request.put("data", "dataset");
            return out -> { };
        }
        request.put("data", "arrow-stream");
        return data::writeTo;
    }

    private PythonWorker worker(String renderer) {
        if (worker != null && worker.isUsable()) {
            return worker;
        }
        drop();
        CompletableFuture<PythonWorker> early = starting;
        starting = null;
        worker = early != null ? PythonSetup.await(early) : python.startWorker(renderer);
        return worker;
    }

    private void drop() {
        if (worker != null) {
            worker.close();
        }
        worker = null;
        heldDataset = null;
    }

    @Override
    public void close() {
        CompletableFuture<PythonWorker> early = starting;
        starting = null;
        if (early != null) {
            early.thenAccept(PythonWorker::close);
        }
        drop();
    }
}
