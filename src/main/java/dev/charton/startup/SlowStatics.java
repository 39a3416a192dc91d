package dev.charton.startup;

import dev.charton.pipeline.ChartSpec;
import dev.charton.pipeline.OutputFormat;
import dev.charton.pipeline.RenderRequest;
import dev.charton.pipeline.UserCode;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;

/**
 * Sets up, on a thread of its own, the static state a figure needs that takes longest to build
 * while the main thread parses the options: Arrow's allocators read their configuration and set up
 * their logging (SLF4J), Arrow's {@link Schema} builds a Jackson ObjectMapper and its reader for
 * Schema's JSON form, and a request header is Jackson's tree of the chart spec. On
 * the main thread they cost about a fifth of a warm plot's CPU time (docs/benchmarks.md, "With the
 * worker service"). Whichever thread comes first does the work; the other waits for it (the JVM
 * initialises a class once), so nothing is done twice or out of order.
 */
public final class SlowStatics {
    private SlowStatics() {
    }

    /** Starts setting them up; a command that turns out to need none of it loses nothing but the thread. */
    public static void beginInBackground() {
        start(() -> {
            setUpArrow();
            new RenderRequest(RenderRequest.DEFAULT_RENDERER, OutputFormat.PNG, ChartSpec.defaults(), UserCode.NONE)
                    .toHeader(0);
        });
    }

    /** Only Arrow's part, for a command that writes Arrow but draws nothing ({@code convert}). */
    public static void beginArrowInBackground() {
        start(SlowStatics::setUpArrow);
    }

    private static void start(Runnable setUp) {
        Thread thread = new Thread(() -> {
            try {
                setUp.run();
            } catch (RuntimeException | LinkageError e) {
                // The main thread meets the same failure where it needs the class, and reports it there.
            }
        }, "charton-statics");
        thread.setDaemon(true);
        thread.start();
    }

    private static void setUpArrow() {
        // The allocator first: the main thread needs it as soon as it opens the input.
        for (Class<?> slow : List.of(RootAllocator.class, Schema.class)) {
            try {
                Class.forName(slow.getName(), true, SlowStatics.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return; // the main thread reports it where it needs the class
            }
        }
    }
}
