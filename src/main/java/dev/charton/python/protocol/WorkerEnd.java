package dev.charton.python.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalInt;

/**
 * The Python process a {@link PythonWorker} talks to, and how to reach and end it: a child charton
 * started ({@link ChildProcess}), or a serving process of the worker service, over its socket.
 */
public interface WorkerEnd {
    /** Where request frames and their data go. */
    OutputStream requests();

    /** Where greetings, responses and (from a service) the request's output come from. */
    InputStream responses();

    /** The greeting arrived: what it says about the process (its crash log, for a service's). */
    default void greeted(JsonNode hello) {
    }

    boolean isAlive();

    /** Ends the process and every process it started (a timeout, a Ctrl-C, a half-sent request). */
    void kill();

    /**
     * How the process ended (waiting a few seconds for it, killing it if it does not), or empty when
     * this end cannot tell.
     */
    OptionalInt exitStatus() throws InterruptedException;

    /** A native crash dump the process left (Python's faulthandler), or an empty string. */
    String crashDump();

    /** Lets the process end on its own, killing it if it does not, and releases what is left. */
    void close();
}
