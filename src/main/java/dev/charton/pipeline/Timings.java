package dev.charton.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charton.python.protocol.Frame;
import dev.charton.python.protocol.Json;
import dev.charton.python.protocol.PythonWorker;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Milestones of one figure on both sides of the bridge, printed as one JSON line on stderr when
 * CHARTON_TIMINGS=1: Java's (JVM start, input opened, data sent, figure received and written) beside
 * the worker's (spawned, greeted, preload start and end, request received; docs/protocol.md). All
 * are epoch milliseconds, so the overlap of Python's imports with Java's reading can be read off.
 */
public final class Timings {
    private final ObjectNode marks;
    private final PrintStream out;

    private Timings(ObjectNode marks, PrintStream out) {
        this.marks = marks;
        this.out = out;
    }

    /** Timings that record nothing. */
    public static Timings off() {
        return new Timings(null, null);
    }

    public static Timings fromEnvironment() {
        if (!"1".equals(System.getenv("CHARTON_TIMINGS"))) {
            return new Timings(null, null);
        }
        ObjectNode marks = Frame.object();
        marks.put("jvm_started_at", ManagementFactory.getRuntimeMXBean().getStartTime());
        return new Timings(marks, System.err);
    }

    public void mark(String milestone) {
        if (marks != null) {
            marks.put(milestone, System.currentTimeMillis());
        }
    }

    /** A count beside the milestones, such as the rows read and the rows sent to Python. */
    public void count(String name, long value) {
        if (marks != null) {
            marks.put(name, value);
        }
    }

    /** A text beside the milestones, such as the SQL sent to an engine. */
    public void note(String name, String text) {
        if (marks != null) {
            marks.put(name, text);
        }
    }

    public void report(PythonWorker.Rendered rendered) {
        if (marks == null) {
            return;
        }
        JsonNode python = rendered.timings();
        ObjectNode line = Frame.object();
        line.set("java", marks);
        line.set("python", python);
        out.println("charton: timings " + Json.text(line));
        out.flush();
    }
}
